using System.Xml;

namespace AnshinMail.Rules.Feeds;

/// <summary>An <see cref="XmlWriter"/> that passes everything to the inner writer, with text made XML-safe.</summary>
internal sealed class SafeTextXmlWriter(XmlWriter inner) : XmlWriter
{
    public override WriteState WriteState => inner.WriteState;
    public override void WriteString(string? text) => inner.WriteString(XmlText.Safe(text));
    public override void WriteChars(char[] buffer, int index, int count) =>
        inner.WriteString(XmlText.Safe(new string(buffer, index, count)));
    public override void WriteCData(string? text) => inner.WriteCData(XmlText.Safe(text));
    public override void WriteComment(string? text) => inner.WriteComment(XmlText.Safe(text));
    public override void WriteRaw(string data) => inner.WriteRaw(XmlText.Safe(data));
    public override void WriteRaw(char[] buffer, int index, int count) =>
        inner.WriteRaw(XmlText.Safe(new string(buffer, index, count)));
    public override void WriteCharEntity(char ch) => inner.WriteString(XmlText.Safe(ch.ToString()));
    public override void WriteSurrogateCharEntity(char lowChar, char highChar) =>
        inner.WriteSurrogateCharEntity(lowChar, highChar);
    public override void WriteWhitespace(string? ws) => inner.WriteWhitespace(ws);
    public override void WriteEntityRef(string name) => inner.WriteEntityRef(name);
    public override void WriteBase64(byte[] buffer, int index, int count) => inner.WriteBase64(buffer, index, count);
    public override void WriteStartDocument() => inner.WriteStartDocument();
    public override void WriteStartDocument(bool standalone) => inner.WriteStartDocument(standalone);
    public override void WriteEndDocument() => inner.WriteEndDocument();
    public override void WriteDocType(string name, string? pubid, string? sysid, string? subset) =>
        inner.WriteDocType(name, pubid, sysid, subset);
    public override void WriteStartElement(string? prefix, string localName, string? ns) =>
        inner.WriteStartElement(prefix, localName, ns);
    public override void WriteEndElement() => inner.WriteEndElement();
    public override void WriteFullEndElement() => inner.WriteFullEndElement();
    public override void WriteStartAttribute(string? prefix, string localName, string? ns) =>
        inner.WriteStartAttribute(prefix, localName, ns);
    public override void WriteEndAttribute() => inner.WriteEndAttribute();
    public override void WriteProcessingInstruction(string name, string? text) =>
        inner.WriteProcessingInstruction(name, text);
    public override string? LookupPrefix(string ns) => inner.LookupPrefix(ns);
    public override void Flush() => inner.Flush();

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}
