using System.Text;
using System.Xml;

namespace AnshinMail.Rules.Feeds;

/// <summary>
/// Writes an XML document to a string whose declaration says UTF-8 (a StringWriter would say UTF-16).
/// Every text and attribute value passes through <see cref="Safe"/>, so stored text that XML cannot carry
/// (a control character typed before drafts refused them) is dropped instead of failing the whole feed.
/// </summary>
internal static class XmlText
{
    public static string Write(Action<XmlWriter> write)
    {
        using var stream = new MemoryStream();
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) };
        using (var w = new SafeTextXmlWriter(XmlWriter.Create(stream, settings)))
            write(w);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>The text without the characters XML 1.0 cannot hold (controls, U+FFFE/U+FFFF, lone
    /// surrogates).</summary>
    public static string Safe(string? text)
    {
        if (string.IsNullOrEmpty(text)) return text ?? "";
        StringBuilder? kept = null;
        for (var i = 0; i < text.Length; i++)
        {
            var pair = i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]);
            var ok = pair || XmlConvert.IsXmlChar(text[i]);
            if (!ok) kept ??= new StringBuilder(text, 0, i, text.Length);
            else if (kept is not null) kept.Append(text[i]);
            if (pair)
            {
                kept?.Append(text[i + 1]);
                i++;
            }
        }
        return kept?.ToString() ?? text;
    }
}
