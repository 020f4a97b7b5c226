using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AnshinMail.Web.Pages;

/// <summary>The only error page a user ever sees: Japanese, with a reference id; details stay in the log.</summary>
[AllowAnonymous]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public string ReferenceId { get; private set; } = "";
    public int Status { get; private set; } = 500;

    public void OnGet(int? status) => Show(status);

    public void OnPost(int? status) => Show(status);

    private void Show(int? status)
    {
        ReferenceId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        Status = status ?? 500;
        Response.StatusCode = Status;
    }

    public string Message => Status switch
    {
        400 => "送信された内容を受け付けられませんでした。画面を開き直して、もう一度お試しください。",
        403 => "この操作を行う権限がありません。",
        404 => "お探しのページは見つかりませんでした。",
        429 => "短時間に操作が集中しました。しばらく待ってから、もう一度お試しください。",
        _ => "申し訳ありません。処理中に問題が発生しました。",
    };
}
