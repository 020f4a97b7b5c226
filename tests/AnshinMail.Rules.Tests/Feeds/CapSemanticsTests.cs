using System.Globalization;
using System.Xml.Linq;
using AnshinMail.Rules.Feeds;
using AnshinMail.Rules.Policy;
using AnshinMail.Rules.PolicyBooks;
using AnshinMail.Rules.Tests.Workflow;
using AnshinMail.Rules.Workflow.Approvals;
using AnshinMail.Rules.Workflow.Drafts;
using AnshinMail.Rules.Workflow.FollowUps;
using AnshinMail.Rules.Workflow.Sending;
using static AnshinMail.Rules.Tests.Cases;

namespace AnshinMail.Rules.Tests.Feeds;

/// <summary>
/// T5 (issue 12, CAP semantics): each kind of message says what it means to CAP consumers, not only that
/// it is valid. An alert is an Alert; a correction or supplement (Y11.3) an Update of what went before; a
/// resolution (Y11.2) an Update with responseType AllClear, never a Cancel (which would tell consumers the
/// original never happened); a withdrawal a Cancel, a new message naming the withdrawn one. Every one is
/// schema-valid, meets the Google Public Alerts profile (<see cref="GoogleCapProfile"/>), and carries the
/// book's values for its category, &lt;expires&gt; = sent + the book's hours, &lt;web&gt; = its public page under
/// the configured base URL, and &lt;instruction&gt; = the advice typed in the draft (or the book's standing one).
/// </summary>
public sealed class CapSemanticsTests : IDisposable
{
    private const string Base = "https://anshin.example.jp";
    private const string Advice = "子どもには「いかのおすし」を教えましょう。";
    private static readonly XNamespace Ns = CapDocument.Namespace;
    private static readonly PolicyBook Book = TestBook.Book;
    private readonly WorkflowFixture _f = new();
    private readonly CapDocument _cap = new(TestBook.Book);

    public void Dispose() => _f.Dispose();

    private sealed record Thread(PublicAlert Original, PublicAlert Correction, PublicAlert Supplement,
        PublicAlert Resolution, IReadOnlyList<PublicAlert> All);

    /// <summary>
    /// An alert with advice, then half an hour apart a correction (advice kept), a supplement and a
    /// resolution (both without advice of their own), as the archive serves them.
    /// </summary>
    private async Task<Thread> History()
    {
        var input = WorkflowFixture.Input(fields: Fields with { Advice = Advice });
        var draft = await _f.Do(w => new CreateDraft(w).RunAsync(Staff(), input));
        var original = await Send(draft.Id);
        var correction = await FollowUp(original, FollowUpKind.Correction, Advice);
        var supplement = await FollowUp(original, FollowUpKind.Supplement, "");
        var resolution = await FollowUp(original, FollowUpKind.Resolution, "");
        await using var db = _f.Open();
        var archive = new PublicArchive(db, TestBook.Engine);
        var all = await archive.ThreadAsync((await archive.FindAsync(original))!);
        return new(all.Single(a => a.Id == original), all.Single(a => a.Id == correction),
            all.Single(a => a.Id == supplement), all.Single(a => a.Id == resolution), all);
    }

    private async Task<long> FollowUp(long original, FollowUpKind kind, string advice)
    {
        _f.Clock.Advance(TimeSpan.FromMinutes(30));
        var fields = Fields with { Headline = $"{kind}の見出し", WhatHappened = $"{kind}の本文", Advice = advice };
        var input = WorkflowFixture.Input(fields: fields);
        var draft = await _f.Do(w => new CreateFollowUp(w).RunAsync(Staff(), original, kind, input));
        return await Send(draft.Id);
    }

    private async Task<long> Send(long draftId)
    {
        await _f.Do(w => new ApproveDraft(w).RunAsync(Distributor(), draftId, WorkflowFixture.AllConfirmed));
        return (await _f.Do(w => new SendAlert(w).RunAsync(Staff(), draftId, true))).AlertId;
    }

    /// <summary>The document: schema-valid, meeting the profile, its recommended polygons included (issue
    /// 16).</summary>
    private XElement Cap(PublicAlert alert, IReadOnlyList<PublicAlert> thread)
    {
        var xml = _cap.Write(alert, thread, Base);
        Assert.Empty(FeedTests.CapErrors(xml));
        var findings = GoogleCapProfile.Findings(xml);
        Assert.All(findings, f => Assert.Contains(f, GoogleCapProfile.Errors.Concat(GoogleCapProfile.Recommendations)));
        Assert.Empty(findings);
        return XDocument.Parse(xml).Root!;
    }

