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
        ["From", "To", "Subject", "Date", "Message-ID", "List-Id", "List-Unsubscribe", "List-Unsubscribe-Post",
            "Auto-Submitted"];

    private readonly PolicyBook _book;
    private readonly DeliveryOptions _options;
    private readonly Encoding _charset;
    private readonly DkimSigner? _signer;
    private readonly string _domain;
    private readonly string _unsubscribeAddress;
    private readonly Drill.DrillMode _drill;
    private volatile Shared? _shared;

    /// <summary>Prepares the book's sender, charset, unsubscribe address, VERP bounce addresses and DKIM signer (when
    /// configured) once; in a <paramref name="drill"/>, every subject is marked 【訓練】.</summary>
    public AlertMessageFactory(PolicyBook book, DeliveryOptions options, Drill.DrillMode? drill = null)
    {
        _book = book;
        _options = options;
        _drill = drill ?? Drill.DrillMode.Off;
        _charset = Encoding.GetEncoding(options.Charset);
        _domain = MailboxAddress.Parse(book.Sender.Address).Domain;
        _unsubscribeAddress = options.UnsubscribeAddress ?? $"unsubscribe@{_domain}";
        Bounces = new BounceAddresses(options.BounceAddress);
        if (options.Dkim is { } dkim)
            _signer = new DkimSigner(dkim.PrivateKeyPath, dkim.Domain, dkim.Selector)
            {
                HeaderCanonicalizationAlgorithm = DkimCanonicalizationAlgorithm.Relaxed,
                BodyCanonicalizationAlgorithm = DkimCanonicalizationAlgorithm.Simple,
            };
    }

    /// <summary>Per-message envelope senders (VERP) when a bounce mailbox is configured.</summary>
    public BounceAddresses Bounces { get; }

    /// <summary>Where the mailto: of List-Unsubscribe points; mail to it is never answered with a registration
    /// link.</summary>
    public string UnsubscribeAddress => _unsubscribeAddress;

    /// <summary>
    /// The system's own addresses (sender, unsubscribe, bounce and VERP): mail from them is never answered.
    /// </summary>
    public bool IsOwnAddress(string address) =>
        string.Equals(address, _book.Sender.Address, StringComparison.OrdinalIgnoreCase)
        || string.Equals(address, _unsubscribeAddress, StringComparison.OrdinalIgnoreCase)
        || Bounces.Contains(address);

    /// <summary>The book's time zone: quiet hours are read in it.</summary>
    public TimeZoneInfo Zone => _book.Zone;

    /// <summary>「alert-12.3456@example.jp」: the same for every attempt, so a resend after a crash is
    /// recognisable.</summary>
    public string MessageId(long alertId, long subscriberId) => $"alert-{alertId}.{subscriberId}@{_domain}";

    /// <summary>The subscriber's personal settings page, built from <see
    /// cref="DeliveryOptions.PublicBaseUrl"/>.</summary>
    public string ManageUrl(string token) =>
        $"{_options.PublicBaseUrl.TrimEnd('/')}/subscribe/manage/{Uri.EscapeDataString(token)}";

    /// <summary>The subscriber's one-click unsubscribe link (List-Unsubscribe), built from <see
    /// cref="DeliveryOptions.PublicBaseUrl"/>.</summary>
    public string UnsubscribeUrl(string token) =>
        $"{_options.PublicBaseUrl.TrimEnd('/')}/unsubscribe/{Uri.EscapeDataString(token)}";

    /// <summary>
    /// The message for one subscriber. What every recipient of an alert shares (From, Subject, List-Id,
    /// the alert's text) is encoded once per alert and its headers cloned per message; building the whole
    /// message per recipient cost twice as much (MimeMessage's default constructor also generates a
    /// Message-ID that is then replaced).
    /// </summary>
    public MimeMessage Build(Alert alert, Subscriber subscriber, DateTimeOffset date)
    {
        var shared = SharedFor(alert);
        var message = new MimeMessage(shared.Headers.Select(h => h.Clone()))
        {
            Date = TimeZoneInfo.ConvertTime(date, _book.Zone), // Japan time (+09:00), whatever the server's zone
            MessageId = MessageId(alert.Id, subscriber.Id),
        };
        message.To.Add(Subscribers.MailAddresses.Mailbox(subscriber.Email));
        message.Headers.Add("List-Unsubscribe",
            $"<{UnsubscribeUrl(subscriber.Token)}>, "
            + $"<mailto:{_unsubscribeAddress}?subject=unsubscribe%20{Uri.EscapeDataString(subscriber.Token)}>");
        // Base64 for UTF-8 (7-bit safe through any relay, and no per-message scan for the best encoding);
        // ISO-2022-JP is 7-bit by itself.
        var body = new TextPart("plain")
        {
            ContentTransferEncoding = _charset.CodePage == 65001 ? ContentEncoding.Base64 : ContentEncoding.SevenBit,
        };
        body.SetText(_charset, Body(shared.Text, subscriber));
        message.Body = body;
        if (_signer is not null)
        {
            message.Prepare(EncodingConstraint.SevenBit);
            _signer.Sign(message, SignedHeaders);
        }
        return message;
    }

    /// <summary>A notice to one resident (confirmation, reply to an empty mail): From, charset, DKIM and Date as for
    /// alerts.</summary>
    public MimeMessage BuildNotice(string to, Templates.RenderedMessage text, string autoSubmitted, DateTimeOffset date)
    {
        var message = new MimeMessage((IEnumerable<Header>)[]) { Date = TimeZoneInfo.ConvertTime(date, _book.Zone) };
        message.From.Add(new MailboxAddress(_charset, _book.Sender.DisplayName, _book.Sender.Address));
        message.To.Add(Subscribers.MailAddresses.Mailbox(to));
        message.Headers.Add(HeaderId.Subject, _charset, _drill.Mark(text.Subject));
        message.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId(_domain);
        message.Headers.Add("Auto-Submitted", autoSubmitted);
        var body = new TextPart("plain")
        {
            ContentTransferEncoding = _charset.CodePage == 65001 ? ContentEncoding.Base64 : ContentEncoding.SevenBit,
        };
        body.SetText(_charset, text.Body);
        message.Body = body;
        if (_signer is not null)
        {
            message.Prepare(EncodingConstraint.SevenBit);
            _signer.Sign(message, SignedHeaders);
        }
        return message;
    }

    private Shared SharedFor(Alert alert)
    {
        var shared = _shared;
        if (shared is not null && shared.AlertId == alert.Id && shared.Subject == alert.Subject
            && shared.Source == alert.Body) return shared;
        using var prototype = new MimeMessage((IEnumerable<Header>)[]);
        prototype.From.Add(new MailboxAddress(_charset, _book.Sender.DisplayName, _book.Sender.Address));
        prototype.Headers.Add(HeaderId.Subject, _charset, _drill.Mark(alert.Subject));
        prototype.Headers.Add("List-Id", $"{_book.SystemName} <{_book.Sender.ListId}>");
        prototype.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        prototype.Headers.Add("Auto-Submitted", "auto-generated");
        var text = alert.Body.Replace("\r\n", "\n");
        if (text.Length > 0 && text[^1] != '\n') text += "\n";
        shared = new Shared(alert.Id, alert.Subject, alert.Body, text, [.. prototype.Headers]);
        _shared = shared;
        return shared;
    }

    private string Body(string text, Subscriber subscriber) => string.Concat(
        text,
        subscriber.Organisation is null ? "" : "\n※この情報は、関係者への二次配信（転送・掲示）を歓迎します。\n",
        "\n配信設定の変更・配信停止はこちら:\n", ManageUrl(subscriber.Token), "\n");

    /// <summary>One alert's headers and text, shared by its recipients (replaced whole, so safe across
    /// workers).</summary>
    private sealed record Shared(long AlertId, string Subject, string Source, string Text,
        IReadOnlyList<Header> Headers);
}
