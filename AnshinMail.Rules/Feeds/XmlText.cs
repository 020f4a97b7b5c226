using System.Text;
using System.Xml;

namespace AnshinMail.Rules.Feeds;

/// <summary>Writes an XML document to a string whose declaration says UTF-8 (a StringWriter would say UTF-16).</summary>
internal static class XmlText
{
    public static string Write(Action<XmlWriter> write)
    {
        using var stream = new MemoryStream();
        using (var w = XmlWriter.Create(stream, new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) }))
            write(w);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
