using AnshinMail.Rules.Delivery;
using AnshinMail.Rules.Policy;
using AnshinMail.Rules.PolicyBooks;
using AnshinMail.Rules.Storage;
using AnshinMail.Rules.Templates;
using Microsoft.EntityFrameworkCore;

namespace AnshinMail.Rules.Subscribers;

/// <summary>
/// T5: a resident moves to a new address from the settings page. A signed, expiring, single-use link goes to the
/// new address; until it is used the old address keeps receiving. The page says the same whatever the new address
/// is: that it belongs to another registration shows only to whoever opens the link mailed to it.
/// </summary>
public sealed class AddressChange(
    AnshinDbContext db, PolicyBook book, NoticeMailer mailer, DeliveryOptions options, TimeProvider clock)
{
    /// <summary>How long an address-change link stays valid (the same as a confirmation link).</summary>
    public static TimeSpan Validity => SubscriptionService.ConfirmationValidity;

    /// <summary>Mails the confirmation link to <paramref name="newEmail"/>. Returns false for an unknown token.
    /// </summary>
    /// <remarks>The mail is in the language of the settings page the resident used.</remarks>
    public async Task<bool> RequestAsync(string personalToken, string newEmail,
        NoticeLanguage language = NoticeLanguage.Ordinary, CancellationToken ct = default)
    {
        var subscriber = await db.Subscribers.SingleOrDefaultAsync(s => s.Token == personalToken && s.Confirmed, ct);
        if (subscriber is null) return false;
        var address = SubscriptionService.CheckAddress(newEmail);
        if (string.Equals(address, subscriber.Email, StringComparison.OrdinalIgnoreCase))
            throw PolicyRefusedException.Because("T5", "subscribe.address-same", "今のメールアドレスと同じです。");
        var now = clock.GetUtcNow();
        // The same new address asked again within the interval: the link already sent is still good.
        if (subscriber.PendingEmail == address && subscriber.LastMailAt is { } last
            && now - last < SubscriptionService.MailInterval) return true;
        var previousMail = subscriber.LastMailAt;
        var nonce = SubscriptionTokens.NewNonce();
        subscriber.RequestAddressChange(address, nonce, now + Validity);
        subscriber.LastMailAt = now;
        await db.SaveChangesAsync(ct);
        var token = SubscriptionTokens.Create(await SubscriptionTokens.KeyAsync(db, ct), subscriber.Id,
            now + Validity, nonce, LinkPurpose.AddressChange);
        var url = NoticeLinks.In($"{options.PublicBaseUrl.TrimEnd('/')}/subscribe/address/{token}", language);
        try
        {
            await mailer.SendAsync(address, Notice.AddressChange,
                new NoticeModel(book.SystemName, url, (int)Validity.TotalHours), ct, language: language);
        }
        catch (PolicyRefusedException)
        {
            subscriber.CancelAddressChange();
            subscriber.LastMailAt = previousMail;
            await db.SaveChangesAsync(CancellationToken.None);
            throw;
        }
        return true;
    }

    /// <summary>The new address a link would confirm, when the link is right, unexpired and unused.</summary>
    public async Task<string?> PendingAddressAsync(string token, CancellationToken ct = default) =>
        (await FindAsync(token, ct))?.PendingEmail;

    /// <summary>Uses the link: the subscription moves to the new address. Returns the personal token, or null when
    /// the link is wrong, expired or used.</summary>
    public async Task<string?> ConfirmAsync(string token, CancellationToken ct = default)
    {
        if (await FindAsync(token, ct) is not { } subscriber) return null;
        var address = subscriber.PendingEmail!;
        var other = await db.Subscribers.SingleOrDefaultAsync(s => s.Email == address && s.Id != subscriber.Id, ct);
        if (other is { Confirmed: true })
            throw PolicyRefusedException.Because("T5", "subscribe.address-taken",
                "このメールアドレスは、すでに別の登録で使われています。そちらの配信を停止してから、もう一度変更してください。");
        // An unconfirmed registration of the address: whoever opened this link owns the address.
        if (other is not null) db.Subscribers.Remove(other);
        subscriber.ConfirmAddressChange();
        await db.SaveChangesAsync(ct);
        return subscriber.Token;
    }

    private async Task<Subscriber?> FindAsync(string token, CancellationToken ct)
    {
        var key = await SubscriptionTokens.KeyAsync(db, ct);
        if (SubscriptionTokens.Read(key, token, LinkPurpose.AddressChange) is not { } t) return null;
        if (t.Expires < clock.GetUtcNow()) return null;
        return await db.Subscribers.SingleOrDefaultAsync(
            s => s.Id == t.Id && s.Confirmed && s.EmailChangeNonce == t.Nonce && s.PendingEmail != null, ct);
    }
}
