using System.Text.Json;
using AnshinMail.Rules.Workflow;
using Microsoft.EntityFrameworkCore;

namespace AnshinMail.Web.Tests.Infrastructure;

/// <summary>
/// Y9.1, issue 10: the bad-input corpus in every field of the draft form, wherever it is posted (write, preview,
/// edit, the edit of a correction and of a resolution, distribution request): never a 500, a Japanese message on
/// the form, a draft saved whole or not at all.
/// </summary>
public sealed class BadInputDraftFormTests(BadInputDraftFormTests.Site site)
    : IClassFixture<BadInputDraftFormTests.Site>
{
    /// <summary>The demo, with one draft of demo-staff for the edit form.</summary>
    public sealed class Site : BadInputSite
    {
        public long Edited { get; private set; }

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            Edited = await NewDraft();
        }

        /// <summary>Y11.3: the edit page of a new follow-up (Correction, Resolution) of a new alert.</summary>
        public async Task<string> FollowUp(string kind)
        {
            var response = await Post("demo-staff", $"/sent/{await ReleasedAlert()}?handler=FollowUp", ("kind", kind));
            Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
            return $"/drafts/{Id(response)}/edit?handler=Save";
        }
    }

    private static readonly string[] Texts =
    [
        "Form.Headline", "Form.Place", "Form.WhatHappened", "Form.WordsSaid", "Form.PersonSex", "Form.PersonAge",
        "Form.PersonHeight", "Form.PersonBuild", "Form.PersonClothing", "Form.PersonVehicle", "Form.Advice",
    ];

    private static readonly string[] Selections =
    [
        "Form.CategoryId", "Form.OccurredAt", "Form.Areas", "Form.NearBorder", "Form.IncidentArea", "Form.Weapon",
        "Form.DangerousAnimal", "Form.VictimAge", "Form.VictimSex", "Form.DivisionInCharge", "Form.OtherHarm",
    ];

    /// <summary>Edit and request share the form and its checks with drafts/new: one field of each kind there.</summary>
    private static readonly string[] Sample =
    [
        "Form.Headline", "Form.WhatHappened", "Form.PersonVehicle", "Form.CategoryId", "Form.Areas", "Form.VictimAge",
        "Form.VictimSex", "Form.NearBorder",
    ];

    private static BadInputForm Form(string name, Func<BadInputSite, string> url) => new(name, "demo-staff")
    {
        Target = s => Task.FromResult(url(s)),
        Valid = _ => BadInputSite.Draft(),
        Fields = [.. Texts, .. Selections],
        Whole = "Form.WhatHappened",
        Repeated = "Form.Areas",
        RefusesUnusable = true,
        Kept = Texts.ToHashSet(),
        Choices = new HashSet<string>
        {
            "Form.CategoryId", "Form.Areas", "Form.IncidentArea", "Form.VictimSex", "Form.DivisionInCharge",
        },
    };

    private static readonly BadInputForm[] Forms =
    [
        Form("drafts/new Save", _ => "/drafts/new?handler=Save") with
        {
            Stored = (s, _) =>
                s.Query(async db => Joined((await db.Drafts.OrderBy(d => d.Id).LastAsync()).Fields.Texts())),
        },
        // T4(2): the reason of 「その他身体に危害が及ぶおそれ」 is text of the draft, refused like the rest when unusable.
        Form("drafts/new Save (other harm)", _ => "/drafts/new?handler=Save") with
        {
            Valid = _ => [.. BadInputSite.Draft(), new("Form.OtherHarm", "true"), new("Form.HarmReason", "刃物を所持")],
            Fields = ["Form.HarmReason", "Form.OtherHarm"],
            Whole = "Form.HarmReason",
            Kept = new HashSet<string> { "Form.HarmReason" },
            Stored = (s, _) => s.Query(async db => (await db.Drafts.OrderBy(d => d.Id).LastAsync()).HarmReason ?? ""),
        },
        Form("drafts/new Preview", _ => "/drafts/new?handler=Preview") with
        {
            Accepted = "<p class=\"subject\">",
            Stores = false,
        },
        Form("drafts/{id}/edit Save", s => $"/drafts/{((Site)s).Edited}/edit?handler=Save") with
        {
            Fields = Sample,
            Stored = (s, id) =>
                s.Query(async db => Joined((await db.Drafts.SingleAsync(d => d.Id == id)).Fields.Texts())),
        },
        Form("drafts/{id}/edit Save (correction)", _ => "") with
        {
            Target = s => ((Site)s).FollowUp("Correction"),
            Valid = _ => [.. BadInputSite.Draft(), new("Form.Wrong", "体長約1メートル"), new("Form.Right", "体長約1.5メートル")],
            Fields = ["Form.Wrong", "Form.Right", "Form.WhatHappened", "Form.Areas"],
            Kept = new HashSet<string> { "Form.Wrong", "Form.Right", "Form.WhatHappened" },
            Stored = (s, id) =>
                s.Query(async db => Joined((await db.Drafts.SingleAsync(d => d.Id == id)).Fields.Texts())),
        },
        Form("drafts/{id}/edit Save (resolution)", _ => "") with
        {
            Target = s => ((Site)s).FollowUp("Resolution"),
            Valid = _ => [.. BadInputSite.Draft(), new("Form.ResolvedAt", "2026-11-27T10:00")],
            Fields = ["Form.ResolvedAt", "Form.OccurredAt", "Form.Place"],
            Kept = new HashSet<string> { "Form.Place" },
            Stored = (s, id) =>
                s.Query(async db => Joined((await db.Drafts.SingleAsync(d => d.Id == id)).Fields.Texts())),
        },
        Form("requests/new Save", _ => "/requests/new?handler=Save") with
        {
            Fields = Sample,
            Valid = _ => BadInputSite.Draft("松本市"),
            Stored = (s, _) => s.Query(async db => Joined(JsonSerializer.Deserialize<DraftInput>(
                (await db.Requests.OrderBy(r => r.Id).LastAsync()).Payload!)!.Fields.Texts())),
        },
    ];

    private static string Joined(IEnumerable<string> texts) => string.Join("\n", texts);

    public static TheoryData<string, string> Cases => BadInputCorpus.Pairs(Forms);

    [Theory]
    [MemberData(nameof(Cases))]
    public Task Y9_1_EveryDraftForm_AnswersEveryBadInput_InJapanese_AndStoresAllOrNothing(string form, string input) =>
        BadInputCheck.Form(site, Forms.Single(f => f.Name == form), BadInputCorpus.Named(input));
}
