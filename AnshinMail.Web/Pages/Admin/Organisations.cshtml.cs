using System.ComponentModel.DataAnnotations;
using AnshinMail.Rules.Policy;
using AnshinMail.Rules.PolicyBooks;
using AnshinMail.Rules.Subscribers;
using AnshinMail.Web.Infrastructure;
using AnshinMail.Web.Pages.Public;
using Microsoft.AspNetCore.Mvc;

namespace AnshinMail.Web.Pages.Admin;

/// <summary>T5(2): organisations that pass alerts on, their webhooks (secret shown once) and the delivery log.</summary>
public sealed class OrganisationsModel(OrganisationService organisations, PolicyBook book) : StaffPageModel
{
    public PolicyBook Book => book;
    public IReadOnlyList<AnshinMail.Rules.Storage.Subscriber> List { get; private set; } = [];
    public IReadOnlyList<WebhookLog> Log { get; private set; } = [];
    public RegisteredOrganisation? Registered { get; private set; }

    [BindProperty, Required(ErrorMessage = "団体名を入力してください。"), StringLength(200, ErrorMessage = "団体名は{1}文字以内で入力してください。")]
    public string Name { get; set; } = "";
    [BindProperty, StringLength(200, ErrorMessage = "連絡先は{1}文字以内で入力してください。")] public string? Contact { get; set; }
    [BindProperty, Required(ErrorMessage = "メールアドレスを入力してください。"),
        StringLength(254, ErrorMessage = "メールアドレスは{1}文字以内で入力してください。")]
    public string Email { get; set; } = "";
    [BindProperty, StringLength(500, ErrorMessage = "Webhook の URL は{1}文字以内で入力してください。")]
    public string? WebhookUrl { get; set; }
    [BindProperty] public List<string> Categories { get; set; } = [];
    [BindProperty] public List<string> Areas { get; set; } = [];
    [BindProperty] public List<string> Stations { get; set; } = [];
    public ChoiceView Choice => new(book, Categories, Areas);

    public async Task<IActionResult> OnGetAsync()
    {
        if (!Me.IsSecurityManager(book)) return Forbid();
        await Load();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) { await SafeLoad(); return Page(); }
        return await Attempt(async () =>
        {
            Registered = await organisations.RegisterAsync(Me, Name, Contact ?? "", Email, new SubscriptionChoice(Categories, Areas = ChoiceView.Expand(book, Areas, Stations)), WebhookUrl);
            await Load();
            return Page();
        }, SafeLoad);
    }

    private async Task Load()
    {
        List = await organisations.ListAsync(Me);
        Log = await organisations.WebhookLogAsync(Me);
    }

    private async Task SafeLoad()
    {
        try { await Load(); } catch (PolicyRefusedException) { List = []; Log = []; }
    }
}
