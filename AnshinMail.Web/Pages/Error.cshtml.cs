using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;
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

    // The status comes from the query (or the re-execute feature), never from the form: after a 400 the form
    // is the very thing that could not be read, and reading it again would turn the 400 into a 500.
    public void OnGet([FromQuery] int? status) => Show(status);

    public void OnPost([FromQuery] int? status) => Show(status);

    private void Show(int? status)
    {
        ReferenceId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        var original = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalStatusCode;
        Status = Honoured(original ?? status);
        Response.StatusCode = Status;
    }

    /// <summary>
    /// Only error statuses (400–599) are answered as such; any other number is a 500, never a status line.
    /// </summary>
    public static int Honoured(int? status) => status is >= 400 and <= 599 ? status.Value : 500;

    public string Message => Status switch
    {
        400 => "送信された内容を受け付けられませんでした。画面を開き直して、もう一度お試しください。",
        403 => "この操作を行う権限がありません。",
        404 => "お探しのページは見つかりませんでした。",
        429 => "短時間に操作が集中しました。しばらく待ってから、もう一度お試しください。",
        _ => "申し訳ありません。処理中に問題が発生しました。",
    };
}
