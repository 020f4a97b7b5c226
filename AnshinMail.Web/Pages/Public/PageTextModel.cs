using AnshinMail.Rules.Templates;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AnshinMail.Web.Pages.Public;

/// <summary>T5: 利用規約 and 個人情報の取扱い, whose text is the book's (templates/pages/), stated before registering.
/// </summary>
public sealed class PageTextModel(PageTextRenderer texts) : PageModel
{
    public PageText Text(PageTextKind kind) => texts[kind];
}
