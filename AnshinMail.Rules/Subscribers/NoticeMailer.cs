using AnshinMail.Rules.Delivery;
using AnshinMail.Rules.Policy;
using AnshinMail.Rules.Templates;

namespace AnshinMail.Rules.Subscribers;

/// <summary>
/// T5: one notice to one resident (confirmation, already registered, registration link), rendered from the
/// book's templates and built by the same factory as alerts (From, charset, DKIM, Auto-Submitted, Date in
/// the book's zone). A relay that is down or refuses becomes a Japanese refusal, not an error page.
/// </summary>
public sealed class NoticeMailer(IMailTransport transport, AlertMessageFactory messages, NoticeRenderer notices,
    TimeProvider clock)
{
    /// <summary>Renders <paramref name="notice"/> from the book's template and mails it to one resident; a relay
    /// that is down or refuses throws a Japanese refusal.</summary>
    /// <param name="to">The resident's address.</param>
    /// <param name="notice">Which notice.</param>
    /// <param name="model">What the notice says (the system's name, the link, its validity).</param>
    /// <param name="ct">Cancels the send.</param>
    /// <param name="reply">RFC 3834: an answer to a received mail is "auto-replied", anything else
    /// "auto-generated".</param>
    /// <param name="language">T5: the resident's language on the pages (やさしい日本語 or ordinary).</param>
    public async Task SendAsync(string to, Notice notice, NoticeModel model, CancellationToken ct, bool reply = false,
        NoticeLanguage language = NoticeLanguage.Ordinary)
    {
        using var message = messages.BuildNotice(to, notices.Render(notice, model, language),
            reply ? "auto-replied" : "auto-generated",
            clock.GetUtcNow());
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
            throw PolicyRefusedException.Because("T5", "subscribe.mail",
                "確認メールを送信できませんでした。しばらくしてから、もう一度お試しください。");
    }
}
