using System.Globalization;
using System.Xml;
using AnshinMail.Rules.PolicyBooks;

namespace AnshinMail.Rules.Feeds;

/// <summary>RFC 4287 Atom of public alerts; each entry links to its page and to its CAP document.</summary>
public sealed class AtomFeed(PolicyBook book)
{
    public const string Namespace = "http://www.w3.org/2005/Atom";

    public string Write(IReadOnlyList<PublicAlert> alerts, string baseUrl, string selfPath, string title, DateTimeOffset now)
    {
        baseUrl = baseUrl.TrimEnd('/');
        return XmlText.Write(w =>
        {
            w.WriteStartDocument();
            w.WriteStartElement("feed", Namespace);
            w.WriteAttributeString("xml", "lang", null, "ja");
            w.WriteElementString("id", Namespace, $"{baseUrl}{selfPath}");
            w.WriteElementString("title", Namespace, title);
            w.WriteElementString("updated", Namespace, Time(alerts.Count > 0 ? alerts.Max(a => a.SentAt) : now));
            Link(w, "self", $"{baseUrl}{selfPath}", "application/atom+xml");
            Link(w, "alternate", $"{baseUrl}/alerts", "text/html");
            w.WriteStartElement("author", Namespace);
            w.WriteElementString("name", Namespace, $"{book.Prefecture} {book.SystemName}");
            w.WriteEndElement();
            foreach (var a in alerts)
            {
                w.WriteStartElement("entry", Namespace);
                w.WriteElementString("id", Namespace, $"{baseUrl}/alerts/{a.Id}");
                w.WriteElementString("title", Namespace, a.Subject);
                w.WriteElementString("updated", Namespace, Time(a.ResolvedAt ?? a.SentAt));
                w.WriteElementString("published", Namespace, Time(a.SentAt));
                Link(w, "alternate", $"{baseUrl}/alerts/{a.Id}", "text/html");
                Link(w, "alternate", $"{baseUrl}/alerts/{a.Id}.cap.xml", "application/cap+xml");
                w.WriteStartElement("category", Namespace);
                w.WriteAttributeString("term", a.CategoryId);
                w.WriteAttributeString("label", a.CategoryName);
                w.WriteEndElement();
                w.WriteStartElement("author", Namespace);
                w.WriteElementString("name", Namespace, a.UnitName);
                w.WriteEndElement();
                w.WriteStartElement("content", Namespace);
                w.WriteAttributeString("type", "text");
                w.WriteString(a.Body);
                w.WriteEndElement();
                w.WriteEndElement();
            }
            w.WriteEndElement();
        });
    }

    private static void Link(XmlWriter w, string rel, string href, string type)
    {
        w.WriteStartElement("link", Namespace);
        w.WriteAttributeString("rel", rel);
        w.WriteAttributeString("type", type);
        w.WriteAttributeString("href", href);
        w.WriteEndElement();
    }

    private static string Time(DateTimeOffset t) => t.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
