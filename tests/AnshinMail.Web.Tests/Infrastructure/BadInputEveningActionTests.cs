using System.Net;
using Microsoft.EntityFrameworkCore;

namespace AnshinMail.Web.Tests.Infrastructure;

/// <summary>
/// Issue 10: the bad-input corpus in the forms used outside sending hours (Y9.4): cancelling an alert held for
/// the morning and the distributor's emergency send. Never a 500, a Japanese message, nothing done by halves.
/// </summary>
public sealed class BadInputEveningActionTests(BadInputEveningActionTests.Site site)
    : IClassFixture<BadInputEveningActionTests.Site>
{
    /// <summary>The demo at 22:30, with drafts approved at 14:00 that wait to be released (held until 06:00).</summary>
    public sealed class Site : BadInputSite
    {
        private readonly Queue<long> _approved = [];

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            for (var i = 0; i < 20; i++) _approved.Enqueue(await ApprovedDraft());
            App.Clock.SetUtcNow(WebApp.Friday.AddHours(8.5));
            ForgetClients(); // their sessions ended meanwhile
            await App.AddAccount(Desk, "sogo-tochoku", Rules.Policy.Role.Staff);
        }

        public const string Desk = "desk-staff";

        /// <summary>T3(2): a distribution request of demo-staff at 22:30: it goes to 総合当直.</summary>
        public async Task<string> NightRequest()
        {
            var response = await Post("demo-staff", "/requests/new?handler=Save", new FormBody().Add(Draft("松本市")));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            return response.Headers.Location!.ToString();
        }

        public long Approved() =>
            _approved.TryDequeue(out var id) ? id : throw new InvalidOperationException("no approved draft left");

        /// <summary>An alert released now, outside sending hours: held for the next 06:00 (Y9.4).</summary>
        public async Task<long> Held()
        {
            var response = await Post("demo-staff", $"/drafts/{Approved()}?handler=Send", ("Rechecked", "true"));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            return Id(response);
        }
    }

    private static readonly BadInputForm[] Forms =
    [
        new("sent/{id} Cancel", "demo-staff")
        {
            Target = async s => $"/sent/{await ((Site)s).Held()}?handler=Cancel",
            Consumes = true,
            // Success redirects with this notice; a 200 is a refusal (the reason is kept in the ledger: StaffText).
            Accepted = "予約を取り消しました。",
            RefusesUnusable = true,
            Fields = ["Reason"],
            Whole = "Reason",
            Kept = new HashSet<string> { "Reason" },
            Stored = (s, id) => s.Query(async db => (await db.Alerts.SingleAsync(a => a.Id == id)).StopReason ?? ""),
        },
        new("drafts/{id} Emergency", "demo-head")
        {
            Target = s => Task.FromResult($"/drafts/{((Site)s).Approved()}?handler=Emergency"),
            Consumes = true,
            Valid = _ => new[] { "serious-repeat", "suspect-at-large", "harm-spreading", "urgent-notice" }
                .Select(c => KeyValuePair.Create("Conditions", c)),
            Fields = ["Conditions"],
            Whole = "Conditions",
            Choices = new HashSet<string> { "Conditions" },
        },
        // Y9.4 ただし書き, Y9.3: staff record the distributor's judgement (by phone, at 22:20) and send.
        new("drafts/{id} EmergencyJudged", "demo-staff")
        {
            Target = s => Task.FromResult($"/drafts/{((Site)s).Approved()}?handler=EmergencyJudged"),
            Consumes = true,
            Valid = _ => new[]
                {
                    KeyValuePair.Create("JudgeId", "demo-head"), KeyValuePair.Create("Means", "Phone"),
                    KeyValuePair.Create("JudgedAt", "2026-11-27T22:20"), KeyValuePair.Create("Rechecked", "true"),
                }
                .Concat(new[] { "serious-repeat", "suspect-at-large", "harm-spreading", "urgent-notice" }
                    .Select(c => KeyValuePair.Create("Conditions", c))),
            Fields = ["JudgeId", "Means", "JudgedAt", "Conditions", "Rechecked"],
            Whole = "JudgedAt",
            Repeated = "Conditions",
            Choices = new HashSet<string> { "JudgeId", "Means", "JudgedAt", "Conditions" },
        },
    ];

    /// <summary>T3(2): the duty desk forwards a night request to a division in charge.</summary>
    private static readonly BadInputForm[] DutyDeskForms =
    [
        new("requests/{id} Forward", Site.Desk)
        {
            Target = async s => $"{await ((Site)s).NightRequest()}?handler=Forward",
            Consumes = true,
            Valid = _ => [new("ToDivision", "jinshin-anzen-shonen")],
            Fields = ["ToDivision"],
            Whole = "ToDivision",
            Choices = new HashSet<string> { "ToDivision" },
        },
    ];

    public static TheoryData<string, string> DutyDeskCases => BadInputCorpus.Pairs(DutyDeskForms);

    [Theory]
    [MemberData(nameof(DutyDeskCases))]
    public Task T3_2_TheDutyDesksForward_AnswersEveryBadInput_InJapanese_AndActsWholeOrNotAtAll(string form, string input) =>
        BadInputCheck.Form(site, DutyDeskForms.Single(f => f.Name == form), BadInputCorpus.Named(input));

    public static TheoryData<string, string> Cases => BadInputCorpus.Pairs(Forms);

    [Theory]
    [MemberData(nameof(Cases))]
    public Task Y9_4_CancelAndEmergencySend_AnswerEveryBadInput_InJapanese_AndActWholeOrNotAtAll(
        string form, string input) =>
        BadInputCheck.Form(site, Forms.Single(f => f.Name == form), BadInputCorpus.Named(input));
}
