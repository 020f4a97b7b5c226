using System.Globalization;
using AnshinMail.Rules.Ledger;
using AnshinMail.Rules.PolicyBooks;
using AnshinMail.Rules.Storage;
using AnshinMail.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace AnshinMail.Web.Pages.Ledger;

/// <summary>Y10: 目次 of a year and the CSV downloads (the security manager sees every unit; others their own).</summary>
public sealed class IndexModel(LedgerService ledger, PolicyBook book, TimeProvider clock) : StaffPageModel
{
    public PolicyBook Book => book;
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    public List<int> Years { get; private set; } = [];
    public List<LedgerEntry> Entries { get; private set; } = [];
    public LedgerCsv Columns { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        Year ??= TimeZoneInfo.ConvertTime(clock.GetUtcNow(), book.Zone).Year;
        Years = await ledger.YearsAsync(Me);
        if (!Years.Contains(Year.Value)) Years.Insert(0, Year.Value);
        Entries = await ledger.IndexAsync(Me, Year.Value);
        Columns = await ledger.ColumnsAsync(HttpContext.RequestAborted);
    }

    public Task<IActionResult> OnGetCsvAsync(int year) =>
        Download(year, "配信簿", (s, unit) => ledger.ExportCsvAsync(year, s, HttpContext.RequestAborted, unit));

    public Task<IActionResult> OnGetIndexCsvAsync(int year) =>
        Download(year, "目次", (s, unit) => ledger.ExportIndexCsvAsync(year, s, HttpContext.RequestAborted, unit));

    /// <summary>Streams the CSV straight into the response; the file name is Japanese (RFC 5987).</summary>
    private async Task<IActionResult> Download(int year, string what, Func<Stream, string?, Task> write)
    {
        var name = $"{book.SystemName}{what}_{year.ToString(CultureInfo.InvariantCulture)}.csv";
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition =
            $"attachment; filename=\"ledger-{year}.csv\"; filename*=UTF-8''{Uri.EscapeDataString(name)}";
        await write(Response.Body, ledger.ScopeOf(Me));
        return new EmptyResult();
    }
}
