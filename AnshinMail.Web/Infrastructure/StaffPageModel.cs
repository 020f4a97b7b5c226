using AnshinMail.Rules.Accounts;
using AnshinMail.Rules.Policy;
using AnshinMail.Rules.Storage;
using AnshinMail.Rules.PolicyBooks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AnshinMail.Web.Infrastructure;

/// <summary>
/// Base of the staff pages: the signed-in person, and the policy's refusals turned into Japanese
/// messages on the same page (the form keeps what was typed).
/// </summary>
public abstract class StaffPageModel : PageModel
{
    public Person Me => User.ToPerson();

    /// <summary>Findings of the last refused operation (blocks first), shown beside the form.</summary>
    public IReadOnlyList<Finding> Refusal { get; private set; } = [];

    protected async Task<IActionResult> Attempt(Func<Task<IActionResult>> operation, Func<Task>? reload = null)
    {
        try
        {
            return await operation();
        }
        catch (PolicyRefusedException e)
        {
            Refusal = e.Findings.OrderByDescending(f => f.Severity).ToList();
            foreach (var f in e.Findings.Where(f => f.Severity == Severity.Block))
                ModelState.AddModelError("", f.Message);
            if (reload is null) return Page();
            try
            {
                await reload();
            }
            catch (PolicyRefusedException)
            {
                // The page itself is closed to this person (another unit's draft): no partial page, a plain refusal.
                return Forbid();
            }
            return Page();
        }
    }

    public string UnitName(PolicyBook book, string? id) => Labels.Unit(book, id);

    /// <summary>Y7.2: people by name, never by login ID (author, approver, operator, requester, actor).</summary>
    public StaffNames Names { get; private set; } = new(new Dictionary<string, string>());

    protected async Task LoadNames(AnshinDbContext db) => Names = await StaffNames.LoadAsync(db);
}
