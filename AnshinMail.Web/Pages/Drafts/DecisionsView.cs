using AnshinMail.Rules.Policy;
using AnshinMail.Rules.PolicyBooks;

namespace AnshinMail.Web.Pages.Drafts;

/// <summary>What the policy decided about a draft, as the writer and the approver both see it (T4(2): shown before approval).</summary>
public sealed record DecisionsView(PolicyVerdict Verdict, PolicyBook Book, bool OpenNow, bool Released = false);
