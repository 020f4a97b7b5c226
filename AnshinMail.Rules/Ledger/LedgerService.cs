using AnshinMail.Rules.Accounts;
using AnshinMail.Rules.Policy;
using AnshinMail.Rules.Storage;
using CsvHelper;
using Microsoft.EntityFrameworkCore;

namespace AnshinMail.Rules.Ledger;

/// <summary>
/// Y10: the distribution ledger (配信簿) and its index (目次): yearly serial numbers, CSV export of a
/// calendar year, and disposal of what the retention rule allows, on the security manager's command.
/// </summary>
public sealed class LedgerService(AnshinDbContext db, PolicyEngine engine, TimeProvider clock)
{
    /// <summary>Files an approved draft under the next number of the calendar year (Japan time) of its
    /// approval.</summary>
    public async Task<LedgerEntry> FileAsync(LedgerEntry entry, CancellationToken ct = default)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await AddAsync(entry, ct);
        await tx.CommitAsync(ct);
        return entry;
    }

    /// <summary>Numbers and saves the entry inside the caller's transaction (the workflow's approval).</summary>
    internal async Task AddAsync(LedgerEntry entry, CancellationToken ct)
    {
        entry.Year = engine.Calendar.LocalDate(entry.ApprovedAt).Year;
        entry.Serial =
            1 + (await db.LedgerEntries.Where(e => e.Year == entry.Year).MaxAsync(e => (int?)e.Serial, ct) ?? 0);
        db.LedgerEntries.Add(entry);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>目次 of a year, in number order.</summary>
    public Task<List<LedgerEntry>> IndexAsync(int year, CancellationToken ct = default) =>
        db.LedgerEntries.AsNoTracking().Where(e => e.Year == year).OrderBy(e => e.Serial).ToListAsync(ct);

    /// <summary>Y7.2, Y10: what a person may read: the security manager the whole ledger, anyone else their unit's
    /// entries (sent or requested).</summary>
    public string? ScopeOf(Person actor) => actor.IsSecurityManager(engine.Book) ? null : actor.UnitId;

    /// <summary>目次 of a year as <paramref name="actor"/> may see it.</summary>
    public Task<List<LedgerEntry>> IndexAsync(Person actor, int year, CancellationToken ct = default) =>
        Scoped(ScopeOf(actor)).Where(e => e.Year == year).OrderBy(e => e.Serial).ToListAsync(ct);

    /// <summary>One entry, if <paramref name="actor"/> may see it.</summary>
    public Task<LedgerEntry?> EntryAsync(Person actor, long id, CancellationToken ct = default) =>
        Scoped(ScopeOf(actor)).SingleOrDefaultAsync(e => e.Id == id, ct);

    /// <summary>The years that have entries, newest first.</summary>
    public Task<List<int>> YearsAsync(Person actor, CancellationToken ct = default) =>
        Scoped(ScopeOf(actor)).Select(e => e.Year).Distinct().OrderByDescending(y => y).ToListAsync(ct);

    private IQueryable<LedgerEntry> Scoped(string? unitId) =>
        db.LedgerEntries.AsNoTracking()
            .Where(e => unitId == null || e.SendingUnitId == unitId || e.RequestingUnitId == unitId);

    /// <summary>
    /// The year's ledger as CSV: UTF-8 with BOM (Excel), Japanese headers, RFC 4180 quoting, formula
    /// injection escaped. Streamed row by row from the database, so memory stays flat for any size.
    /// </summary>
    public async Task ExportCsvAsync(int year, Stream output, CancellationToken ct = default, string? unitId = null) =>
        await Write(output, LedgerCsv.Header, year, csv => csv.Row, unitId, ct);

    /// <summary>The year's index (目次) as a second CSV file.</summary>
    public async Task ExportIndexCsvAsync(int year, Stream output, CancellationToken ct = default,
        string? unitId = null) =>
        await Write(output, LedgerCsv.IndexHeader, year, csv => csv.IndexRow, unitId, ct);

    /// <summary>The ledger's columns with the names of the people as their accounts give them (Y10, Y7.2).</summary>
    public async Task<LedgerCsv> ColumnsAsync(CancellationToken ct = default) =>
        new(engine.Book, engine.Calendar.ToLocal, await StaffNames.LoadAsync(db, ct));

    private async Task Write(Stream output, string[] header, int year, Func<LedgerCsv, Func<LedgerEntry, string[]>> rows,
        string? unitId, CancellationToken ct)
    {
        var row = rows(await ColumnsAsync(ct));
        var options = CsvWriterOptions.Default with
        {
            WriteByteOrderMark = true, NewLine = "\r\n", Injection = CsvInjection.Escape,
        };
        await using var csv = CsvWriter.Create(output, options, leaveOpen: true);
        csv.WriteRecord(header);
        var entries = Scoped(unitId).Where(e => e.Year == year).OrderBy(e => e.Serial).AsAsyncEnumerable();
        await foreach (var entry in entries.WithCancellation(ct))
            await csv.WriteRecordAsync(row(entry), ct);
        await csv.FlushAsync(ct);
    }

    /// <summary>Y10: the years whose entries may be disposed of now.</summary>
    public async Task<IReadOnlyList<int>> DisposableYearsAsync(CancellationToken ct = default)
    {
        var years = await db.LedgerEntries.Select(e => e.Year).Distinct().ToListAsync(ct);
        var verdict = engine.Evaluate(new PolicyCase
        {
            Stage = PolicyStage.Administration,
            At = clock.GetUtcNow(),
            Actor = new Person("system", engine.Book.Offices.SecurityManagerUnit, new HashSet<Role>()),
            LedgerEntries = years
                .Select(y => new LedgerRecordFact(y.ToString(System.Globalization.CultureInfo.InvariantCulture), y))
                .ToList(),
        });
        return verdict.Disposable.Select(int.Parse).Order().ToList();
    }

    /// <summary>Y10: disposes of a year's entries, only when the rule allows it and only by the security manager;
    /// audited.</summary>
    public async Task<int> DisposeYearAsync(Person actor, int year, CancellationToken ct = default)
    {
        if (!actor.IsSecurityManager(engine.Book))
            throw PolicyRefusedException.Because("Y10", "ledger.not-security-manager", "配信簿の廃棄はシステムセキュリティ責任者が行います。");
        if (!(await DisposableYearsAsync(ct)).Contains(year))
            throw PolicyRefusedException.Because("Y10", "ledger.retention", $"{year}年の配信簿は保存期間中のため廃棄できません。");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var removed = await db.LedgerEntries.Where(e => e.Year == year).ExecuteDeleteAsync(ct);
        new Audit(db, clock).Record(actor, "ledger.dispose",
            year.ToString(System.Globalization.CultureInfo.InvariantCulture), "ok", $"{removed}件");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return removed;
    }
}
