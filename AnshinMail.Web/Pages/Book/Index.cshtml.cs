using AnshinMail.Rules.Policy;
using AnshinMail.Rules.PolicyBooks;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AnshinMail.Web.Pages.Book;

public sealed class IndexModel(AnshinMail.Rules.PolicyBooks.PolicyBook book, PolicyEngine engine, TimeProvider clock)
    : PageModel
{
    public AnshinMail.Rules.PolicyBooks.PolicyBook Book { get; } = book;
    public DateTimeOffset Now { get; private set; }
    public bool InsideSendingHours { get; private set; }
    public bool DutySystem { get; private set; }

    public void OnGet()
    {
        var moment = engine.MomentOf(clock.GetUtcNow());
        Now = moment.At;
        InsideSendingHours = moment.InsideSendingHours;
        DutySystem = moment.DutySystem;
    }

    public string RelayText(YahooRelayMode mode) => mode switch
    {
        YahooRelayMode.Always => "対象",
        YahooRelayMode.PhysicalHarmOnly => "身体的危害のおそれがある場合のみ",
        _ => "対象外",
    };
}
