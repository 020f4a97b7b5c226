using System.Globalization;
using System.Xml;
using AnshinMail.Rules.PolicyBooks;

namespace AnshinMail.Rules.Feeds;

/// <summary>
/// RFC 4287 Atom of public alerts; each entry links to its page and to its CAP document. A withdrawn alert's
/// entry is updated to the book's withdrawal text: the withdrawn text is no longer shown.
/// </summary>
public sealed class AtomFeed(PolicyBook book)
{
    /// <summary>The Atom XML namespace.</summary>
    public const string Namespace = "http://www.w3.org/2005/Atom";

    /// <summary>The feed for readers (/feed.atom): each entry's &lt;content&gt; is the alert's text.</summary>
    public string Write(
        IReadOnlyList<PublicAlert> alerts, string baseUrl, string selfPath, string title, DateTimeOffset now) =>
        Feed(alerts, baseUrl, selfPath, title, now, capIndex: false);

    /// <summary>
    /// T5: the CAP index (/cap.atom). CAP feed readers take an entry's &lt;content&gt; to be the CAP document
    /// itself, so the text goes in &lt;summary&gt; and the document is the application/cap+xml link.
    /// </summary>
    public string WriteCapIndex(
        IReadOnlyList<PublicAlert> alerts, string baseUrl, string selfPath, string title, DateTimeOffset now) =>
        Feed(alerts, baseUrl, selfPath, title, now, capIndex: true);

    private string Feed(
        IReadOnlyList<PublicAlert> alerts, string baseUrl, string selfPath, string title, DateTimeOffset now,
        bool capIndex)
    {
        baseUrl = baseUrl.TrimEnd('/');
        return XmlText.Write(w =>
        {
            w.WriteStartDocument();
            w.WriteStartElement("feed", Namespace);
            w.WriteAttributeString("xml", "lang", null, "ja");
            w.WriteElementString("id", Namespace, $"{baseUrl}{selfPath}");
            w.WriteElementString("title", Namespace, title);
            w.WriteElementString("updated", Namespace, Time(alerts.Count > 0 ? alerts.Max(Updated) : now));
            Link(w, "self", $"{baseUrl}{selfPath}", "application/atom+xml");
            Link(w, "alternate", $"{baseUrl}/alerts", "text/html");
            w.WriteStartElement("author", Namespace);
            w.WriteElementString("name", Namespace, $"{book.Prefecture} {book.SystemName}");
            w.WriteEndElement();
            foreach (var a in alerts)
                Entry(w, a, baseUrl, capIndex);
            w.WriteEndElement();
        });
    }

    private void Entry(XmlWriter w, PublicAlert a, string baseUrl, bool capIndex)
    {
        w.WriteStartElement("entry", Namespace);
        w.WriteElementString("id", Namespace, $"{baseUrl}/alerts/{a.Id}");
        w.WriteElementString("title", Namespace, a.Withdrawn ? book.CapWithdrawal.Headline : a.Subject);
        w.WriteElementString("updated", Namespace, Time(Updated(a)));
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
        w.WriteStartElement(capIndex ? "summary" : "content", Namespace);
        w.WriteAttributeString("type", "text");
        w.WriteString(a.Withdrawn ? book.CapWithdrawal.Description : a.Body);
        w.WriteEndElement();
        w.WriteEndElement();
    }

    private static DateTimeOffset Updated(PublicAlert a) => a.WithdrawnAt ?? a.ResolvedAt ?? a.SentAt;

    private static void Link(XmlWriter w, string rel, string href, string type)
    {
        w.WriteStartElement("link", Namespace);
        w.WriteAttributeString("rel", rel);
        w.WriteAttributeString("type", type);
        w.WriteAttributeString("href", href);
        w.WriteEndElement();
    }

    private static string Time(DateTimeOffset t) =>
        t.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
