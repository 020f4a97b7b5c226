using AnshinMail.Rules.Delivery;
using AnshinMail.Rules.PolicyBooks;
using AnshinMail.Rules.Storage;
using AnshinMail.Rules.Templates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AnshinMail.Rules.Workflow.Notices;

/// <summary>
/// Mails staff notices over the alerts' transport, each built by <see cref="AlertMessageFactory"/> from a template
/// (<see cref="NoticeRenderer"/>). Never throws for a relay or storage fault: the failure is recorded on the notice
/// and a later pass (<see cref="StaffNoticeWorker"/>) tries again; who already got it is not mailed twice.
/// </summary>
public sealed class StaffNoticeMailer(PolicyBook book, IMailTransport transport, AlertMessageFactory messages,
    NoticeRenderer notices, DeliveryOptions options, TimeProvider clock, ILogger<StaffNoticeMailer>? log = null)
{
    /// <summary>After this many passes a notice is left alone; the home page still lists its item.</summary>
    public const int MaxAttempts = 12;

    private readonly SemaphoreSlim _one = new(1, 1);

    /// <summary>Sends the notices an operation has just committed (tracked by <paramref name="db"/>).</summary>
    public Task SendAsync(AnshinDbContext db, IReadOnlyList<StaffNotice> committed, CancellationToken ct) =>
        Guarded(async () =>
        {
            foreach (var notice in committed) await SendAsync(db, notice, ct);
        }, ct);

    /// <summary>The later pass: notices not yet done whose last attempt is <paramref name="retryAfter"/> ago, and
    /// any left unsent by a stop between an operation's commit and its mail.</summary>
    public Task DispatchAsync(AnshinDbContext db, TimeSpan retryAfter, CancellationToken ct) => Guarded(async () =>
    {
        var due = clock.GetUtcNow() - retryAfter;
        var pending = (await db.StaffNotices.Where(n => n.DoneAt == null && n.Attempts < MaxAttempts)
            .ToListAsync(ct)).Where(n => (n.LastAttemptAt ?? n.CreatedAt) <= due).OrderBy(n => n.Id).ToList();
        foreach (var notice in pending) await SendAsync(db, notice, ct);
    }, ct);

    private async Task Guarded(Func<Task> send, CancellationToken ct)
    {
        await _one.WaitAsync(ct);
        try
        {
            await send();
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            // Never the operation's failure: it is committed; the notice keeps its state for the next pass.
            log?.LogWarning(e, "職員への通知を送れませんでした。次の処理で再送します。");
        }
        finally
        {
            _one.Release();
        }
    }

    private async Task SendAsync(AnshinDbContext db, StaffNotice notice, CancellationToken ct)
    {
        var letter = await new NoticeRecipients(db, book, options.PublicBaseUrl).LetterAsync(notice, ct);
        string? error = null;
        var to = letter?.To.Where(a => !notice.DeliveredTo.Contains(a.UserId)).ToList() ?? [];
        if (to.Count > 0)
        {
            try
            {
                await using var session = await transport.OpenAsync(ct);
                foreach (var account in to) error = await SendOneAsync(session, notice, letter!, account, ct) ?? error;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                error = e.Message; // relay unreachable, connection lost, TLS or login failed
            }
        }
        notice.Attempted(error, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }

    private async Task<string?> SendOneAsync(IMailSession session, StaffNotice notice, NoticeLetter letter,
        PersonAccount account, CancellationToken ct)
    {
        using var message = messages.BuildNotice(account.NotificationAddress!,
            notices.Render(notice.Kind, letter.Model(account)), "auto-generated", clock.GetUtcNow());
        var result = await session.SendAsync(message, ct);
        if (!result.IsAccepted) return $"{result.Code} {result.Reply}";
        notice.Delivered(account.UserId);
        return null;
    }
}
