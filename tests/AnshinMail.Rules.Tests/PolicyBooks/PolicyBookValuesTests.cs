using System.Text.Json.Nodes;
using AnshinMail.Rules.PolicyBooks;

namespace AnshinMail.Rules.Tests.PolicyBooks;

/// <summary>
/// What an embedder reads from a loaded book besides its settings (issue 17: PolicyBook/ code that no test of the
/// policy-core folders reached): lookups refused in Japanese, the derived unit lists, files found next to the
/// book, the loader's refusals in Japanese, and the 要確認 values shown to the security manager (Y15).
/// </summary>
public class PolicyBookValuesTests
{
    [Fact]
    public void AnUnknownCategoryOrUnit_IsRefusedInJapanese_NamingIt()
    {
        var book = TestBook.Book;
        Assert.Equal("情報種別 'nope' は政策ブックにありません。",
            Assert.Throws<KeyNotFoundException>(() => book.Category("nope")).Message);
        Assert.Equal("所属 'atlantis' は政策ブックにありません。",
            Assert.Throws<KeyNotFoundException>(() => book.Unit("atlantis")).Message);
        Assert.Null(book.FindUnit("atlantis"));
        Assert.Equal("総合当直", book.FindUnit(book.Offices.DutyDeskUnit)?.Name);
    }

    [Fact]
    public void TheDivisions_AreTheHqDivisions_AndTheSenderDomainIsTheAddresssDomain()
    {
        var book = TestBook.Book;
        Assert.Equal(["生活安全企画課", "人身安全・少年課", "交通企画課", "警備第二課", "広報相談課"],
            book.Divisions.Select(u => u.Name));
        Assert.Equal("example.jp", book.SenderDomain);
    }

    [Fact]
    public void FilesTheBookNames_AreFoundNextToTheBook()
    {
        var book = TestBook.Book;
        var dir = Path.GetDirectoryName(book.SourcePath)!;
        Assert.Equal(Path.GetFullPath(Path.Combine(dir, book.Templates)), book.TemplatesDirectory);
        Assert.True(Directory.Exists(book.TemplatesDirectory));
        Assert.Equal(Path.GetFullPath(Path.Combine(dir, book.PasswordPolicy.DenyListFile!)), book.DenyListPath);
        Assert.True(File.Exists(book.DenyListPath));
        Assert.Equal(Path.GetFullPath(Path.Combine(dir, book.Geography!.Boundaries)), book.BoundariesPath);
        Assert.True(File.Exists(book.BoundariesPath));
    }

    [Fact]
    public void ABookWithoutADenyListOrAMap_HasNoSuchPath()
    {
        var book = TestBook.Book with
        {
            PasswordPolicy = TestBook.Book.PasswordPolicy with { DenyListFile = null },
            Geography = null,
        };
        Assert.Null(book.DenyListPath);
        Assert.Null(book.BoundariesPath);
    }

    [Fact]
    public void AMissingOrEmptyBook_IsRefusedInJapanese()
    {
        var missing = Assert.Throws<PolicyBookException>(() => PolicyBook.Load("/nonexistent/book.json"));
        Assert.Equal("政策ブックのファイルがありません。", missing.Problem);
        var path = Path.Combine(Directory.CreateTempSubdirectory("anshin-book-").FullName, "empty.json");
        File.WriteAllText(path, "null");
        var empty = Assert.Throws<PolicyBookException>(() => PolicyBook.Load(path));
        Assert.Equal("政策ブックが空です。", empty.Problem);
        Assert.Equal("$", empty.JsonPath);
    }

    [Fact]
    public void ABadDate_IsRefusedInJapanese_WithTheFormatAndTheText()
    {
        var node = BrokenBooks.Nagano();
        node["holidayOverrides"]![0]!["date"] = "2019/04/30";
        var e = Assert.Throws<PolicyBookException>(() => PolicyBook.Load(BrokenBooks.Save("bad-date", node)));
        Assert.Contains("日付は yyyy-MM-dd 形式で指定してください（'2019/04/30'）", e.Problem);
        Assert.Equal("$.holidayOverrides[0].date", e.JsonPath);
    }

    [Fact]
    public void T5_AMissingBoundaryFile_IsRefused_NamingIt()
    {
        var node = BrokenBooks.Nagano();
        node["geography"]!["boundaries"] = "/nonexistent/boundaries.geojson";
        var e = Assert.Throws<PolicyBookException>(() => PolicyBook.Load(BrokenBooks.Save("no-map", node)));
        Assert.Equal("$.geography.boundaries", e.JsonPath);
        Assert.Equal("境界データ '/nonexistent/boundaries.geojson' がありません。", e.Problem);
    }

    /// <summary>
    /// Y15: the book page shows each value to confirm as read from the book: a list's items joined with "・", the
    /// matches of a "[]" key with "、", an object's values with spaces, a null as （なし）, and at most 160
    /// characters, then "…".
    /// </summary>
    [Fact]
    public void Y15_ValuesToConfirm_AreShownReadable_AndShort()
    {
        var node = BrokenBooks.Nagano();
        node["toConfirm"] = new JsonArray(
            Item("units[].jurisdiction"), Item("categories[].victim"), Item("sendingHours"));
        var book = PolicyBook.Load(BrokenBooks.Save("to-confirm", node));
        var values = book.ToConfirm.Select(i => i.Value).ToList();
        var areas = string.Join("、",
            book.Units.Where(u => u.Jurisdiction.Count > 0).Select(u => string.Join("・", u.Jurisdiction)));
        Assert.True(areas.Length > 160);
        Assert.Equal(areas[..160] + "…", values[0]);
        Assert.Equal("18、19 female、（なし）、（なし）、（なし）、（なし）", values[1]);
        Assert.Equal("06:00 22:00", values[2]);
    }

    private static JsonObject Item(string key) => new() { ["key"] = key, ["note"] = "確認してください。" };
}