    private static string Value(XElement alert, string name) =>
        (alert.Element(Ns + name) ?? alert.Element(Ns + "info")!.Element(Ns + name))!.Value;

    private static DateTimeOffset Time(XElement alert, string name) =>
        DateTimeOffset.ParseExact(Value(alert, name), "yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private string Reference(PublicAlert a)
    {
        var sent = TimeZoneInfo.ConvertTime(a.SentAt, Book.Zone)
            .ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        return $"{Book.Sender.Address},{_cap.Identifier(a.Id)},{sent}";
    }

    /// <summary>The category's values from the book, the expiry after sent, the public page, the advice.</summary>
    private static void AssertCarries(XElement cap, PublicAlert alert, CapInfoSettings values, string instruction)
    {
        Assert.Equal(values.ResponseType, Value(cap, "responseType"));
        Assert.Equal(values.Urgency, Value(cap, "urgency"));
        Assert.Equal(values.Severity, Value(cap, "severity"));
        Assert.Equal(values.Certainty, Value(cap, "certainty"));
        Assert.Equal(instruction, Value(cap, "instruction"));
        Assert.Equal($"{Base}/alerts/{alert.Id}", Value(cap, "web"));
        var hours = Book.Category(alert.CategoryId).CapExpiresHours;
        Assert.Equal(Time(cap, "sent").AddHours(hours), Time(cap, "expires"));
        Assert.Equal(TimeSpan.FromHours(9), Time(cap, "expires").Offset); // Japan time, as <sent>
        Assert.Equal(Book.Category(alert.CategoryId).CapCategory, Value(cap, "category"));
        Assert.Equal("ja-JP", Value(cap, "language"));
    }

    [Fact]
    public async Task T5_AnAlert_IsAnAlert_WithItsCategorysValues_ExpiryPageAndAdviceAsInstruction()
    {
        var t = await History();
        var cap = Cap(t.Original, t.All);
        Assert.Equal("Alert", Value(cap, "msgType"));
        Assert.Equal(_cap.Identifier(t.Original.Id), Value(cap, "identifier"));
        Assert.Null(cap.Element(Ns + "references"));
        Assert.Equal(t.Original.SentAt, Time(cap, "sent"));
        AssertCarries(cap, t.Original, Book.Category("child-safety").CapInfo, Advice);
        Assert.Equal(t.Original.Subject, Value(cap, "headline"));
        Assert.Equal(t.Original.Body, Value(cap, "description")); // the advice stays in the text too
        Assert.Contains(Advice, Value(cap, "description"));
        var station = Book.Unit(Station);
        Assert.Equal($"{station.Name}（{station.Phone}）", Value(cap, "contact"));
    }

    [Fact]
    public async Task T5_ACorrection_IsAnUpdate_OfTheOriginal()
    {
        var t = await History();
        var cap = Cap(t.Correction, t.All);
        Assert.Equal("Update", Value(cap, "msgType"));
        Assert.Equal(Reference(t.Original), Value(cap, "references"));
        AssertCarries(cap, t.Correction, Book.Category("child-safety").CapInfo, Advice);
    }

    /// <summary>A supplement without advice of its own: the book's standing advice of the category.</summary>
    [Fact]
    public async Task T5_ASupplement_IsAnUpdate_OfTheOriginalAndTheCorrection()
    {
        var t = await History();
        var cap = Cap(t.Supplement, t.All);
        Assert.Equal("Update", Value(cap, "msgType"));
        Assert.Equal($"{Reference(t.Original)} {Reference(t.Correction)}", Value(cap, "references"));
        var values = Book.Category("child-safety").CapInfo;
        AssertCarries(cap, t.Supplement, values, values.Instruction);
        Assert.Contains("110番", Value(cap, "instruction"));
    }

    [Fact]
    public async Task T5_AResolution_IsAnUpdateWithAllClear_NotACancel_OfEverythingBefore()
    {
        var t = await History();
        var cap = Cap(t.Resolution, t.All);
        Assert.Equal("Update", Value(cap, "msgType"));
        Assert.Equal("AllClear", Value(cap, "responseType"));
        Assert.Equal("Past", Value(cap, "urgency"));
        Assert.Equal(
            $"{Reference(t.Original)} {Reference(t.Correction)} {Reference(t.Supplement)}", Value(cap, "references"));
        AssertCarries(cap, t.Resolution, Book.CapResolution, Book.CapResolution.Instruction);
        Assert.Equal(_cap.Identifier(t.Resolution.Id), Value(cap, "identifier"));
    }

    /// <summary>CAP 1.2 §3.2.1: a Cancel is a new message whose references name the one it cancels.</summary>
    [Fact]
    public async Task T5_AWithdrawal_IsANewCancelMessage_NamingTheWithdrawnAlert_WithoutItsText()
    {
        var t = await History();
        var withdrawnAt = t.Resolution.SentAt.AddHours(1);
        var withdrawn = t.Original with { WithdrawnAt = withdrawnAt };
        var cap = Cap(withdrawn, t.All);
        Assert.Equal("Cancel", Value(cap, "msgType"));
        Assert.Equal(_cap.CancelIdentifier(t.Original.Id), Value(cap, "identifier"));
        Assert.NotEqual(_cap.Identifier(t.Original.Id), Value(cap, "identifier"));
        Assert.Equal(Reference(t.Original), Value(cap, "references"));
        Assert.Equal(withdrawnAt, Time(cap, "sent"));
        var w = Book.CapWithdrawal;
        AssertCarries(cap, withdrawn, w, w.Instruction);
        Assert.Equal(w.Headline, Value(cap, "headline"));
        Assert.Equal(w.Description, Value(cap, "description"));
        var text = cap.ToString();
        Assert.DoesNotContain(t.Original.Subject, text);
        Assert.DoesNotContain(Advice, text);
        Assert.DoesNotContain(Fields.WhatHappened, text);
    }

    /// <summary>A withdrawn correction cancels the correction only: the original stands.</summary>
    [Fact]
    public async Task T5_AWithdrawnCorrection_CancelsTheCorrectionOnly()
    {
        var t = await History();
        var cap = Cap(t.Correction with { WithdrawnAt = t.Resolution.SentAt }, t.All);
        Assert.Equal("Cancel", Value(cap, "msgType"));
        Assert.Equal(Reference(t.Correction), Value(cap, "references"));
        Assert.Equal(_cap.CancelIdentifier(t.Correction.Id), Value(cap, "identifier"));
    }

    /// <summary>Every category of the book, with and without advice: its own values, never Unknown.</summary>
    [Fact]
    public void T5_EveryCategory_CarriesItsOwnValuesFromTheBook()
    {
        foreach (var category in Book.Categories)
            foreach (var advice in new[] { "", "注意してください。" })
            {
                var alert = new PublicAlert(9, category.Id, category.Name, "署", ["松本市"], "見出し", "本文",
                    WorkingHours, null, null, null) { Advice = advice, Contact = "署（0263-00-0109）" };
                var cap = Cap(alert, []);
                AssertCarries(cap, alert, category.CapInfo, advice == "" ? category.CapInstruction : advice);
                Assert.DoesNotContain("Unknown", cap.ToString());
            }
    }

    [Fact]
    public void T5_TheWebIsTheConfiguredBase_AndARelativeBaseIsRefused()
    {
        var alert = new PublicAlert(9, "notice", "お知らせ情報", "署", ["松本市"], "見出し", "本文", WorkingHours, null, null, null);
        var xml = _cap.Write(alert, [], "https://alerts.example.jp/anshin/");
        Assert.Equal("https://alerts.example.jp/anshin/alerts/9", Value(XDocument.Parse(xml).Root!, "web"));
        Assert.Throws<ArgumentException>(() => _cap.Write(alert, [], "/anshin"));
    }

    /// <summary>The profile checks find what they are for: they are not vacuous.</summary>
    [Fact]
    public async Task T5_TheProfileChecks_FindWhatIsMissing()
    {
        var t = await History();
        var xml = _cap.Write(t.Correction, t.All, Base);
        var doc = XDocument.Parse(xml);
        var info = doc.Root!.Element(Ns + "info")!;
        doc.Root.Element(Ns + "references")!.Remove();
        info.Element(Ns + "web")!.Remove();
        info.Element(Ns + "expires")!.Remove();
        info.Element(Ns + "instruction")!.Remove();
        info.Elements(Ns + "responseType").Remove();
        info.Element(Ns + "urgency")!.Value = "Unknown";
        info.Element(Ns + "area")!.Elements(Ns + "geocode").Remove();
        info.Element(Ns + "area")!.Elements(Ns + "polygon").Remove();
        var findings = GoogleCapProfile.Findings(doc.ToString());
        foreach (var expected in new[]
                 {
                     "UpdateOrCancelMustReference", "WebIsRequired", "ExpiresIsRequired",
                     "InstructionStronglyRecommended", "ResponseTypeStronglyRecommended", "UnknownDiscouraged",
                     "GeocodeCircleOrPolygon",
                 })
            Assert.Contains(expected, findings);
    }
}
