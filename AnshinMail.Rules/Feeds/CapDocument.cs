using System.Globalization;
using System.Xml;
using AnshinMail.Rules.Policy;
using AnshinMail.Rules.PolicyBooks;
using MimeKit;

namespace AnshinMail.Rules.Feeds;

/// <summary>
/// OASIS CAP 1.2 for one public alert, status Actual, language ja-JP, aimed at the Google Public Alerts
/// CAP profile. What each message means (CAP 1.2 §3.2.1, §3.2.2):
/// <list type="bullet">
/// <item>an alert: msgType Alert, with its category's responseType, urgency, severity and certainty;</item>
/// <item>a correction or supplement (Y11.3): msgType Update, same values, referencing what it updates;</item>
/// <item>a resolution (Y11.2): msgType Update with the book's resolution values (responseType AllClear);
/// not Cancel, which would tell consumers the original never happened;</item>
/// <item>a withdrawn alert: msgType Cancel, a new message with its own identifier whose references name the
/// alert; its text is the book's withdrawal text, the withdrawn text is not repeated.</item>
/// </list>
/// Every message carries &lt;expires&gt; (sent + the category's hours), &lt;web&gt; (the alert's public page),
/// &lt;instruction&gt; (the advice, or the book's standing advice) and areas with JIS X 0402 geocodes and the
/// municipalities' polygons from the book's boundaries (<see cref="CapPolygons"/>).
/// </summary>
public sealed class CapDocument(PolicyBook book)
{
    /// <summary>The CAP 1.2 XML namespace.</summary>
    public const string Namespace = "urn:oasis:names:tc:emergency:cap:1.2";
    private readonly string _domain = MailboxAddress.Parse(book.Sender.Address).Domain;

    /// <summary>The CAP &lt;identifier&gt; of alert <paramref name="alertId"/>, unique to the sender's
    /// domain.</summary>
    public string Identifier(long alertId) => $"{_domain}.anshinmail.{alertId}";

    /// <summary>The identifier of the Cancel that withdraws an alert: a message of its own.</summary>
    public string CancelIdentifier(long alertId) => $"{Identifier(alertId)}.cancel";

    /// <summary>
    /// The CAP document of <paramref name="alert"/>. <paramref name="thread"/> is its original and the
    /// original's follow-ups (<see cref="PublicArchive.ThreadAsync"/>); a follow-up references those sent
    /// before it. <paramref name="publicBaseUrl"/> is the configured base of the public pages.
    /// </summary>
    public string Write(PublicAlert alert, IReadOnlyCollection<PublicAlert> thread, string publicBaseUrl)
    {
        // The profile wants <web> an absolute URI; on Unix "/x" would parse as an absolute file URI.
        if (!Uri.TryCreate(publicBaseUrl, UriKind.Absolute, out var u) || u.Scheme is not ("https" or "http"))
            throw new ArgumentException($"'{publicBaseUrl}' is not an absolute http(s) URL.", nameof(publicBaseUrl));
        var category = book.Category(alert.CategoryId);
        var message = Message(alert, category, thread);
        return XmlText.Write(w =>
        {
            w.WriteStartDocument();
            w.WriteStartElement("alert", Namespace);
            Element(w, "identifier", message.Identifier);
            Element(w, "sender", book.Sender.Address);
            Element(w, "sent", Time(message.Sent));
            // 訓練: CAP's own word for a drill, so that no consumer acts on it.
            Element(w, "status", alert.Drill ? "Exercise" : "Actual");
            Element(w, "msgType", message.MsgType);
            Element(w, "scope", "Public");
            if (message.References.Count > 0)
                Element(w, "references", string.Join(' ', message.References.Select(Reference)));
            Info(w, alert, category, message, publicBaseUrl.TrimEnd('/'));
            w.WriteEndElement();
        });
    }

