using AnshinMail.Rules.Policy;
using AnshinMail.Rules.PolicyBooks;
using AnshinMail.Rules.Workflow.Views;

namespace AnshinMail.Web.Pages.Drafts;

/// <summary>What the policy decided about a draft, as the writer and the approver both see it (T4(2): shown before
/// approval).</summary>
public sealed record DecisionsView(PolicyVerdict Verdict, PolicyBook Book, SendingWindow Window, bool Released = false);
