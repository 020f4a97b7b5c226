using AnshinMail.Rules.Storage;

namespace AnshinMail.Rules.Delivery;

/// <summary>4xx replies are retried with backoff (<see cref="DeliveryOptions.TransientRetries"/>); what is left
/// is recorded as a failure.</summary>
internal static class TransientRetry
{
    public static async Task<SendResult> SendAsync(IMailSession session, MimeKit.MimeMessage message,
        MimeKit.MailboxAddress? envelopeFrom, DeliveryOptions options, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var result = await session.SendAsync(message, envelopeFrom, ct);
            if (result.IsAccepted || !result.IsTransient || attempt >= options.TransientRetries) return result;
            await Task.Delay(options.RetryDelay * Math.Pow(2, attempt), ct);
        }
    }

    public static DeliveryFailure Failure(Alert alert, Subscriber subscriber, SendResult result, TimeProvider clock) =>
        DeliveryFailure.Of(alert.Id, subscriber, result.Code, !result.IsTransient, result.Reply, clock.GetUtcNow());
}
