using AnshinMail.Rules.Storage;
using Microsoft.EntityFrameworkCore;

namespace AnshinMail.Rules.Delivery;

/// <summary>For the pages: how far an alert's delivery has come.</summary>
public sealed record DeliveryProgress(
    long AlertId, AlertStatus Status, int Recipients, int Delivered, int Failed, double RatePerSecond,
    string? LastError, int Held = 0)
{
    /// <summary>訓練: messages the drill kept back (not allowed recipients); done, neither sent nor failed.</summary>
    public int Withheld { get; init; }
    /// <summary>Messages neither delivered, failed nor withheld yet.</summary>
    public int Remaining => Math.Max(0, Recipients - Delivered - Failed - Withheld);
    /// <summary>How much of the fan-out is done, 0–100.</summary>
    public int Percent => Recipients == 0 ? (Status == AlertStatus.Sent ? 100 : 0)
        : (int)(100L * (Delivered + Failed + Withheld) / Recipients);

    /// <summary>The progress of alert <paramref name="alertId"/>, or null when there is none.</summary>
    public static async Task<DeliveryProgress?> OfAsync(AnshinDbContext db, long alertId, TimeProvider clock,
        CancellationToken ct = default)
    {
        var a = await db.Alerts.AsNoTracking().SingleOrDefaultAsync(x => x.Id == alertId, ct);
        if (a is null) return null;
        var end = a.SentAt ?? clock.GetUtcNow();
        var seconds = a.StartedAt is { } start ? (end - start).TotalSeconds : 0;
        return new DeliveryProgress(a.Id, a.Status, a.Recipients, a.Delivered, a.Failed,
            seconds > 0 ? a.Delivered / seconds : 0, a.LastError, a.Held) { Withheld = a.Withheld };
    }
}
