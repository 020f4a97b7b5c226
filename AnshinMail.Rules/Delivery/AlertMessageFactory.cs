using System.Text;
using AnshinMail.Rules.PolicyBooks;
using AnshinMail.Rules.Storage;
using MimeKit;
using MimeKit.Cryptography;

namespace AnshinMail.Rules.Delivery;

/// <summary>
/// Builds the message one subscriber receives: plain Japanese text, one recipient, a deterministic
/// Message-ID per (alert, subscriber), List-Id, a personal List-Unsubscribe with one-click POST
/// (RFC 8058), Auto-Submitted, and optional DKIM over those headers.
/// </summary>
public sealed class AlertMessageFactory
{
    private static readonly string[] SignedHeaders =
        ["From", "To", "Subject", "Date", "Message-ID", "List-Id", "List-Unsubscribe", "List-Unsubscribe-Post", "Auto-Submitted"];

    private readonly PolicyBook _book;
    private readonly DeliveryOptions _options;
    private readonly Encoding _charset;
    private readonly DkimSigner? _signer;
    private readonly string _domain;
    private readonly string _unsubscribeAddress;


    public AlertMessageFactory(PolicyBook book, DeliveryOptions options)
    {
        _book = book;
        _options = options;
        _charset = Encoding.GetEncoding(options.Charset);
        _domain = MailboxAddress.Parse(book.Sender.Address).Domain;
        _unsubscribeAddress = options.UnsubscribeAddress ?? $"unsubscribe@{_domain}";
        if (options.Dkim is { } dkim)
            _signer = new DkimSigner(dkim.PrivateKeyPath, dkim.Domain, dkim.Selector)
            {
                HeaderCanonicalizationAlgorithm = DkimCanonicalizationAlgorithm.Relaxed,
                BodyCanonicalizationAlgorithm = DkimCanonicalizationAlgorithm.Simple,
            };
    }

    /// <summary>The book's time zone: quiet hours are read in it.</summary>
    public TimeZoneInfo Zone => _book.Zone;

    /// <summary>「alert-12.3456@example.jp」: the same for every attempt, so a resend after a crash is recognisable.</summary>
    public string MessageId(long alertId, long subscriberId) => $"alert-{alertId}.{subscriberId}@{_domain}";

    public string ManageUrl(string token) => $"{_options.PublicBaseUrl.TrimEnd('/')}/subscribe/manage/{Uri.EscapeDataString(token)}";

    public string UnsubscribeUrl(string token) => $"{_options.PublicBaseUrl.TrimEnd('/')}/unsubscribe/{Uri.EscapeDataString(token)}";

    public MimeMessage Build(Alert alert, Subscriber subscriber, DateTimeOffset date)
    {
        var message = new MimeMessage { Date = date, MessageId = MessageId(alert.Id, subscriber.Id) };
        message.From.Add(new MailboxAddress(_charset, _book.Sender.DisplayName, _book.Sender.Address));
        message.To.Add(MailboxAddress.Parse(subscriber.Email));
        message.Headers.Replace(HeaderId.Subject, _charset, alert.Subject);
        message.Headers.Add("List-Id", $"{_book.SystemName} <{_book.Sender.ListId}>");
        message.Headers.Add("List-Unsubscribe",
            $"<{UnsubscribeUrl(subscriber.Token)}>, <mailto:{_unsubscribeAddress}?subject=unsubscribe%20{Uri.EscapeDataString(subscriber.Token)}>");
        message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        message.Headers.Add("Auto-Submitted", "auto-generated");
        // Base64 for UTF-8 (7-bit safe through any relay, and no per-message scan for the best encoding);
        // ISO-2022-JP is 7-bit by itself.
        var body = new TextPart("plain") { ContentTransferEncoding = _charset.CodePage == 65001 ? ContentEncoding.Base64 : ContentEncoding.SevenBit };
        body.SetText(_charset, Body(alert, subscriber));
        message.Body = body;
        if (_signer is not null)
        {
            message.Prepare(EncodingConstraint.SevenBit);
            _signer.Sign(message, SignedHeaders);
        }
        return message;
    }

    private string Body(Alert alert, Subscriber subscriber)
    {
        var text = new StringBuilder(alert.Body.Replace("\r\n", "\n"));
        if (text.Length > 0 && text[^1] != '\n') text.Append('\n');
        if (subscriber.Organisation is not null)
            text.Append("\n※この情報は、関係者への二次配信（転送・掲示）を歓迎します。\n");
        text.Append("\n配信設定の変更・配信停止はこちら:\n").Append(ManageUrl(subscriber.Token)).Append('\n');
        return text.ToString();
    }
}
