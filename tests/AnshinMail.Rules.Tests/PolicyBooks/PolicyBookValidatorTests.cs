using System.Text.Json.Nodes;
using AnshinMail.Rules.PolicyBooks;

namespace AnshinMail.Rules.Tests.PolicyBooks;

/// <summary>
/// Every check of the book that JSON typing cannot make, each refused with its JSON path and a Japanese reason, so
/// that a prefecture editing its book learns what is wrong and where before the system starts.
/// </summary>
public class PolicyBookValidatorTests
{
    private static string Set(string at, string key, string value) =>
        new JsonObject { ["op"] = "set", ["at"] = at, ["key"] = key, ["value"] = JsonNode.Parse(value) }.ToJsonString();

    public static TheoryData<string, string, string> Broken => new()
    {
        { Set("$.sendingHours", "start", "\"22:00\""), "$.sendingHours", "開始は終了より前" },
        { Set("$.passwordPolicy", "minLength", "0"), "$.passwordPolicy.minLength", "1以上" },
        { Set("$.passwordPolicy", "validDays", "0"), "$.passwordPolicy.validDays", "1以上" },
        { Set("$.passwordPolicy", "lockoutThreshold", "0"), "$.passwordPolicy.lockoutThreshold", "1以上" },
        { Set("$.passwordPolicy", "lockoutMinutes", "0"), "$.passwordPolicy.lockoutMinutes", "1以上" },
        { Set("$.passwordPolicy", "sessionTimeoutMinutes", "0"), "$.passwordPolicy.sessionTimeoutMinutes", "1以上" },
        { Set("$.retention", "calendarYears", "-1"), "$.retention.calendarYears", "0以上" },
        { Set("$.areaCodes", "アトランティス村", "\"20999\""), "$.areaCodes.アトランティス村", "どの警察署の管内にもありません" },
        { Set("$.areaCodes", "飯綱町", "\"2059\""), "$.areaCodes.飯綱町", "5〜6桁の数字" },
        { Set("$.areaCodes", "信濃町", "\"20a83\""), "$.areaCodes.信濃町", "5〜6桁の数字" },
        { Set("$", "emergencyConditions", "[]"), "$.emergencyConditions", "1件以上" },
        {
            Set("$.emergencyConditions[1]", "id", "\"serious-repeat\""),
            "$.emergencyConditions[1].id", "'serious-repeat' が重複"
        },
        { Set("$", "privacyConfirmations", "[]"), "$.privacyConfirmations", "1件以上" },
        { Set("$.followUpTemplates", "resolution", "\"none.sbn\""), "$.followUpTemplates.resolution", "'none.sbn'" },
        { Set("$.followUpTemplates", "correction", "\"none.sbn\""), "$.followUpTemplates.correction", "'none.sbn'" },
        { Set("$.followUpTemplates", "footer", "\"none.sbn\""), "$.followUpTemplates.footer", "'none.sbn'" },
        { Set("$", "categories", "[]"), "$.categories", "情報種別が1件もありません" },
        { Set("$.categories[1]", "id", "\"child-safety\""), "$.categories[1].id", "'child-safety' が重複" },
        { Set("$.categories[0]", "capCategory", "\"Weather\""), "$.categories[0].capCategory", "'Weather' はありません" },
        {
            Set("$.categories[0]", "victim", """{"minAge": 19, "maxAge": 18}"""),
            "$.categories[0].victim", "minAge が maxAge より大きく"
        },
        { Set("$.categories[0]", "capResponseType", "\"Run\""), "$.categories[0].capResponseType", "'Run' は指定できません" },
        { Set("$.categories[0]", "capUrgency", "\"Unknown\""), "$.categories[0].capUrgency", "'Unknown' は指定できません" },
        { Set("$.categories[0]", "capSeverity", "\"Unknown\""), "$.categories[0].capSeverity", "'Unknown' は指定できません" },
        { Set("$.categories[0]", "capCertainty", "\"Sure\""), "$.categories[0].capCertainty", "'Sure' は指定できません" },
        { Set("$.categories[0]", "capInstruction", "\" \""), "$.categories[0].capInstruction", "空にはできません" },
        { Set("$.categories[0]", "capExpiresHours", "0"), "$.categories[0].capExpiresHours", "1以上" },
        { Set("$.capResolution", "urgency", "\"Now\""), "$.capResolution.urgency", "'Now' は指定できません" },
        { Set("$.capWithdrawal", "headline", "\"\""), "$.capWithdrawal.headline", "空にはできません" },
        { Set("$.capWithdrawal", "description", "\"この情報に基づく対応は必要ありません。\""), "$.capWithdrawal.description", "異なる説明文" },
        { Set("$.units[0]", "jurisdiction", "[\"架空町\"]"), "$.units[0]", "警察署でない所属" },
        {
            Set("$.units[7]", "jurisdiction", "[\"長野市南部\", \"飯綱町\"]"),
            "$.units[7].jurisdiction", "'飯綱町' は 'nagano-chuo' の管内にも"
        },
        {
            Set("$.units[6].neighbours[0]", "unit", "\"nagano-chuo\""),
            "$.units[6].neighbours[0].unit", "隣接署として指定できません"
        },
        { Set("$.units[6].neighbours[0]", "unit", "\"koho-sodan\""), "$.units[6].neighbours[0].unit", "隣接署として指定できません" },
        {
            Set("$.units[6].neighbours[0]", "borderAreas", "[\"松本市\"]"),
            "$.units[6].neighbours[0].borderAreas", "'松本市' は 'nagano-chuo' の管内にありません"
        },
        {
            Set("$.offices", "securityManagerUnit", "\"nagano-chuo\""),
            "$.offices.securityManagerUnit", "本部の課として定義されていません"
        },
        { Set("$.offices", "yahooRelayUnit", "\"nowhere\""), "$.offices.yahooRelayUnit", "本部の課として定義されていません" },
        {
            Set("$.offices", "prConsultationUnit", "\"sogo-tochoku\""),
            "$.offices.prConsultationUnit", "本部の課として定義されていません"
        },
        { Set("$.offices", "dutyDeskUnit", "\"koho-sodan\""), "$.offices.dutyDeskUnit", "総合当直（duty-desk）として定義されていません" },
        // T5 (やさしい日本語): readings are hiragana only; easy definitions mark furigana as {漢字|かんじ}.
        { Set("$.categories[0]", "reading", "\"こどもアンゼンじょうほう\""), "$.categories[0].reading", "ひらがなだけ" },
        { Set("$.units[6]", "reading", "\"ながの ちゅうおう\""), "$.units[6].reading", "ひらがなだけ" },
        { Set("$.units[6]", "reading", "\"\""), "$.units[6].reading", "ひらがなだけ" },
        { Set("$.areaReadings", "小谷村", "\"おたりmura\""), "$.areaReadings.小谷村", "'おたりmura' はひらがなだけ" },
        { Set("$.areaReadings", "アトランティス村", "\"あとらんてぃす\""), "$.areaReadings.アトランティス村", "どの警察署の管内にもありません" },
        { Set("$.categories[0]", "easyDefinition", "\" \""), "$.categories[0].easyDefinition", "easyDefinition）が空" },
        {
            Set("$.categories[0]", "easyDefinition", "\"{子|こ}どもの {安全|アンゼン}\""),
            "$.categories[0].easyDefinition", "'{安全|アンゼン}' の読み"
        },
        { Set("$.categories[0]", "easyDefinition", "\"{子|こどもの\""), "$.categories[0].easyDefinition", "閉じていない" },
        { Set("$.categories[0]", "easyDefinition", "\"{子|こ|ども}\""), "$.categories[0].easyDefinition", "余分な '|'" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void Y_BookChecks_RefuseWithPathAndJapaneseReason(string edit, string path, string words)
    {
        var file = BrokenBooks.Write("check", edit);
        var e = Assert.Throws<PolicyBookException>(() => PolicyBook.Load(file));
        Assert.Equal(path, e.JsonPath);
        Assert.Contains(words, e.Problem);
    }

    /// <summary>T5: readings and easy definitions are optional: another prefecture's book loads without them.</summary>
    [Fact]
    public void T5_BookWithoutReadingsOrEasyDefinitions_Loads()
    {
        var node = BrokenBooks.Nagano();
        node.AsObject().Remove("areaReadings");
        foreach (var c in node["categories"]!.AsArray().Select(c => c!.AsObject()))
        {
            c.Remove("reading");
            c.Remove("easyDefinition");
        }
        foreach (var u in node["units"]!.AsArray()) u!.AsObject().Remove("reading");
        var book = PolicyBook.Load(BrokenBooks.Save("no-readings", node));
        Assert.All(book.Categories, c => Assert.Null(c.Reading ?? c.EasyDefinition));
        Assert.All(book.Units, u => Assert.Null(u.Reading));
        Assert.Empty(book.AreaReadings);
    }

    [Fact]
    public void NonStationWithNeighbours_IsRefused()
    {
        var node = BrokenBooks.Nagano();
        var neighbour = new JsonObject { ["unit"] = "nagano-chuo", ["borderAreas"] = new JsonArray() };
        node["units"]![0]!["neighbours"] = new JsonArray(neighbour);
        var e = Assert.Throws<PolicyBookException>(() => PolicyBook.Load(BrokenBooks.Save("hq-neighbour", node)));
        Assert.Equal("$.units[0]", e.JsonPath);
        Assert.Contains("隣接署は指定できません", e.Problem);
    }

    [Fact]
    public void DuplicateUnit_IsRefused()
    {
        var node = BrokenBooks.Nagano();
        var units = node["units"]!.AsArray();
        units.Add(units[0]!.DeepClone());
        var e = Assert.Throws<PolicyBookException>(() => PolicyBook.Load(BrokenBooks.Save("duplicate", node)));
        Assert.Equal($"$.units[{units.Count - 1}].id", e.JsonPath);
        Assert.Contains("'seikatsu-anzen-kikaku' が重複", e.Problem);
    }

    [Fact]
    public void StationWithoutJurisdiction_IsRefused()
    {
        var node = BrokenBooks.Nagano();
        var (chuo, minami) = (node["units"]![6]!, node["units"]![7]!);
        foreach (var area in chuo["jurisdiction"]!.AsArray().ToList())
            minami["jurisdiction"]!.AsArray().Add(area!.DeepClone());
        chuo["jurisdiction"] = new JsonArray();
        var e = Assert.Throws<PolicyBookException>(() => PolicyBook.Load(BrokenBooks.Save("empty", node)));
        Assert.Equal("$.units[6].jurisdiction", e.JsonPath);
        Assert.Contains("'nagano-chuo' の管内が空", e.Problem);
    }

    [Fact]
    public void EqualStartAndEnd_IsRefused()
    {
        var file = BrokenBooks.Write("equal", Set("$.sendingHours", "start", "\"22:00\""));
        Assert.Contains("開始は終了より前", Assert.Throws<PolicyBookException>(() => PolicyBook.Load(file)).Problem);
        var fine = BrokenBooks.Write("one-minute", Set("$.sendingHours", "start", "\"21:59\""));
        Assert.Equal(new TimeOnly(21, 59), PolicyBook.Load(fine).SendingHours.Start);
    }

    [Theory]
    [InlineData("minLength")]
    [InlineData("validDays")]
    [InlineData("lockoutThreshold")]
    [InlineData("lockoutMinutes")]
    [InlineData("sessionTimeoutMinutes")]
    public void PasswordPolicyBounds_AcceptOne(string key) =>
        PolicyBook.Load(BrokenBooks.Write("one-" + key, Set("$.passwordPolicy", key, "1")));

    [Fact]
    public void RetentionOfZeroYears_IsAccepted()
    {
        var book = PolicyBook.Load(BrokenBooks.Write("zero", Set("$.retention", "calendarYears", "0")));
        Assert.Equal(0, book.Retention.CalendarYears);
    }

    /// <summary>Six digits (with the check digit) are a code too, for a book without boundaries to match.</summary>
    [Theory]
    [InlineData("205907")]
    [InlineData("20590")]
    public void AreaCodesOfFiveOrSixDigits_AreAccepted(string code)
    {
        var node = BrokenBooks.Nagano();
        node["areaCodes"]!["飯綱町"] = code;
        node["geography"] = null;
        var book = PolicyBook.Load(BrokenBooks.Save("code", node));
        Assert.Equal(code, book.AreaCodes["飯綱町"]);
    }

    /// <summary>The loader is strict: what a lenient parser would quietly accept is refused.</summary>
    [Theory]
    [InlineData("null prefecture", "\"prefecture\": \"長野県\"", "\"prefecture\": null", "null")]
    [InlineData("trailing comma", "\"prefecture\": \"長野県\",", "\"prefecture\": \"長野県\",,", "値の形式")]
    [InlineData("numeric enum", "\"kind\": \"station\"", "\"kind\": 2", "値の形式")]
    [InlineData("number as text", "\"minLength\": 8", "\"minLength\": \"8\"", "値の形式")]
    public void Loader_IsStrict(string name, string from, string to, string words)
    {
        var node = BrokenBooks.Nagano();
        var text = node.ToJsonString(new System.Text.Json.JsonSerializerOptions
        {
            WriteIndented = true,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        });
        text = text.Replace(from, to, StringComparison.Ordinal);
        Assert.Contains(to, text);
        var dir = Directory.CreateTempSubdirectory("anshin-book-");
        var file = Path.Combine(dir.FullName, name.Replace(' ', '-') + ".json");
        File.WriteAllText(file, text);
        var e = Assert.Throws<PolicyBookException>(() => PolicyBook.Load(file));
        Assert.True(e.Problem.Contains(words, StringComparison.Ordinal), e.Problem);
        Assert.StartsWith("$", e.JsonPath);
    }
}
