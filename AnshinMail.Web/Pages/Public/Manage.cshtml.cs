using AnshinMail.Rules.Policy;
using AnshinMail.Rules.PolicyBooks;
using AnshinMail.Rules.Subscribers;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AnshinMail.Web.Pages.Public;

/// <summary>A resident's settings, opened by the personal link in every mail: categories, areas, pause,
/// delete.</summary>
public sealed class ManageModel(SubscriptionService subscriptions, PolicyBook book) : PageModel
{
    public PolicyBook Book => book;
    public string Email { get; private set; } = "";
    [BindProperty] public List<string> Categories { get; set; } = [];
    [BindProperty] public List<string> Areas { get; set; } = [];
    [BindProperty] public List<string> Stations { get; set; } = [];
    [BindProperty] public string? QuietFrom { get; set; }
    [BindProperty] public string? QuietTo { get; set; }
    [BindProperty] public bool Paused { get; set; }
    public ChoiceView Choice => new(book, Categories, Areas, QuietFrom, QuietTo);

    public async Task<IActionResult> OnGetAsync(string token)
    {
        if (await subscriptions.FindAsync(token) is not { } s) return NotFound();
        Email = s.Email;
        Categories = s.Categories;
        Areas = s.Areas;
        Paused = s.Paused;
        (QuietFrom, QuietTo) = (ChoiceView.Text(s.QuietFrom), ChoiceView.Text(s.QuietTo));
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(string token)
    {
        if (await subscriptions.FindAsync(token) is not { } s) return NotFound();
        Email = s.Email;
        try
        {
            await subscriptions.UpdateAsync(token,
                new SubscriptionChoice(Categories, Areas = ChoiceView.Expand(book, Areas, Stations),
                    ChoiceView.Time(QuietFrom), ChoiceView.Time(QuietTo)), Paused);
            TempData["Notice"] = "設定を変更しました。";
            return RedirectToPage("/Public/Manage", new { token });
        }
        catch (PolicyRefusedException e)
        {
            foreach (var f in e.Findings) ModelState.AddModelError("", f.Message);
            return Page();
        }
    }

    public async Task<IActionResult> OnPostDeleteAsync(string token)
    {
        await subscriptions.DeleteAsync(token);
        return Redirect("/unsubscribe/done");
    }
}
