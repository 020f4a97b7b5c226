using AnshinMail.Rules.PolicyBooks;
using AnshinMail.Rules.Workflow;

namespace AnshinMail.Web.Pages.Drafts;

public sealed record PreviewView(DraftPreview? Preview, PolicyBook Book);
