using AnshinMail.Rules.Accounts;
using AnshinMail.Rules.PolicyBooks;
using AnshinMail.Rules.Storage;
using AnshinMail.Rules.Workflow;
using AnshinMail.Web.Infrastructure;
using AnshinMail.Web.Pages.Drafts;
using Microsoft.AspNetCore.Mvc;
using AnshinMail.Rules.Workflow.Approvals;
using AnshinMail.Rules.Workflow.Drafts;
using AnshinMail.Rules.Workflow.FollowUps;
using AnshinMail.Rules.Workflow.Reports;
using AnshinMail.Rules.Workflow.Requests;
using AnshinMail.Rules.Workflow.Sending;
using AnshinMail.Rules.Workflow.Views;

namespace AnshinMail.Web.Pages.Admin;

/// <summary>Y12: the audit log with filters, and the abnormality reports, for the security manager.</summary>
public sealed class AuditModel(AccountService accounts, WorkflowContext workflow, PolicyBook book) : StaffPageModel
{
    public PolicyBook Book => book;
    [BindProperty(SupportsGet = true)] public string? Person { get; set; }
    [BindProperty(SupportsGet = true)] public string? Action { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    public List<AuditEvent> Events { get; private set; } = [];
    public List<AbnormalityReport> Abnormalities { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync() => !Me.IsSecurityManager(book) ? Forbid() : await Attempt(async () =>
    {
        var from = Day(From, "から");
        var to = Day(To, "まで")?.AddDays(1);
        Events = await accounts.AuditAsync(Me, Person, Action, from, to);
        Abnormalities = await new AbnormalityReports(workflow).RunAsync(Me);
        await LoadNames(workflow.Db);
        return Page();
    });

    /// <summary>Y12: who acted, by name; a sign-in attempt with an ID no account has is named as such (the ID typed is
    /// not a person).</summary>
    public string Actor(AuditEvent e) =>
        e.Action == "sign-in" && !Names.Knows(e.Actor) && e.Actor is not (StaffNames.SystemActor or StaffNames.SetupActor)
            ? "（登録のないユーザID）" : Names.Of(e.Actor);

    /// <summary>What was acted on: an account by its holder's name, anything else (a draft, an alert) by its
    /// number.</summary>
    public string Target(AuditEvent e) =>
        e.Target is null ? "" : e.Action.StartsWith("account.", StringComparison.Ordinal)
            || e.Action is "sign-out" or "password.change" ? Names.Of(e.Target)
            : AuditLabels.TargetKind(e.Action) is { } kind ? $"{kind} {e.Target}" : e.Target;

    /// <summary>
    /// A yyyy-MM-dd of the filter at 00:00 local time; one the form cannot use is left out, with a message.
    /// </summary>
    private DateTimeOffset? Day(string? text, string label)
    {
        if (string.IsNullOrEmpty(text)) return null;
        if (DraftForm.ParseLocal(book, text + "T00:00") is { } day) return day;
        ModelState.AddModelError("", $"期間（{label}）の日付を扱えません。正しい日付を指定してください。");
        return null;
    }
}
