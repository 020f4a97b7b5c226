using System.Buffers;
using System.Net;
using AnshinMail.Rules.Policy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace AnshinMail.Rules.Subscribers;

/// <summary>
/// 空メール登録: an inbound SMTP listener (the SmtpServer package). A mail it receives is answered, at the
/// envelope sender, with a personal registration link; replies are limited per address. The mailto: of
/// List-Unsubscribe lands here too: a mail whose subject is 「unsubscribe &lt;personal token&gt;」 ends that
/// subscription, and nothing addressed to the unsubscribe address is ever answered. So do bounce reports
/// to the VERP envelope senders (<see cref="Delivery.BounceAddresses"/>), recorded by
/// <see cref="Delivery.BounceRecorder"/>.
/// Automatic, list and administrative mail is never answered (RFC 3834, <see cref="AutoReplyGuard"/>).
/// </summary>
internal sealed partial class EmptyMailListener(InboundOptions options, IServiceScopeFactory scopes,
    ILogger<EmptyMailListener> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var smtpOptions = new SmtpServerOptionsBuilder().ServerName("anshinmail")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Parse(options.Address), options.Port)))
            .MaxMessageSize(options.MaxMessageSize, MaxMessageSizeHandling.Strict).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        services.Add(new EnvelopeQuotingListenerFactory()); // T5: carriers' pre-RFC addresses, sent unquoted

        var server = new SmtpServer.SmtpServer(smtpOptions, services);
        log.LogInformation("Empty-mail registration listening on {Address}:{Port}", options.Address, options.Port);
        await server.StartAsync(stoppingToken);
    }

    private int MaxMessageSize => options.MaxMessageSize;

    private async Task Answer(IServiceProvider services, string from, IReadOnlyList<string> to, CancellationToken ct)
    {
        try
        {
            // T5: a station's own registration address (a poster's mailto:) preselects that station.
            var book = services.GetRequiredService<PolicyBooks.PolicyBook>();
            var station = to.Select(a => book.Registration.StationOf(book, a)).FirstOrDefault(s => s is not null);
            // The limit per address is counted in the database: shared by every node.
            if (!await services.GetRequiredService<EmptyMailRegistration>()
                    .ReplyWithinAsync(from, options.RepliesPerHour, ct, station?.Id))
                log.LogInformation("Empty mail from {From}: reply limit reached", from);
        }
        catch (PolicyRefusedException e)
        {
            log.LogWarning("Empty mail from {From} not answered: {Reason}", from, e.Message);
        }
    }

    /// <summary>A bounce report to a VERP address, an RFC 2369 mailto: unsubscription, or else a registration
    /// reply.</summary>
    internal async Task Receive(string? from, IReadOnlyList<string> to, MimeKit.MimeMessage message,
        CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var claims = scope.ServiceProvider.GetRequiredService<InboundClaims>();
        var key = InboundClaims.KeyOf(message);
        if (!await claims.TakeAsync(key, ct))
        {
            log.LogInformation("Mail {Key} already handled (by this or another node): not handled again", key);
            return;
        }
        try
        {
            await Handle(scope.ServiceProvider, from, to, message, ct);
        }
        catch
        {
            await claims.ForgetAsync(key);
            throw;
        }
    }

    private async Task Handle(IServiceProvider services, string? from, IReadOnlyList<string> to,
        MimeKit.MimeMessage message, CancellationToken ct)
    {
        var factory = services.GetRequiredService<Delivery.AlertMessageFactory>();
        if (to.FirstOrDefault(a => factory.Bounces.TryRead(a, out _, out _, out _)) is { } bounce)
        {
            var recorded = await services.GetRequiredService<Delivery.BounceRecorder>()
                .RecordAsync(bounce, message, ct);
            log.LogInformation("Bounce report: {Outcome}",
                recorded ? "permanent failure recorded" : "nothing to record");
            return;
        }
        if (UnsubscribeSubject().Match(message.Subject ?? "") is { Success: true } m)
        {
            var ended = await services.GetRequiredService<SubscriptionService>()
                .DeleteAsync(m.Groups[1].Value, ct);
            log.LogInformation("Unsubscribe mail: {Outcome}",
                ended ? "subscription ended" : "no subscription with that token");
            return;
        }
        var unsubscribe = factory.UnsubscribeAddress;
        if (to.Any(a => string.Equals(a, unsubscribe, StringComparison.OrdinalIgnoreCase)))
        {
            log.LogInformation("Mail to the unsubscribe address without a token: not answered");
            return;
        }
        if (AutoReplyGuard.ReasonNotToAnswer(message, from, factory.IsOwnAddress) is { } reason)
        {
            log.LogInformation("Mail not answered (RFC 3834): {Reason}", reason);
            return;
        }
        await Answer(services, from!, to, ct);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\s*unsubscribe\s+([A-Za-z0-9_\-]+)\s*$",
        System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex UnsubscribeSubject();

    private sealed class Store(EmptyMailListener owner) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction,
            ReadOnlySequence<byte> buffer, CancellationToken ct)
        {
            // Strict handling already cuts a sender off past the limit; this keeps the answer right at the edge.
            if (buffer.Length > owner.MaxMessageSize) return SmtpResponse.SizeLimitExceeded;
            using var stream = new MemoryStream(buffer.ToArray());
            // T5: carriers' pre-RFC addresses (taro.@docomo.ne.jp) in headers and, quoted, in the envelope.
            using var message = await MimeKit.MimeMessage.LoadAsync(MailAddresses.Parser, stream, ct);
            var from = transaction.From is { } f && !string.IsNullOrEmpty(f.User)
                && !string.IsNullOrEmpty(f.Host) ? MailAddresses.Unquote($"{f.User}@{f.Host}") : null;
            await owner.Receive(from,
                transaction.To.Select(t => MailAddresses.Unquote($"{t.User}@{t.Host}")).ToList(), message, ct);
            return SmtpResponse.Ok;
        }
    }
}
