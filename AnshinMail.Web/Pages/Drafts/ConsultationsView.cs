using AnshinMail.Rules.PolicyBooks;
using AnshinMail.Rules.Storage;

namespace AnshinMail.Web.Pages.Drafts;

/// <summary>Y11.1: a draft's consultations, open and answered, as the writer and the approver see them.</summary>
public sealed record ConsultationsView(IReadOnlyList<UnitRequest> Items, PolicyBook Book, bool Heading = true);
