using AnshinMail.Rules.Policy;
using AnshinMail.Rules.PolicyBooks;
using AnshinMail.Rules.Storage;
using AnshinMail.Rules.Subscribers;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace AnshinMail.Web.Pages.Public;

/// <summary>A resident's settings, opened by the personal link in every mail: a summary at the top, then
/// categories, areas, quiet hours, pause; the address (confirmed by a link to the new one); delete.</summary>
[EnableRateLimiting("public")] // the address form mails whatever address is typed: posts are limited per IP
public sealed class ManageModel(SubscriptionService subscriptions, AddressChange change, PolicyBook book)
    : ResidentPageModel
{
    /// <summary>Not the layout's notice: the easy text carries furigana marks (<see cref="ResidentPageModel.Ruby"/>).
    /// </summary>
    public const string NoticeKey = "ResidentNotice";
    public PolicyBook Book => book;
    public string Email { get; private set; } = "";
    public string? PendingEmail { get; private set; }
    /// <summary>What is saved (the summary at the top), not what the form holds after a refused change.</summary>
    public ChoiceView Saved { get; private set; } = null!;
    [BindProperty] public List<string> Categories { get; set; } = [];
    [BindProperty] public List<string> Areas { get; set; } = [];
    [BindProperty] public List<string> Stations { get; set; } = [];
    [BindProperty] public string? QuietFrom { get; set; }
    [BindProperty] public string? QuietTo { get; set; }
    [BindProperty] public bool Paused { get; set; }
    [BindProperty] public string? NewEmail { get; set; }
    public bool SavedPaused { get; private set; }
    /// <summary>The address form was refused: its message shows there, not in the settings form.</summary>
    public bool AddressTried { get; private set; }
    public ChoiceView Choice => new(book, Categories, Areas, QuietFrom, QuietTo, Easy);

    public async Task<IActionResult> OnGetAsync(string token)
    {
        if (await Load(token) is not { } s) return NotFound();
        (Categories, Areas, Paused) = (s.Categories, s.Areas, s.Paused);
        (QuietFrom, QuietTo) = (ChoiceView.Text(s.QuietFrom), ChoiceView.Text(s.QuietTo));
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(string token)
    {
        if (await Load(token) is null) return NotFound();
        if (ChoiceView.Unreadable(QuietFrom) || ChoiceView.Unreadable(QuietTo))
        {
            ModelState.AddModelError("", EasyRefusals.QuietUnreadable);
            return Page();
        }
        try
        {
            await subscriptions.UpdateAsync(token,
                new SubscriptionChoice(Categories, Areas = ChoiceView.Expand(book, Areas, Stations),
                    ChoiceView.Time(QuietFrom), ChoiceView.Time(QuietTo)), Paused);
            TempData[NoticeKey] = Easy ? "{設定|せってい}を {変|か}えました。" : "設定を変更しました。";
            return RedirectToPage("/Public/Manage", new { token, easy = Easy ? "1" : null });
        }
        catch (PolicyRefusedException e)
        {
            Refuse(e);
            return Page();
        }
    }

    /// <summary>T5: a new address, confirmed by a link mailed to it; the old one receives until then.</summary>
    public async Task<IActionResult> OnPostAddressAsync(string token)
    {
        if (await Load(token) is not { } s) return NotFound();
        (Categories, Areas, Paused) = (s.Categories, s.Areas, s.Paused);
        (QuietFrom, QuietTo) = (ChoiceView.Text(s.QuietFrom), ChoiceView.Text(s.QuietTo));
        try
        {
            await change.RequestAsync(token, NewEmail ?? "", MailLanguage);
            TempData[NoticeKey] = Easy
                ? "{新|あたら}しい アドレスに {確認|かくにん}の メールを {送|おく}りました。"
                  + "メールの ページで {変更|へんこう}を {確定|かくてい}するまで、{今|いま}の アドレスに {届|とど}きます。"
                : "新しいアドレスに確認のメールを送りました。メールに書かれたページで変更を確定するまで、今のアドレスに配信が続きます。";
            return RedirectToPage("/Public/Manage", new { token, easy = Easy ? "1" : null });
        }
        catch (PolicyRefusedException e)
        {
            AddressTried = true;
            Refuse(e, nameof(NewEmail));
            return Page();
        }
    }

    public async Task<IActionResult> OnPostDeleteAsync(string token)
    {
        await subscriptions.DeleteAsync(token);
        return Redirect(Easy ? "/unsubscribe/done?easy=1" : "/unsubscribe/done");
    }

    private async Task<Subscriber?> Load(string token)
    {
        if (await subscriptions.FindAsync(token) is not { } s) return null;
        (Email, PendingEmail, SavedPaused) = (s.Email, s.PendingEmail, s.Paused);
        Saved = new ChoiceView(book, s.Categories, s.Areas, ChoiceView.Text(s.QuietFrom), ChoiceView.Text(s.QuietTo),
            Easy);
        return s;
    }
}