    private sealed record CapMessage(
        string Identifier, DateTimeOffset Sent, string MsgType, CapInfoSettings Values,
        IReadOnlyList<PublicAlert> References, string Headline, string Description, string Instruction);

    private CapMessage Message(PublicAlert alert, CategoryDefinition category, IReadOnlyCollection<PublicAlert> thread)
    {
        if (alert.WithdrawnAt is { } withdrawn)
        {
            var w = book.CapWithdrawal;
            return new(CancelIdentifier(alert.Id), withdrawn, "Cancel", w, [alert],
                w.Headline, w.Description, w.Instruction);
        }
        var values = alert.FollowUpKind == FollowUpKind.Resolution ? book.CapResolution : category.CapInfo;
        var instruction = string.IsNullOrWhiteSpace(alert.Advice) ? values.Instruction : alert.Advice;
        // An update names every message of its thread published before it (by sent, then by id), never
        // itself nor a later one: the profile wants every message it updates named, and none post-dated.
        IReadOnlyList<PublicAlert> references = alert.FollowUpOf is not { } original
            ? []
            : thread.Where(t => t.Id == original || t.FollowUpOf == original)
                .Where(t => t.SentAt < alert.SentAt || (t.SentAt == alert.SentAt && t.Id < alert.Id))
                .OrderBy(t => t.SentAt).ThenBy(t => t.Id).ToList();
        var msgType = alert.FollowUpKind is null ? "Alert" : "Update";
        return new(Identifier(alert.Id), alert.SentAt, msgType, values, references,
            alert.Subject, alert.Body, instruction);
    }

    private void Info(XmlWriter w, PublicAlert alert, CategoryDefinition category, CapMessage message, string baseUrl)
    {
        w.WriteStartElement("info", Namespace);
        Element(w, "language", "ja-JP");
        Element(w, "category", category.CapCategory);
        Element(w, "event", alert.CategoryName);
        Element(w, "responseType", message.Values.ResponseType);
        Element(w, "urgency", message.Values.Urgency);
        Element(w, "severity", message.Values.Severity);
        Element(w, "certainty", message.Values.Certainty);
        Element(w, "expires", Time(message.Sent.AddHours(category.CapExpiresHours)));
        Element(w, "senderName", $"{book.Prefecture} {book.SystemName}（{alert.UnitName}）");
        Element(w, "headline", message.Headline);
        Element(w, "description", message.Description);
        Element(w, "instruction", message.Instruction);
        Element(w, "web", $"{baseUrl}/alerts/{alert.Id}");
        Element(w, "contact", alert.Contact is "" ? alert.UnitName : alert.Contact);
        Area(w, alert.Areas);
        w.WriteEndElement();
    }

    private void Area(XmlWriter w, IReadOnlyList<string> areas)
    {
        w.WriteStartElement("area", Namespace);
        Element(w, "areaDesc", string.Join("、", areas));
        foreach (var polygon in CapPolygons.Of(book, areas)) Element(w, "polygon", polygon);
        foreach (var code in areas.Select(a => book.AreaCodes.GetValueOrDefault(a)).OfType<string>().Distinct())
        {
            w.WriteStartElement("geocode", Namespace);
            Element(w, "valueName", "JIS X 0402");
            Element(w, "value", code);
            w.WriteEndElement();
        }
        w.WriteEndElement();
    }

    /// <summary>CAP 1.2 §3.2.1 references: "sender,identifier,sent" of a message published before.</summary>
    private string Reference(PublicAlert a) => $"{book.Sender.Address},{Identifier(a.Id)},{Time(a.SentAt)}";

    private static void Element(XmlWriter w, string name, string value) => w.WriteElementString(name, Namespace, value);

    /// <summary>CAP's dateTime: local time with its offset, no fractional seconds (e.g.
    /// 2026-11-27T14:00:00+09:00).</summary>
    private string Time(DateTimeOffset t) =>
        TimeZoneInfo.ConvertTime(t, book.Zone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
