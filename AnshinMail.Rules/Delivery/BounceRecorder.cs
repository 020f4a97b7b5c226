using System.Text.RegularExpressions;
using AnshinMail.Rules.Storage;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace AnshinMail.Rules.Delivery;

/// <summary>
/// Bounce reports that come back after the relay accepted a message (RFC 3464 delivery status notifications,
/// sent to the message's VERP envelope sender). A permanent failure ("Action: failed", status 5.x.x) of a
/// known message is recorded like a refusal during delivery and counts towards suspending the subscriber;
/// delays, forged addresses (wrong tag) and repeats of a report already recorded change nothing.
/// </summary>
public sealed partial class BounceRecorder(AnshinDbContext db, AlertMessageFactory messages, DeliveryOptions options,
    TimeProvider clock)
{
    /// <summary>Records <paramref name="report"/>, received at the VERP address <paramref name="recipient"/>, as a
    /// permanent failure; false when it is not one or not ours.</summary>
    public async Task<bool> RecordAsync(string recipient, MimeMessage report, CancellationToken ct = default)
    {
        if (!messages.Bounces.TryRead(recipient, out var alertId, out var subscriberId, out var tag)) return false;
        if (PermanentFailure(report) is not { } failure) return false;
        var subscriber = await db.Subscribers.AsNoTracking().SingleOrDefaultAsync(s => s.Id == subscriberId, ct);
        if (subscriber is null || BounceAddresses.Tag(subscriber.Token) != tag) return false;
        if (!await db.Alerts.AnyAsync(a => a.Id == alertId, ct)) return false;
        if (await db.DeliveryFailures.AnyAsync(
                f => f.AlertId == alertId && f.SubscriberId == subscriberId && f.Permanent, ct)) return false;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.DeliveryFailures.Add(new DeliveryFailure
        {
            AlertId = alertId,
            SubscriberId = subscriberId,
            Email = subscriber.Email,
            Code = failure.Code,
            Permanent = true,
            Reply = Truncate($"不達通知 {failure.Status}: {failure.Diagnostic}"), At = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(ct);
        await Suspensions.CountPermanentFailuresAsync(db, [subscriberId], options.SuspendAfterPermanentFailures);
        await tx.CommitAsync(ct);
        return true;
    }

    private sealed record Failure(int Code, string Status, string Diagnostic);

    /// <summary>The first recipient of the report that failed for good, if any.</summary>
    private static Failure? PermanentFailure(MimeMessage report)
    {
        var status = report.BodyParts.OfType<MessageDeliveryStatus>().FirstOrDefault();
        if (status is null) return null;
        foreach (var group in status.StatusGroups.Skip(1))
        {
            var code = group["Status"]?.Trim() ?? "";
            if (!string.Equals(group["Action"]?.Trim(), "failed", StringComparison.OrdinalIgnoreCase)
                || !code.StartsWith('5')) continue;
            var diagnostic = group["Diagnostic-Code"]?.Trim() ?? "";
            var reply = ReplyCode().Match(diagnostic);
            return new Failure(
                reply.Success ? int.Parse(reply.Value, System.Globalization.CultureInfo.InvariantCulture) : 550,
                code, diagnostic);
        }
        return null;
    }

    [GeneratedRegex(@"\b5\d\d\b")]
    private static partial Regex ReplyCode();

    private static string Truncate(string text) => text.Length <= 1000 ? text : text[..1000];
}
