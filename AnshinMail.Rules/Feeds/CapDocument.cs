using System.Globalization;
using System.Xml;
using AnshinMail.Rules.Policy;
using AnshinMail.Rules.PolicyBooks;
using MimeKit;

namespace AnshinMail.Rules.Feeds;

/// <summary>
/// OASIS CAP 1.2 for one public alert: status Actual; msgType Alert, Update (correction, supplement)
/// or Cancel (resolution) with references to the original; category from the book; language ja-JP;
/// areaDesc and, where the book knows them, JIS X 0402 municipality geocodes.
/// </summary>
public sealed class CapDocument(PolicyBook book)
{
    public const string Namespace = "urn:oasis:names:tc:emergency:cap:1.2";
    private readonly string _domain = MailboxAddress.Parse(book.Sender.Address).Domain;

    public string Identifier(long alertId) => $"{_domain}.anshinmail.{alertId}";

    public string Write(PublicAlert alert, PublicAlert? original)
    {
        return XmlText.Write(w =>
        {
            w.WriteStartDocument();
            w.WriteStartElement("alert", Namespace);
            w.WriteElementString("identifier", Namespace, Identifier(alert.Id));
            w.WriteElementString("sender", Namespace, book.Sender.Address);
            w.WriteElementString("sent", Namespace, Time(alert.SentAt));
            w.WriteElementString("status", Namespace, "Actual");
            w.WriteElementString("msgType", Namespace, alert.FollowUpKind switch
            {
                FollowUpKind.Resolution => "Cancel",
                FollowUpKind.Correction or FollowUpKind.Supplement => "Update",
                _ => "Alert",
            });
            w.WriteElementString("scope", Namespace, "Public");
            if (original is not null)
                w.WriteElementString("references", Namespace, $"{book.Sender.Address},{Identifier(original.Id)},{Time(original.SentAt)}");
            w.WriteStartElement("info", Namespace);
            w.WriteElementString("language", Namespace, "ja-JP");
            w.WriteElementString("category", Namespace, book.Categories.FirstOrDefault(c => c.Id == alert.CategoryId)?.CapCategory ?? "Other");
            w.WriteElementString("event", Namespace, alert.CategoryName);
            w.WriteElementString("urgency", Namespace, "Unknown");
            w.WriteElementString("severity", Namespace, "Unknown");
            w.WriteElementString("certainty", Namespace, "Unknown");
            w.WriteElementString("senderName", Namespace, $"{book.Prefecture} {book.SystemName}（{alert.UnitName}）");
            w.WriteElementString("headline", Namespace, alert.Subject);
            w.WriteElementString("description", Namespace, alert.Body);
            w.WriteElementString("contact", Namespace, alert.UnitName);
            w.WriteStartElement("area", Namespace);
            w.WriteElementString("areaDesc", Namespace, string.Join("、", alert.Areas));
            foreach (var code in alert.Areas.Select(a => book.AreaCodes.GetValueOrDefault(a)).OfType<string>().Distinct())
            {
                w.WriteStartElement("geocode", Namespace);
                w.WriteElementString("valueName", Namespace, "JIS X 0402");
                w.WriteElementString("value", Namespace, code);
                w.WriteEndElement();
            }
            w.WriteEndElement();
            w.WriteEndElement();
            w.WriteEndElement();
        });
    }

    /// <summary>CAP's dateTime: local time with its offset, no fractional seconds (e.g. 2026-11-27T14:00:00+09:00).</summary>
    private string Time(DateTimeOffset t) =>
        TimeZoneInfo.ConvertTime(t, book.Zone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
