using Microsoft.EntityFrameworkCore;

namespace AnshinMail.Web.Tests.Infrastructure;

/// <summary>
/// Issue 10: the bad-input corpus in the sign-in and password forms, the abnormality report and the security
/// manager's forms (accounts, organisations, ledger disposal): never a 500, a Japanese message on the form, and
/// nothing stored by a refused post.
/// </summary>
public sealed class BadInputAccountFormTests(BadInputAccountFormTests.Site site)
    : IClassFixture<BadInputAccountFormTests.Site>
{
    /// <summary>The demo; demo-hq's password changes whenever the corpus holds an acceptable one.</summary>
    public sealed class Site : BadInputSite
    {
        public string Password { get; set; } = "anshin-demo-2026";
    }

    private static Task<string> At(string url) => Task.FromResult(url);

    private static HashSet<string> Set(params string[] fields) => [.. fields];

    private static readonly BadInputForm[] Forms =
    [
        new("account/signin", null)
        {
            Target = _ => At("/account/signin"),
            Valid = _ => [new("UserId", "demo-pr"), new("Password", "anshin-demo-2026")],
            Fields = ["UserId", "Password"],
            Whole = "Password",
            Choices = Set("UserId", "Password"),
            // An unknown field beside the right ones signs in: the anonymous client is one no longer.
            OnAccepted = (s, _) => s.ForgetClients(user => user is null),
        },
        new("account/password", "demo-hq")
        {
            Target = _ => At("/account/password"),
            Valid = s =>
                [new("Current", ((Site)s).Password), new("New", "Shinano-2027"), new("Confirm", "Shinano-2027")],
            Fields = ["Current", "New+Confirm"],
            Whole = "New+Confirm",
            Choices = Set("Current"),
            OnAccepted = (s, posted) => ((Site)s).Password = posted.Single(p => p.Key == "New").Value,
        },
        new("admin/accounts Issue", "demo-admin")
        {
            Target = _ => At("/admin/accounts?handler=Issue"),
            Valid = s =>
            [
                new("UserId", $"corpus-{s.Next()}"), new("DisplayName", "長野 花子"), new("UnitId", "nagano-chuo"),
                new("Roles", "Staff"),
            ],
            Fields = ["UserId", "DisplayName", "UnitId", "Roles"],
            Whole = "DisplayName",
            Repeated = "Roles",
            Kept = Set("UserId", "DisplayName"),
            Stored = (s, _) => s.Query(async db => await db.Accounts.OrderBy(a => a.Id)
                .Select(a => a.UserId + "\n" + a.DisplayName).LastAsync()),
            Choices = Set("UnitId", "Roles"),
        },
        new("admin/accounts Roles", "demo-admin")
        {
            Target = _ => At("/admin/accounts?handler=Roles"),
            Valid = _ => [new("target", "demo-duty"), new("newRoles", "DutyOfficer"), new("newRoles", "Staff")],
            Fields = ["target", "newRoles"],
            Whole = "target",
            Repeated = "newRoles",
            Choices = Set("newRoles"),
        },
        // Issue takes any text as a user ID: a target the corpus issued before may be disabled or unlocked.
        new("admin/accounts Disable", "demo-admin")
        {
            Target = _ => At("/admin/accounts?handler=Disable"),
            Fields = ["target"],
            Whole = "target",
        },
        new("admin/accounts Unlock", "demo-admin")
        {
            Target = _ => At("/admin/accounts?handler=Unlock"),
            Fields = ["target"],
            Whole = "target",
        },
        new("account/notifications", "demo-pr")
        {
            Target = _ => At("/account/notifications"),
            Valid = _ => [new("Address", "pr@police.example.jp")],
            Fields = ["Address"],
            Whole = "Address",
            Choices = Set("Address"),
        },
        new("admin/accounts Notification", "demo-admin")
        {
            Target = _ => At("/admin/accounts?handler=Notification"),
            Valid = _ => [new("target", "demo-duty"), new("address", "duty@police.example.jp")],
            Fields = ["target", "address"],
            Whole = "address",
            Choices = Set("address"),
        },
        new("abnormality", "demo-staff")
        {
            Target = _ => At("/abnormality"),
            Accepted = "システムセキュリティ責任者に報告しました。",
            RefusesUnusable = true,
            Valid = _ => [new("Description", "誤配信のおそれがあります。")],
            Fields = ["Description"],
            Whole = "Description",
            Kept = Set("Description"),
            Stored = (s, _) => s.Query(async db => await db.AbnormalityReports.OrderBy(r => r.Id)
                .Select(r => r.Description).LastAsync()),
        },
        new("admin/organisations", "demo-admin")
        {
            Target = _ => At("/admin/organisations"),
            Valid = s =>
            [
                new("Name", "小川村教育委員会"), new("Contact", "学校教育係"), new("Email", $"org{s.Next()}@example.jp"),
                new("Categories", "child-safety"), new("Areas", BadInputSite.QuietArea),
            ],
            Fields = ["Name", "Contact", "Email", "WebhookUrl", "Categories", "Areas", "Stations"],
            Whole = "Name",
            Repeated = "Areas",
            Kept = Set("Name", "Contact"),
            Stored = (s, _) => s.Query(async db => await db.Subscribers.Where(x => x.Organisation != null)
                .OrderBy(x => x.Id).Select(x => x.Organisation + "\n" + x.OrganisationContact).LastAsync()),
            Choices = Set("Email", "WebhookUrl", "Categories", "Areas"),
        },
        new("ledger/retention", "demo-admin")
        {
            Target = _ => At("/ledger/retention"),
            Valid = _ => [new("Year", "2024"), new("Confirmed", "true")],
            Fields = ["Year", "Confirmed"],
            Whole = "Year",
            Choices = Set("Year", "Confirmed"),
        },
    ];

    private static TheoryData<string, string> Cases(params string[] forms) =>
        BadInputCorpus.Pairs(Forms.Where(f => forms.Contains(f.Name)));

    private Task Check(string form, string input) =>
        BadInputCheck.Form(site, Forms.Single(f => f.Name == form), BadInputCorpus.Named(input));

    public static TheoryData<string, string> SignInCases => Cases("account/signin");
    public static TheoryData<string, string> PasswordCases => Cases("account/password");
    public static TheoryData<string, string> AccountCases =>
        Cases("admin/accounts Issue", "admin/accounts Roles", "admin/accounts Disable", "admin/accounts Unlock");
    public static TheoryData<string, string> AbnormalityCases => Cases("abnormality");
    public static TheoryData<string, string> NotificationCases =>
        Cases("account/notifications", "admin/accounts Notification");
    public static TheoryData<string, string> OrganisationCases => Cases("admin/organisations");
    public static TheoryData<string, string> RetentionCases => Cases("ledger/retention");

    [Theory]
    [MemberData(nameof(SignInCases))]
    public Task Y7_3_SignIn_AnswersEveryBadInput_InJapanese(string form, string input) => Check(form, input);

    [Theory]
    [MemberData(nameof(PasswordCases))]
    public Task Y6_3_PasswordChange_AnswersEveryBadInput_InJapanese(string form, string input) => Check(form, input);

    [Theory]
    [MemberData(nameof(AccountCases))]
    public Task Y6_2_AccountForms_AnswerEveryBadInput_InJapanese_AndChangeNoAccountOnARefusal(
        string form, string input) => Check(form, input);

    [Theory]
    [MemberData(nameof(NotificationCases))]
    public Task Y6_2_NotificationAddress_AnswersEveryBadInput_InJapanese_AndStoresNoneOfIt(string form, string input) =>
        Check(form, input);

    [Theory]
    [MemberData(nameof(AbnormalityCases))]
    public Task Y12_3_2_AbnormalityReport_AnswersEveryBadInput_AndKeepsWhatWasAccepted(string form, string input) =>
        Check(form, input);

    [Theory]
    [MemberData(nameof(OrganisationCases))]
    public Task T5_2_OrganisationRegistration_AnswersEveryBadInput_AndRegistersNoneByHalves(
        string form, string input) => Check(form, input);

    [Theory]
    [MemberData(nameof(RetentionCases))]
    public Task Y10_LedgerDisposal_AnswersEveryBadInput_AndDisposesOfNothingOnARefusal(string form, string input) =>
        Check(form, input);
}
