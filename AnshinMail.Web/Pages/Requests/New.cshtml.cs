using AnshinMail.Rules.Policy;
using AnshinMail.Rules.PolicyBooks;
using AnshinMail.Rules.Workflow;
using AnshinMail.Web.Infrastructure;
using AnshinMail.Web.Pages.Drafts;
using Microsoft.AspNetCore.Mvc;

namespace AnshinMail.Web.Pages.Requests;

/// <summary>T3(2): a station asks HQ to send to areas outside its jurisdiction.</summary>
public sealed class NewModel(WorkflowService workflow, PolicyBook book, PolicyEngine engine, TimeProvider clock) : StaffPageModel
{
    [BindProperty] public DraftForm Form { get; set; } = new();
    public DraftPreview? Preview { get; private set; }
    public DraftFormView FormView => new(Form, book, Me.UnitId);
    public PreviewView PreviewView => new(Preview, book, engine.MomentOf(clock.GetUtcNow()).InsideSendingHours);

    public void OnGet() { }

    public async Task<IActionResult> OnPostPreviewAsync()
    {
        if (!ModelState.IsValid) return Page();
        return await Attempt(async () =>
        {
            Preview = await workflow.PreviewAsync(Me, Form.ToInput(book));
            return Page();
        });
    }

    public async Task<IActionResult> OnPostSaveAsync()
    {
        if (!ModelState.IsValid) return Page();
        return await Attempt(async () =>
        {
            var request = await workflow.FileDistributionRequestAsync(Me, Form.ToInput(book));
            TempData["Notice"] = $"{book.Unit(request.ToUnitId).Name} へ配信要請を送りました。";
            return Redirect($"/requests/{request.Id}");
        });
    }
}
