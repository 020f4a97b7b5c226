using AnshinMail.Rules.Delivery;
using AnshinMail.Rules.PolicyBooks;
using AnshinMail.Rules.Storage;

namespace AnshinMail.Web.Infrastructure;

/// <summary>
/// /healthz (Y13: the system runs around the clock). Anyone gets ok / degraded and nothing more; the security
/// manager, signed in, also gets the database, the mail transport and the policy book (Y12.3: abnormalities are
/// reported to them). The mail probe is cached, so callers cannot make AnshinMail open SMTP sessions at will.
/// </summary>
public static class Health
{
    public static void MapHealth(this WebApplication app)
    {
        var probe = new MailProbe(
            app.Services.GetRequiredService<IMailTransport>(), app.Services.GetRequiredService<TimeProvider>());
        app.MapGet("/healthz", async (HttpContext http, PolicyBook book, AnshinDbContext db, IMailTransport transport,
            CancellationToken ct) =>
        {
            var database = await db.Database.CanConnectAsync(ct);
            var problem = await probe.ProblemAsync(ct);
            var status = database && problem is null ? "ok" : "degraded";
            var code = status == "ok" ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable;
            if (http.User.Identity?.IsAuthenticated != true || !http.User.ToPerson().IsSecurityManager(book))
                return Results.Json(new { status }, statusCode: code);
            var mail = problem is null ? "ok" : "unreachable: " + problem;
            var details = new
            {
                status,
                policyBook = book.SourcePath,
                database,
                mail,
                transport = transport.Describe(),
            };
            return Results.Json(details, statusCode: code);
        }).AllowAnonymous();
    }
}

/// <summary>
/// Opens a mail session at most once per <see cref="Period"/>, however many ask; the result is kept meanwhile.
/// </summary>
public sealed class MailProbe(IMailTransport transport, TimeProvider clock)
{
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (DateTimeOffset At, string? Problem)? _last;

    /// <summary>
    /// Null when the transport opened a session; the reason (for the security manager) when it did not.
    /// </summary>
    public async Task<string?> ProblemAsync(CancellationToken ct)
    {
        if (Fresh() is { } cached) return cached.Problem;
        await _gate.WaitAsync(ct);
        try
        {
            if (Fresh() is { } meanwhile) return meanwhile.Problem;
            string? problem = null;
            try
            {
                using var timeout = new CancellationTokenSource(Timeout, clock);
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
                await using var session = await transport.OpenAsync(linked.Token);
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                problem = e.Message;
            }
            _last = (clock.GetUtcNow(), problem);
            return problem;
        }
        finally
        {
            _gate.Release();
        }
    }

    private (DateTimeOffset At, string? Problem)? Fresh() =>
        _last is { } last && clock.GetUtcNow() - last.At < Period ? last : null;
}
