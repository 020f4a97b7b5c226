using AnshinMail.Rules.Storage;
using Microsoft.EntityFrameworkCore;

namespace AnshinMail.Rules.Workflow.Views;

/// <summary>Y9.3: every saved version of a draft, oldest first.</summary>
public sealed class DraftVersions(WorkflowContext w)
{
    /// <summary>Every saved version of draft <paramref name="draftId"/>, oldest first.</summary>
    public Task<List<DraftVersion>> RunAsync(long draftId, CancellationToken ct = default) =>
        w.Db.DraftVersions.AsNoTracking().Where(v => v.DraftId == draftId).OrderBy(v => v.Version)
            .ToListAsync(ct);
}
