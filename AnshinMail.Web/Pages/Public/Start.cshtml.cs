using AnshinMail.Rules.Policy;
using AnshinMail.Rules.PolicyBooks;
using AnshinMail.Rules.Subscribers;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace AnshinMail.Web.Pages.Public;

/// <summary>空メール登録: the personal link of the reply opens this page; choosing completes the registration.</summary>
[EnableRateLimiting("public")]
public sealed class StartModel(EmptyMailRegistration registration, PolicyBook book) : ResidentPageModel
{
    public PolicyBook Book => book;
    public string? Email { get; private set; }
    public string? ManageToken { get; private set; }
    [BindProperty] public List<string> Categories { get; set; } = [];
    [BindProperty] public List<string> Areas { get; set; } = [];
    [BindProperty] public List<string> Stations { get; set; } = [];
    [BindProperty] public string? QuietFrom { get; set; }
    [BindProperty] public string? QuietTo { get; set; }
    public ChoiceView Choice => new(book, Categories, Areas, QuietFrom, QuietTo, Easy);

    public async Task OnGetAsync(string token)
    {
        Email = await registration.AddressOfAsync(token);
        Categories = book.Categories.Select(c => c.Id).ToList();
        // T5: the empty mail went to a station's own registration address (its poster): its areas are ticked.
        if (await registration.StationOfAsync(token) is { } station) Areas = station.Jurisdiction.ToList();
    }

    public async Task<IActionResult> OnPostAsync(string token)
    {
        Email = await registration.AddressOfAsync(token);
        if (Email is null) return Page();
        try
        {
            Areas = ChoiceView.Expand(book, Areas, Stations);
            var choice = new SubscriptionChoice(
                Categories, Areas, ChoiceView.Time(QuietFrom), ChoiceView.Time(QuietTo));
            ManageToken = await registration.RegisterAsync(token, choice);
            if (ManageToken is null) Email = null; // used meanwhile (another tab, a double click)
        }
        catch (PolicyRefusedException e)
        {
            Refuse(e);
        }
        return Page();
    }
}
