using System.Xml.Linq;
using AnshinMail.Rules.Feeds;
using AnshinMail.Rules.Policy;
using AnshinMail.Rules.Tests.Feeds;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static AnshinMail.Rules.Tests.Cases;

namespace AnshinMail.Rules.Tests.Properties;

/// <summary>
/// T5: whatever text is stored (controls typed before drafts refused them, noncharacters, lone
/// surrogates, bidi overrides, markup), the Atom feed and CAP stay well-formed and CAP schema-valid,
/// and what XML can carry of the text is kept.
/// </summary>
public class FeedProperties
{
    /// <summary>Any UTF-16 code unit, lone surrogates included, mixed with Japanese and markup.</summary>
    private static Gen<string> StoredText =>
        Gen.OneOf(
                Gen.Choose(0, 0xFFFF).Select(i => ((char)i).ToString()),
                Gen.Choose(0, 0x20).Select(i => ((char)i).ToString()),
                Gen.Elements("声かけ", "<b>", "&amp;", "]]>", "\uFFFE", "\uFFFF", "\u202E", "\u2066", "😀", "\uD800"))
            .ListOf().Select(parts => string.Concat(parts));

    private static Gen<PublicAlert> Alert =>
        from subject in StoredText
        from body in StoredText
        from unit in StoredText
        from area in StoredText
        from kind in Gen.Elements<FollowUpKind?>(null, FollowUpKind.Correction, FollowUpKind.Resolution)
        select new PublicAlert(7, "child-safety", "子ども安全情報", unit, [area, "長野市北部"], subject, body,
            WorkingHours, kind, kind is null ? null : 6, null);

    [Property(MaxTest = 300)]
    public Property T5_AtomAndCap_StayWellFormed_ForArbitraryStoredText() =>
        Prop.ForAll(Alert.ToArbitrary(), alert =>
        {
            var atom = new AtomFeed(TestBook.Book).Write([alert], "https://example.jp", "/feed.atom", "t", WorkingHours);
            var title = XDocument.Parse(atom, LoadOptions.PreserveWhitespace).Root!.Element(XName.Get("entry", AtomFeed.Namespace))!
                .Element(XName.Get("title", AtomFeed.Namespace))!.Value;
            var original = alert with { Id = 6, FollowUpKind = null, FollowUpOf = null };
            var cap = new CapDocument(TestBook.Book)
                .Write(alert, alert.FollowUpOf is null ? [] : [original], "https://example.jp");
            XDocument.Parse(cap);
            var errors = FeedTests.CapErrors(cap);
            return (errors.Count == 0 && title == Printable(alert.Subject))
                .Label($"errors: {string.Join("; ", errors)} title: {Codes(title)} expected: {Codes(Printable(alert.Subject))}");
        });

    [Fact]
    public void T5_AControlCharacterInStoredText_IsDropped_TheRestKept()
    {
        var alert = new PublicAlert(7, "child-safety", "子ども安全情報", "署", ["長野市北部"], "見出し\u0001です", "本文\u0008\uFFFF",
            WorkingHours, null, null, null);
        var atom = XDocument.Parse(new AtomFeed(TestBook.Book).Write([alert], "https://example.jp", "/feed.atom", "t", WorkingHours));
        Assert.Contains(atom.Descendants(XName.Get("title", AtomFeed.Namespace)), t => t.Value == "見出しです");
        Assert.Empty(FeedTests.CapErrors(new CapDocument(TestBook.Book).Write(alert, [], "https://example.jp")));
    }

    private static string Codes(string s) => string.Join(" ", s.Select(c => ((int)c).ToString("X4")));

    private static string Printable(string s) =>
        string.Concat(s.Where((c, i) => System.Xml.XmlConvert.IsXmlChar(c)
            || (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            || (char.IsLowSurrogate(c) && i > 0 && char.IsHighSurrogate(s[i - 1]))))
            .Replace("\r\n", "\n").Replace('\r', '\n');
}
