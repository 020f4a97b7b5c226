using AnshinMail.Rules.Policy;
using AnshinMail.Rules.PolicyBooks;

namespace AnshinMail.Web.Pages.Drafts;

/// <summary>What the shared draft form partial needs; a follow-up's kind picks its fields (Y11.2, Y11.3).</summary>
public sealed record DraftFormView(DraftForm Form, PolicyBook Book, string UnitId, FollowUpKind? Kind = null);
