using AnshinMail.Rules.Policy;
using AnshinMail.Rules.PolicyBooks;
using AnshinMail.Rules.Workflow;
using AnshinMail.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace AnshinMail.Web.Pages.Drafts;

/// <summary>Y9.3: an edit makes a new version; an approval given before no longer covers it.</summary>
public sealed class EditModel(WorkflowService workflow, PolicyBook book, PolicyEngine engine, TimeProvider clock) : StaffPageModel
{
    [BindProperty] public DraftForm Form { get; set; } = new();
    public DraftPreview? Preview { get; private set; }
    public long Id { get; private set; }
    public DraftFormView FormView => new(Form, book, Me.UnitId);
    public PreviewView PreviewView => new(Preview, book, engine.MomentOf(clock.GetUtcNow()).InsideSendingHours);

    public async Task<IActionResult> OnGetAsync(long id)
    {
        Id = id;
        try
        {
            var view = await workflow.ViewDraftAsync(Me, id);
            if (view.Draft.UnitId != Me.UnitId) return Forbid();
            Form = DraftForm.From(view.Draft, book);
            Preview = new DraftPreview(view.Verdict, view.Message);
            return Page();
        }
        catch (PolicyRefusedException)
        {
            return Forbid();
        }
    }

    public async Task<IActionResult> OnPostPreviewAsync(long id)
    {
        Id = id;
        if (!ModelState.IsValid) return Page();
        return await Attempt(async () =>
        {
            Preview = await workflow.PreviewAsync(Me, Form.ToInput(book));
            return Page();
        });
    }

    public async Task<IActionResult> OnPostSaveAsync(long id)
    {
        Id = id;
        if (!ModelState.IsValid) return Page();
        return await Attempt(async () =>
        {
            var draft = await workflow.EditDraftAsync(Me, id, Form.ToInput(book));
            TempData["Notice"] = $"第{draft.Version}版として保存しました。";
            return Redirect($"/drafts/{id}");
        });
    }
}
