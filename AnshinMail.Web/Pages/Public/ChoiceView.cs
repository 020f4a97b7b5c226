using AnshinMail.Rules.PolicyBooks;

namespace AnshinMail.Web.Pages.Public;

public sealed record ChoiceView(PolicyBook Book, IReadOnlyCollection<string> Categories, IReadOnlyCollection<string> Areas);
