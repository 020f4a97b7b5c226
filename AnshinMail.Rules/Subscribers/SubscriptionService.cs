using AnshinMail.Rules.Delivery;
using AnshinMail.Rules.Policy;
using AnshinMail.Rules.PolicyBooks;
using AnshinMail.Rules.Storage;
using AnshinMail.Rules.Templates;
using Microsoft.EntityFrameworkCore;

namespace AnshinMail.Rules.Subscribers;

/// <summary>What a resident chose.</summary>
public sealed record SubscriptionChoice(
    IReadOnlyCollection<string> Categories, IReadOnlyCollection<string> Areas, TimeOnly? QuietFrom = null,
    TimeOnly? QuietTo = null);

/// <summary>
/// T5: residents' subscriptions. Double opt-in (nothing is sent before the signed, expiring, single-use
/// link is used); re-registering a known address mails that address instead of saying so on the page;
/// personal settings and one-click unsubscribe by the opaque token in every mail; deletion is for good.
/// </summary>
public sealed class SubscriptionService(
    AnshinDbContext db, PolicyBook book, NoticeMailer mailer, DeliveryOptions options, TimeProvider clock)
{
    /// <summary>How long a registration's confirmation link stays valid.</summary>
    public static readonly TimeSpan ConfirmationValidity = TimeSpan.FromHours(48);
    /// <summary>At most one registration mail per address in this period, whatever is submitted.</summary>
    public static readonly TimeSpan MailInterval = TimeSpan.FromMinutes(5);

    private string Base => options.PublicBaseUrl.TrimEnd('/');

    /// <summary>Registers (or re-asks confirmation for) an address. The caller always shows the same answer. The mail
    /// is in the language of the page the resident used.</summary>
    public async Task RegisterAsync(string email, SubscriptionChoice choice,
        NoticeLanguage language = NoticeLanguage.Ordinary, CancellationToken ct = default)
    {
        var address = CheckAddress(email);
        CheckChoice(choice);
        var now = clock.GetUtcNow();
        var subscriber = await db.Subscribers.SingleOrDefaultAsync(s => s.Email == address, ct);
        if (subscriber is { LastMailAt: { } last } && now - last < MailInterval) return;
        var previousMail = subscriber?.LastMailAt;
        if (subscriber is { Confirmed: true })
        {
            subscriber.LastMailAt = now;
            await db.SaveChangesAsync(ct);
            await MailOrUndo(subscriber, previousMail, Notice.AlreadyRegistered, language,
                new NoticeModel(book.SystemName,
                    NoticeLinks.In($"{Base}/subscribe/manage/{subscriber.Token}", language)), ct);
            return;
        }
        subscriber ??= db.Subscribers.Add(
            new Subscriber { Email = address, Token = SubscriptionTokens.NewPersonalToken(), CreatedAt = now }).Entity;
        subscriber.Categories = choice.Categories.Distinct().ToList();
        subscriber.Areas = choice.Areas.Distinct().ToList();
        (subscriber.QuietFrom, subscriber.QuietTo) = (choice.QuietFrom, choice.QuietTo);
        subscriber.ConfirmationNonce = SubscriptionTokens.NewNonce();
        subscriber.ConfirmationExpiresAt = now + ConfirmationValidity;
        subscriber.LastMailAt = now;
        await db.SaveChangesAsync(ct);
        var token = SubscriptionTokens.Create(await SubscriptionTokens.KeyAsync(db, ct), subscriber.Id,
            subscriber.ConfirmationExpiresAt.Value, subscriber.ConfirmationNonce);
        await MailOrUndo(subscriber, previousMail, Notice.Confirmation, language, new NoticeModel(book.SystemName,
            NoticeLinks.In($"{Base}/subscribe/confirm/{token}", language), (int)ConfirmationValidity.TotalHours), ct);
    }

    /// <summary>Uses a confirmation link. Returns the personal token, or null when the link is wrong, expired or
    /// used.</summary>
    public async Task<string?> ConfirmAsync(string token, CancellationToken ct = default)
    {
        if (SubscriptionTokens.Read(await SubscriptionTokens.KeyAsync(db, ct), token) is not { } t) return null;
        var now = clock.GetUtcNow();
        if (t.Expires < now) return null;
        var subscriber = await db.Subscribers.SingleOrDefaultAsync(s => s.Id == t.Id, ct);
        if (subscriber is null || subscriber.ConfirmationNonce != t.Nonce) return null;
        subscriber.Confirmed = true;
        subscriber.ConfirmedAt ??= now;
        subscriber.ConfirmationNonce = null;
        subscriber.ConfirmationExpiresAt = null;
        await db.SaveChangesAsync(ct);
        return subscriber.Token;
    }

    /// <summary>A confirmation link that is well signed and not expired (for the page that asks to press the
    /// button).</summary>
    public async Task<bool> IsPendingAsync(string token, CancellationToken ct = default) =>
        SubscriptionTokens.Read(await SubscriptionTokens.KeyAsync(db, ct), token) is { } t
            && t.Expires >= clock.GetUtcNow()
        && await db.Subscribers.AnyAsync(s => s.Id == t.Id && s.ConfirmationNonce == t.Nonce, ct);

    /// <summary>The confirmed subscriber with this personal token, or null.</summary>
    public Task<Subscriber?> FindAsync(string personalToken, CancellationToken ct = default) =>
        string.IsNullOrEmpty(personalToken) ? Task.FromResult<Subscriber?>(null)
            : db.Subscribers.AsNoTracking().SingleOrDefaultAsync(s => s.Token == personalToken && s.Confirmed, ct);

    /// <summary>Changes the categories, areas and pause of the subscriber with this personal token; false when there is
    /// none.</summary>
    public async Task<bool> UpdateAsync(string personalToken, SubscriptionChoice choice, bool paused,
        CancellationToken ct = default)
    {
        CheckChoice(choice);
        var subscriber = await db.Subscribers.SingleOrDefaultAsync(s => s.Token == personalToken && s.Confirmed, ct);
        if (subscriber is null) return false;
        subscriber.Categories = choice.Categories.Distinct().ToList();
        subscriber.Areas = choice.Areas.Distinct().ToList();
        (subscriber.QuietFrom, subscriber.QuietTo) = (choice.QuietFrom, choice.QuietTo);
        subscriber.Paused = paused;
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Unsubscribe (RFC 8058 one-click, or the settings page): the address is removed for good.</summary>
    public async Task<bool> DeleteAsync(string personalToken, CancellationToken ct = default)
    {
        var subscriber = await db.Subscribers.SingleOrDefaultAsync(s => s.Token == personalToken, ct);
        if (subscriber is null) return false;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.DeliveryFailures.Where(f => f.SubscriberId == subscriber.Id).ExecuteDeleteAsync(ct);
        // A start link mailed before and not used yet must not subscribe the address again.
        await db.RegistrationLinks.Where(l => l.Email == subscriber.Email).ExecuteDeleteAsync(ct);
        db.Subscribers.Remove(subscriber);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>T5: the address in its stored form; carriers' pre-RFC local parts are accepted
    /// (<see cref="MailAddresses"/>).</summary>
    internal static string CheckAddress(string email) =>
        MailAddresses.Normalize(email)
        ?? throw PolicyRefusedException.Because("T5", "subscribe.address", "メールアドレスの形式が正しくありません。");

    private void CheckChoice(SubscriptionChoice choice) => CheckChoice(book, choice);

    internal static void CheckChoice(PolicyBook book, SubscriptionChoice choice)
    {
        if (choice.Categories.Count == 0 || choice.Categories.Any(c => book.Categories.All(x => x.Id != c)))
            throw PolicyRefusedException.Because("T5", "subscribe.categories", "受け取る情報種別を1つ以上選んでください。");
        var areas = book.AllAreas.ToHashSet();
        if (choice.Areas.Count == 0 || choice.Areas.Any(a => !areas.Contains(a)))
            throw PolicyRefusedException.Because("T5", "subscribe.areas", "受け取る地域を1つ以上選んでください。");
        if (choice.QuietFrom.HasValue != choice.QuietTo.HasValue || (choice.QuietFrom is { } f && f == choice.QuietTo))
            throw PolicyRefusedException.Because("T5", "subscribe.quiet-hours", "配信を控える時間帯は、開始と終了を両方、異なる時刻で指定してください。");
    }

    /// <summary>
    /// Mails a subscriber; when the mail cannot go, the time of their last mail is put back, so that the
    /// limit of one mail per address per interval does not swallow the resident's next try.
    /// </summary>
    private async Task MailOrUndo(
        Subscriber subscriber, DateTimeOffset? previousMail, Notice notice, NoticeLanguage language, NoticeModel model,
        CancellationToken ct)
    {
        try
        {
            await mailer.SendAsync(subscriber.Email, notice, model, ct, language: language);
        }
        catch (PolicyRefusedException)
        {
            subscriber.LastMailAt = previousMail;
            await db.SaveChangesAsync(CancellationToken.None);
            throw;
        }
    }
}
