using System.Text;
using System.Text.RegularExpressions;
using AnshinMail.Rules.Ledger;
using AnshinMail.Rules.Policy;
using AnshinMail.Rules.Storage;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.Extensions.Time.Testing;
using static AnshinMail.Rules.Tests.Cases;

namespace AnshinMail.Rules.Tests.Ledger;

/// <summary>
/// Y10: the ledger CSV as Excel opens it. Excel's rule, as tested here: it turns a cell into a value (number, date,
/// time, percentage, currency, fraction, or an era date in Japanese Excel) only when its text, after leading spaces,
/// begins with a digit (ASCII or full-width), a sign, a decimal point, a currency sign, an opening parenthesis, an
/// English month name, or an era (M/T/S/H/R and a digit, 明治/大正/昭和/平成/令和); and into a formula when it begins
/// with = + - @ (a tab or a carriage return first is a known way round filters). A cell that begins otherwise stays
/// text, exactly as written.
/// </summary>
public sealed partial class LedgerCsvCellTests : IDisposable
{
    private static readonly char[] Triggers = ['=', '+', '-', '@', '\t', '\r'];
    private readonly TestDatabase _file = new();
    private readonly FakeTimeProvider _clock = new(Jst(2026, 11, 27, 10));

    public void Dispose() => _file.Dispose();

    private static LedgerEntry Entry(string text) => new()
    {
        CategoryId = "child-safety", SendingUnitId = Station, AuthorId = "staff1", ApproverId = "head1",
        Regime = nameof(ApprovalRegime.Distributor), PostReportStatus = text, Confirmations = "",
        ApprovedAt = Jst(2026, 11, 27, 9), SentAt = Jst(2026, 11, 27, 9, 5), Recipients = 12,
        Subject = text, Body = text, Withdrawal = text, Closure = text, EmergencyJudge = text,
        EmergencyJudgement = text, EmergencyOperator = text, EmergencyConfirmation = text, FollowUps = "2026-0002",
    };

    private async Task<List<List<string>>> Export(bool index, params LedgerEntry[] entries)
    {
        await using var db = _file.Open();
        var service = new LedgerService(db, TestBook.Engine, _clock);
        foreach (var e in entries) await service.FileAsync(e);
        using var stream = new MemoryStream();
        if (index) await service.ExportIndexCsvAsync(2026, stream);
        else await service.ExportCsvAsync(2026, stream);
        return Parse(Encoding.UTF8.GetString(stream.ToArray()[3..]));
    }

    [Fact]
    public void Y10_TheRule_ReadsABareSerialAsAValue_AndTheCsvFormAsText()
    {
        Assert.True(ExcelReadsAsValue("2026-0001"));
        Assert.True(ExcelReadsAsValue("R8.11.28"));
        Assert.True(ExcelReadsAsValue("=\"2026-0001\""));
        Assert.False(ExcelReadsAsValue(LedgerCsv.NumberText("2026-0001")));
        Assert.Equal("第2026-0001号", LedgerCsv.NumberText("2026-0001"));
        Assert.Equal("第2026-0002号、第2026-0003号", LedgerCsv.NumbersText("2026-0002,2026-0003"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Y10_TheNumberCells_OfTheLedgerAndItsIndex_StayTextInExcel_AndKeepTheSerial(bool index)
    {
        var rows = await Export(index, Entry("本文"), Entry("本文"));
        var numbers = rows.Skip(1).Select(r => r[0]).ToList();
        Assert.Equal(["第2026-0001号", "第2026-0002号"], numbers);
        Assert.All(numbers, n => Assert.False(ExcelReadsAsValue(n), n));
        if (!index) Assert.All(rows.Skip(1), r => Assert.Equal("第2026-0002号", r[14]));
    }

    private static readonly Gen<string> Formulaic =
        from first in Gen.Elements(Triggers)
        from rest in Gen.ArrayOf(Gen.Elements("a", "声かけ", "=1+1", "\"", ",", "\n", " ", "@SUM(A1)", "-2", "\t",
            "cmd|' /C calc'!A0", "2026-0001"))
        // The entry's short columns hold 64 characters (PostgreSQL enforces it; SQLite does not): keep within them.
        select Within64(first + string.Concat(rest));

    private static string Within64(string text) => text.Length > 64 ? text[..64] : text;

    [Property(MaxTest = 40)]
    public Property Y10_EveryCellThatWouldStartAFormula_IsNeutralised() =>
        Prop.ForAll(Formulaic.ToArbitrary(), text =>
        {
            var rows = Export(false, Entry(text)).GetAwaiter().GetResult();
            Assert.All(rows.SelectMany(r => r), cell => Assert.False(
                cell.Length > 0 && Triggers.Contains(cell[0]), $"cell starts a formula: {cell}"));
            Assert.Contains(rows.Skip(1).SelectMany(r => r), cell => cell.EndsWith(text, StringComparison.Ordinal));
        });

    private static bool ExcelReadsAsValue(string cell) => Value().IsMatch(cell);

    [GeneratedRegex(
        @"^\s*([0-9０-９+\-.,(=@$¥￥\\]|[MTSHR]\d|明治|大正|昭和|平成|令和|(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))",
        RegexOptions.IgnoreCase)]
    private static partial Regex Value();

    /// <summary>RFC 4180 as the export writes it: quoted fields may hold commas, quotes ("") and line breaks.</summary>
    private static List<List<string>> Parse(string csv)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < csv.Length; i++)
        {
            var c = csv[i];
            if (quoted && c == '"' && i + 1 < csv.Length && csv[i + 1] == '"') { cell.Append('"'); i++; }
            else if (c == '"') quoted = !quoted;
            else if (!quoted && c == ',') { row.Add(cell.ToString()); cell.Clear(); }
            else if (!quoted && c == '\r' && i + 1 < csv.Length && csv[i + 1] == '\n')
            {
                row.Add(cell.ToString());
                cell.Clear();
                rows.Add(row);
                row = [];
                i++;
            }
            else cell.Append(c);
        }
        return rows;
    }
}
