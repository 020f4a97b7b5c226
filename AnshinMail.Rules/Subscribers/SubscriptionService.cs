using AnshinMail.Rules.Delivery;
using AnshinMail.Rules.Policy;
using AnshinMail.Rules.PolicyBooks;
using AnshinMail.Rules.Storage;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace AnshinMail.Rules.Subscribers;

/// <summary>What a resident chose.</summary>
public sealed record SubscriptionChoice(
    IReadOnlyCollection<string> Categories, IReadOnlyCollection<string> Areas, TimeOnly? QuietFrom = null, TimeOnly? QuietTo = null);

/// <summary>
/// T5: residents' subscriptions. Double opt-in (nothing is sent before the signed, expiring, single-use
/// link is used); re-registering a known address mails that address instead of saying so on the page;
/// personal settings and one-click unsubscribe by the opaque token in every mail; deletion is for good.
/// </summary>
public sealed class SubscriptionService(AnshinDbContext db, PolicyBook book, IMailTransport transport, DeliveryOptions options, TimeProvider clock)
{
    public static readonly TimeSpan ConfirmationValidity = TimeSpan.FromHours(48);
    /// <summary>At most one registration mail per address in this period, whatever is submitted.</summary>
    public static readonly TimeSpan MailInterval = TimeSpan.FromMinutes(5);

    private string Base => options.PublicBaseUrl.TrimEnd('/');

    /// <summary>Registers (or re-asks confirmation for) an address. The caller always shows the same answer.</summary>
    public async Task RegisterAsync(string email, SubscriptionChoice choice, CancellationToken ct = default)
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
            await MailOrUndo(subscriber, previousMail, $"【{book.SystemName}】すでに登録されています",
                $"このアドレスは{book.SystemName}に登録済みです。\n配信内容の変更・配信停止は次のページから行えます。\n{Base}/subscribe/manage/{subscriber.Token}\n\n心当たりがない場合は、このメールを破棄してください。\n", ct);
            return;
        }
        subscriber ??= db.Subscribers.Add(new Subscriber { Email = address, Token = SubscriptionTokens.NewPersonalToken(), CreatedAt = now }).Entity;
        subscriber.Categories = choice.Categories.Distinct().ToList();
        subscriber.Areas = choice.Areas.Distinct().ToList();
        (subscriber.QuietFrom, subscriber.QuietTo) = (choice.QuietFrom, choice.QuietTo);
        subscriber.ConfirmationNonce = SubscriptionTokens.NewNonce();
        subscriber.ConfirmationExpiresAt = now + ConfirmationValidity;
        subscriber.LastMailAt = now;
        await db.SaveChangesAsync(ct);
        var token = SubscriptionTokens.Create(await SubscriptionTokens.KeyAsync(db, ct), subscriber.Id, subscriber.ConfirmationExpiresAt.Value, subscriber.ConfirmationNonce);
        await MailOrUndo(subscriber, previousMail, $"【{book.SystemName}】登録の確認",
            $"{book.SystemName}への登録を受け付けました。\n次のページを開き、「登録を完了する」を押してください（{ConfirmationValidity.TotalHours:0}時間有効・1回限り）。\n{Base}/subscribe/confirm/{token}\n\n心当たりがない場合は、このメールを破棄してください。登録は完了しません。\n", ct);
    }

    /// <summary>Uses a confirmation link. Returns the personal token, or null when the link is wrong, expired or used.</summary>
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

    /// <summary>A confirmation link that is well signed and not expired (for the page that asks to press the button).</summary>
    public async Task<bool> IsPendingAsync(string token, CancellationToken ct = default) =>
        SubscriptionTokens.Read(await SubscriptionTokens.KeyAsync(db, ct), token) is { } t && t.Expires >= clock.GetUtcNow()
        && await db.Subscribers.AnyAsync(s => s.Id == t.Id && s.ConfirmationNonce == t.Nonce, ct);

    public Task<Subscriber?> FindAsync(string personalToken, CancellationToken ct = default) =>
        string.IsNullOrEmpty(personalToken) ? Task.FromResult<Subscriber?>(null)
            : db.Subscribers.AsNoTracking().SingleOrDefaultAsync(s => s.Token == personalToken && s.Confirmed, ct);

    public async Task<bool> UpdateAsync(string personalToken, SubscriptionChoice choice, bool paused, CancellationToken ct = default)
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

    internal static string CheckAddress(string email)
    {
        var text = (email ?? "").Trim();
        if (text.Length is 0 or > 254 || !MailboxAddress.TryParse(text, out var mailbox) || mailbox.Address != text
            || mailbox.Domain.Length == 0 || !mailbox.Domain.Contains('.') || mailbox.LocalPart.Length == 0)
            throw PolicyRefusedException.Because("T5", "subscribe.address", "メールアドレスの形式が正しくありません。");
        return mailbox.Address;
    }

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
    private async Task MailOrUndo(Subscriber subscriber, DateTimeOffset? previousMail, string subject, string body, CancellationToken ct)
    {
        try
        {
            await Mail(book, transport, subscriber.Email, subject, body, ct);
        }
        catch (PolicyRefusedException)
        {
            subscriber.LastMailAt = previousMail;
            await db.SaveChangesAsync(CancellationToken.None);
            throw;
        }
    }

    /// <summary>One mail through the transport; a relay that is down or refuses becomes a Japanese refusal, not an error page.</summary>
    /// <param name="autoSubmitted">RFC 3834: "auto-replied" for an answer to a received mail.</param>
    internal static async Task Mail(PolicyBook book, IMailTransport transport, string to, string subject, string body,
        CancellationToken ct, string autoSubmitted = "auto-generated")
    {
        using var message = new MimeMessage();
        message.From.Add(new MailboxAddress(book.Sender.DisplayName, book.Sender.Address));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.Headers.Add("Auto-Submitted", autoSubmitted);
        message.Body = new TextPart("plain") { Text = body };
        SendResult result;
        try
        {
            await using var session = await transport.OpenAsync(ct);
            result = await session.SendAsync(message, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            result = new SendResult(0, e.Message); // relay unreachable, connection lost, TLS or login failed
        }
        if (!result.IsAccepted)
            throw PolicyRefusedException.Because("T5", "subscribe.mail", "確認メールを送信できませんでした。しばらくしてから、もう一度お試しください。");
    }
}
