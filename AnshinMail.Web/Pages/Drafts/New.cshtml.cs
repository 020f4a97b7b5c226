using AnshinMail.Rules.Policy;
using AnshinMail.Rules.PolicyBooks;
using AnshinMail.Rules.Workflow;
using AnshinMail.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace AnshinMail.Web.Pages.Drafts;

/// <summary>Y9.1: write a draft; preview and findings on request; nothing typed is lost on an error.</summary>
public sealed class NewModel(WorkflowService workflow, PolicyBook book, PolicyEngine engine, TimeProvider clock) : StaffPageModel
{
    [BindProperty] public DraftForm Form { get; set; } = new();
    public DraftPreview? Preview { get; private set; }

    public DraftFormView FormView => new(Form, book, Me.UnitId);
    public PreviewView PreviewView => new(Preview, book, engine.MomentOf(clock.GetUtcNow()).InsideSendingHours);

    public void OnGet(string? category)
    {
        Form.CategoryId = category ?? "";
        var unit = book.Unit(Me.UnitId);
        Form.Areas = unit.IsHq ? [] : unit.Jurisdiction.ToList();
    }

    public async Task<IActionResult> OnPostPreviewAsync()
    {
        if (!CheckForm()) return Page();
        return await Attempt(async () =>
        {
            Preview = await workflow.PreviewAsync(Me, Form.ToInput(book));
            return Page();
        });
    }

    public async Task<IActionResult> OnPostSaveAsync()
    {
        if (!CheckForm()) return Page();
        return await Attempt(async () =>
        {
            var draft = await workflow.CreateDraftAsync(Me, Form.ToInput(book));
            TempData["Notice"] = $"配信文（案）{draft.Id} を保存しました。";
            return Redirect($"/drafts/{draft.Id}");
        });
    }

    private bool CheckForm()
    {
        if (!string.IsNullOrWhiteSpace(Form.OccurredAt) && DraftForm.ParseLocal(book, Form.OccurredAt) is null)
            ModelState.AddModelError("Form.OccurredAt", "発生日時の形式が正しくありません。");
        return ModelState.IsValid;
    }
}
