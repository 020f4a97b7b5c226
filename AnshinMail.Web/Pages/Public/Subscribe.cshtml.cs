using System.ComponentModel.DataAnnotations;
using AnshinMail.Rules.Policy;
using AnshinMail.Rules.PolicyBooks;
using AnshinMail.Rules.Subscribers;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace AnshinMail.Web.Pages.Public;

/// <summary>T5: register an address; a confirmation mail follows (double opt-in).</summary>
[EnableRateLimiting("public")]
public sealed class SubscribeModel(SubscriptionService subscriptions, PolicyBook book) : ResidentPageModel
{
    public PolicyBook Book => book;
    [BindProperty, Required(ErrorMessage = EasyRefusals.EmailMissing)]
    [StringLength(254, ErrorMessage = EasyRefusals.EmailTooLong)]
    public string Email { get; set; } = "";
    [BindProperty] public List<string> Categories { get; set; } = [];
    [BindProperty] public List<string> Areas { get; set; } = [];
    [BindProperty] public List<string> Stations { get; set; } = [];
    [BindProperty] public string? QuietFrom { get; set; }
    [BindProperty] public string? QuietTo { get; set; }
    public bool Sent { get; private set; }
    public ChoiceView Choice => new(book, Categories, Areas, QuietFrom, QuietTo, Easy);

    public void OnGet(string? station)
    {
        Categories = book.Categories.Select(c => c.Id).ToList();
        if (book.FindUnit(station ?? "") is { } s) Areas = s.Jurisdiction.ToList();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (ChoiceView.Unreadable(QuietFrom) || ChoiceView.Unreadable(QuietTo))
            ModelState.AddModelError("", EasyRefusals.QuietUnreadable);
        if (!ModelState.IsValid) return Page();
        try
        {
            await subscriptions.RegisterAsync(Email,
                new SubscriptionChoice(Categories, Areas = ChoiceView.Expand(book, Areas, Stations),
                    ChoiceView.Time(QuietFrom), ChoiceView.Time(QuietTo)), MailLanguage);
            Sent = true;
        }
        catch (PolicyRefusedException e)
        {
            Refuse(e);
        }
        return Page();
    }
}
