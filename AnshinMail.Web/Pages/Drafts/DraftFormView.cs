using AnshinMail.Rules.PolicyBooks;

namespace AnshinMail.Web.Pages.Drafts;

/// <summary>What the shared draft form partial needs.</summary>
public sealed record DraftFormView(DraftForm Form, PolicyBook Book, string UnitId);
