using AnshinMail.Rules.Delivery;
using AnshinMail.Rules.PolicyBooks;
using AnshinMail.Rules.Storage;
using AnshinMail.Rules.Templates;
using Microsoft.EntityFrameworkCore;

namespace AnshinMail.Rules.Subscribers;

/// <summary>
/// T5 空メール登録: a mail to the registration address is answered with a personal start link; choosing on
/// that page completes the registration at once (receiving the link proves the address). The link is
/// single use and expires; the address's unsubscription voids it (<see cref="SubscriptionService.DeleteAsync"/>).
/// </summary>
public sealed class EmptyMailRegistration(
    AnshinDbContext db, PolicyBook book, NoticeMailer mailer, DeliveryOptions options, TimeProvider clock)
{
    /// <summary>
    /// Replies to a mail received at the registration address with a personal, signed, single-use link; a mail to
    /// a station's own registration address (<paramref name="stationId"/>) makes the link preselect its areas.
    /// </summary>
    public async Task ReplyAsync(string from, CancellationToken ct = default, string? stationId = null) =>
        await ReplyWithinAsync(from, int.MaxValue, ct, stationId);

    /// <summary>
    /// As <see cref="ReplyAsync"/>, but only while the address got fewer than <paramref name="perHour"/> links in
    /// the last hour, counted in the database so that every node shares the limit. The new link is stored first and
    /// the count read after: of replies racing on several nodes, the one that stores last sees them all, so the
    /// limit is never exceeded (a close race may refuse them all; the address's next mail is answered). False: not
    /// answered, nothing kept.
    /// </summary>
    internal async Task<bool> ReplyWithinAsync(string from, int perHour, CancellationToken ct,
        string? stationId = null)
    {
        var address = SubscriptionService.CheckAddress(from);
        var now = clock.GetUtcNow();
        await db.RegistrationLinks.Where(l => l.ExpiresAt < now).ExecuteDeleteAsync(ct);
        var link = new RegistrationLink
        {
            Nonce = SubscriptionTokens.NewNonce(),
            Email = address,
            ExpiresAt = now + SubscriptionService.ConfirmationValidity,
            StationId = book.FindUnit(stationId ?? "") is { Kind: UnitKind.Station } s ? s.Id : null,
        };
        db.RegistrationLinks.Add(link);
        await db.SaveChangesAsync(ct);
        // Links made in the last hour expire later than an hour before a new one does.
        var madeSince = link.ExpiresAt - TimeSpan.FromHours(1);
        if (await db.RegistrationLinks.CountAsync(l => l.Email == address && l.ExpiresAt > madeSince, ct) > perHour)
        {
            await db.RegistrationLinks.Where(l => l.Id == link.Id).ExecuteDeleteAsync(CancellationToken.None);
            return false;
        }
        var key = await SubscriptionTokens.KeyAsync(db, ct);
        var token = SubscriptionTokens.CreateStart(key, link.Nonce, link.ExpiresAt);
        var hours = SubscriptionService.ConfirmationValidity.TotalHours;
        var model = new NoticeModel(book.SystemName, $"{options.PublicBaseUrl.TrimEnd('/')}/subscribe/start/{token}",
            (int)hours);
        await mailer.SendAsync(address, Notice.RegistrationStart, model, ct, reply: true);
        return true;
    }

    /// <summary>The address a start link was sent to, when the link is right, not expired and not used.</summary>
    public async Task<string?> AddressOfAsync(string token, CancellationToken ct = default) =>
        (await FindAsync(token, ct))?.Email;

    /// <summary>The station whose registration address the empty mail went to, when the link is usable.</summary>
    public async Task<UnitDefinition?> StationOfAsync(string token, CancellationToken ct = default) =>
        (await FindAsync(token, ct))?.StationId is { } id ? book.FindUnit(id) : null;

    /// <summary>
    /// Registration through a start link. A known address keeps its settings and gets the choice. Returns the
    /// personal token (settings link), or null when the link is wrong, expired or used (also by a concurrent request).
    /// </summary>
    public async Task<string?> RegisterAsync(string token, SubscriptionChoice choice, CancellationToken ct = default)
    {
        if (await FindAsync(token, ct) is not { } link) return null;
        SubscriptionService.CheckChoice(book, choice);
        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await db.RegistrationLinks.Where(l => l.Id == link.Id).ExecuteDeleteAsync(ct) == 0) return null;
        var subscriber = await db.Subscribers.SingleOrDefaultAsync(s => s.Email == link.Email, ct)
            ?? db.Subscribers.Add(new Subscriber
            {
                Email = link.Email,
                Token = SubscriptionTokens.NewPersonalToken(),
                CreatedAt = now,
            }).Entity;
        subscriber.Categories = choice.Categories.Distinct().ToList();
        subscriber.Areas = choice.Areas.Distinct().ToList();
        (subscriber.QuietFrom, subscriber.QuietTo) = (choice.QuietFrom, choice.QuietTo);
        subscriber.Confirmed = true;
        subscriber.ConfirmedAt ??= now;
        subscriber.ConfirmationNonce = null;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return subscriber.Token;
    }

    private async Task<RegistrationLink?> FindAsync(string token, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var key = await SubscriptionTokens.KeyAsync(db, ct);
        if (SubscriptionTokens.ReadStart(key, token) is not { } t || t.Expires < now) return null;
        return await db.RegistrationLinks.AsNoTracking()
            .SingleOrDefaultAsync(l => l.Nonce == t.Nonce && l.ExpiresAt >= now, ct);
    }
}
