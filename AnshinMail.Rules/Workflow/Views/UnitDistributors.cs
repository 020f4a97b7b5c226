using AnshinMail.Rules.Storage;
using Microsoft.EntityFrameworkCore;

namespace AnshinMail.Rules.Workflow.Views;

/// <summary>A person as staff pick them on a form: the account and the name shown.</summary>
public sealed record PersonChoice(string UserId, string Name);

/// <summary>Y9.4: the distributors of a unit, whose judgement staff may act on (by name).</summary>
public sealed class UnitDistributors(WorkflowContext w)
{
    /// <summary>The active accounts of unit <paramref name="unitId"/> that hold the distributor role, by
    /// name.</summary>
    public async Task<List<PersonChoice>> RunAsync(string unitId, CancellationToken ct = default)
    {
        var accounts = await w.Db.Accounts.AsNoTracking().Where(a => a.UnitId == unitId && !a.Disabled)
            .ToListAsync(ct);
        return accounts.Where(a => UnitAccess.MayJudge(a.ToPerson(), unitId)).OrderBy(a => a.Id)
            .Select(a => new PersonChoice(a.UserId, a.DisplayName)).ToList();
    }
}
