using System.Text.Json.Nodes;
using AnshinMail.Rules.PolicyBooks;

namespace AnshinMail.Rules.Tests.PolicyBooks;

public class PolicyBookLoadTests
{
    [Fact]
    public void NaganoBook_Loads_WithSixCategoriesAnd22Stations()
    {
        var book = TestBook.Book;
        Assert.Equal("長野県", book.Prefecture);
        Assert.Equal(["child-safety", "women-safety", "crime-prevention", "traffic-safety", "disaster", "notice"],
            book.Categories.Select(c => c.Id));
        Assert.Equal(22, book.Stations.Count());
        Assert.Equal(["生活安全企画課", "人身安全・少年課", "交通企画課", "警備第二課", "広報相談課"],
            book.Units.Where(u => u.Kind == UnitKind.HqDivision).Select(u => u.Name));
        Assert.Equal("総合当直", book.Unit(book.Offices.DutyDeskUnit).Name);
        Assert.Equal(new TimeOnly(6, 0), book.SendingHours.Start);
        Assert.Equal(new TimeOnly(22, 0), book.SendingHours.End);
        Assert.Equal(new TimeOnly(17, 15), book.DutySystem.WeekdayStart);
        Assert.Equal(8, book.PasswordPolicy.MinLength);
        Assert.Equal(90, book.PasswordPolicy.ValidDays);
        Assert.False(book.Approval.ApproverMustDifferFromAuthor);
    }

    /// <summary>
    /// Residents subscribe by the areas in the stations' jurisdictions: a municipality missing there cannot
    /// be chosen at all (東御市 was). Nagano has 77 municipalities, 19 cities, 23 towns and 35 villages;
    /// each is in exactly one station's jurisdiction (長野市 as its northern and southern halves), and each
    /// has its own JIS X 0402 code for CAP (Nagano prefecture: 20xxx).
    /// </summary>
    /// <summary>T5 (やさしい日本語): every name a resident chooses from has its reading, and every category its easy
    /// definition; the readings the lead named are right (Nagano's towns read まち but 阿南町 ちょう, its villages むら).
    /// </summary>
    [Fact]
    public void T5_NaganoBook_HasAReadingForEveryCategoryStationAndArea()
    {
        var book = TestBook.Book;
        Assert.All(book.Categories, c => Assert.NotNull(c.Reading));
        Assert.All(book.Categories, c => Assert.NotNull(c.EasyDefinition));
        Assert.All(book.Stations, s => Assert.EndsWith("けいさつしょ", s.Reading));
        Assert.All(book.AllAreas, a => Assert.True(book.AreaReadings.ContainsKey(a), a));
        Assert.Equal(78, book.AreaReadings.Count); // 77 municipalities, 長野市 in two parts
        Assert.All(book.AreaReadings.Where(a => a.Key.EndsWith('村')), a => Assert.EndsWith("むら", a.Value));
        Assert.All(book.AreaReadings.Where(a => a.Key.EndsWith('町') && a.Key != "阿南町"),
            a => Assert.EndsWith("まち", a.Value));
        Assert.Equal("あなんちょう", book.AreaReadings["阿南町"]);
        foreach (var (area, reading) in new[]
                 {
                     ("小谷村", "おたりむら"), ("泰阜村", "やすおかむら"), ("麻績村", "おみむら"), ("売木村", "うるぎむら"),
                     ("南木曽町", "なぎそまち"), ("上松町", "あげまつまち"), ("東御市", "とうみし"), ("喬木村", "たかぎむら"),
                 })
            Assert.Equal(reading, book.AreaReadings[area]);
    }

    [Fact]
    public void NaganoBook_EveryMunicipalityIsInExactlyOneStation()
    {
        var book = TestBook.Book;
        var areas = book.Stations.SelectMany(s => s.Jurisdiction).ToList();
        Assert.Equal(areas.Count, areas.Distinct().Count());
        var municipalities = areas.Select(a => a is "長野市北部" or "長野市南部" ? "長野市" : a).Distinct().ToList();
        Assert.Equal(77, municipalities.Count);
        Assert.Equal(19, municipalities.Count(m => m.EndsWith('市')));
        Assert.Equal(23, municipalities.Count(m => m.EndsWith('町')));
        Assert.Equal(35, municipalities.Count(m => m.EndsWith('村')));
        Assert.All(areas, a => Assert.Matches("^20[2-6][0-9]{2}$", book.AreaCodes[a]));
        Assert.Equal(77, areas.Select(a => book.AreaCodes[a]).Distinct().Count());
        Assert.Equal(areas.Order(), book.AreaCodes.Keys.Order());
        Assert.Contains("東御市", book.Unit("ueda").Jurisdiction);
    }

    [Fact]
    public void NaganoBook_NeighboursAreSymmetric()
    {
        var book = TestBook.Book;
        foreach (var s in book.Stations)
            foreach (var n in s.Neighbours)
                Assert.Contains(book.Unit(n.Unit).Neighbours, x => x.Unit == s.Id);
    }

    public static TheoryData<string, string, string> Broken => new()
    {
        { "unknown key", """{ "op": "add", "at": "$", "key": "colour", "value": "red" }""", "未知のキー 'colour'" },
        { "missing key", """{ "op": "remove", "at": "$", "key": "prefecture" }""", "必須のキーがありません" },
        { "bad time", """{ "op": "set", "at": "$.sendingHours", "key": "end", "value": "25:00" }""", "HH:mm" },
        { "category without template", """{ "op": "set", "at": "$.categories[0]", "key": "template", "value": "missing.sbn" }""", "missing.sbn" },
        { "unknown neighbour", """{ "op": "set", "at": "$.units[6].neighbours[0]", "key": "unit", "value": "atlantis" }""", "未知の隣接署 'atlantis'" },
        { "bad time zone", """{ "op": "set", "at": "$", "key": "timeZone", "value": "Mars/Olympus" }""", "タイムゾーン" },
        { "unknown division", """{ "op": "set", "at": "$.categories[2]", "key": "divisionInCharge", "value": "nope" }""", "本部主管課 'nope'" },
        { "inverted hours", """{ "op": "set", "at": "$.sendingHours", "key": "start", "value": "23:00" }""", "開始は終了より前" },
        { "bad year-end", """{ "op": "set", "at": "$.dutySystem", "key": "yearEndFrom", "value": "13-40" }""", "MM-dd" },
        { "unknown key to confirm", """{ "op": "set", "at": "$.toConfirm[0]", "key": "key", "value": "dutySystem.noon" }""",
            "要確認のキー 'dutySystem.noon'" },
        {
            "fit warning on a victim category",
            """{ "op": "set", "at": "$.categories[0]", "key": "victimFitWarning", "value": true }""",
            "被害者の条件がある情報種別"
        },
        {
            "missing deny list",
            """{ "op": "set", "at": "$.passwordPolicy", "key": "denyListFile", "value": "missing-list.txt" }""",
            "missing-list.txt"
        },
        { "bad registration address", """{ "op": "set", "at": "$.registration", "key": "address", "value": "touroku" }""", "登録用" },
        { "missing terms", """{ "op": "set", "at": "$.registration", "key": "terms", "value": "pages/none.sbn" }""", "none.sbn" },
    };

    public static TheoryData<string, string> BrokenPaths => new()
    {
        { "unknown key", "$.colour" },
        { "bad time", "$.sendingHours.end" },
        { "category without template", "$.categories[0].template" },
        { "unknown neighbour", "$.units[6].neighbours[0].unit" },
        { "bad time zone", "$.timeZone" },
        { "unknown division", "$.categories[2].divisionInCharge" },
        { "missing deny list", "$.passwordPolicy.denyListFile" },
        { "unknown key to confirm", "$.toConfirm[0].key" },
        { "fit warning on a victim category", "$.categories[0].victimFitWarning" },
        { "bad registration address", "$.registration.address" },
        { "missing terms", "$.registration.terms" },
    };

    /// <summary>
    /// Y15: every value of the Nagano book that is not from the seed is marked 要確認 in the book itself (the book
    /// page lists them for the security manager), with its current value read from the book.
    /// </summary>
    [Fact]
    public void Y15_NaganoBook_MarksTheValuesNotFromTheSeedToConfirm()
    {
        var items = TestBook.Book.ToConfirm.ToDictionary(i => i.Key);
        Assert.Equal("17:15", items["dutySystem.weekdayStart"].Value);
        Assert.Equal("08:30", items["dutySystem.weekdayEnd"].Value);
        Assert.Contains("jinshin-anzen-shonen", items["categories[].divisionInCharge"].Value);
        Assert.Equal("5", items["passwordPolicy.lockoutThreshold"].Value);
        Assert.Equal("false", items["approval.approverMustDifferFromAuthor"].Value);
        Assert.Contains("長野市北部", items["units[].jurisdiction"].Value);
        foreach (var key in new[] { "passwordPolicy.lockoutMinutes", "passwordPolicy.sessionTimeoutMinutes" })
            Assert.NotEmpty(items[key].Value);
        Assert.All(items.Values, i => Assert.False(string.IsNullOrWhiteSpace(i.Note)));
    }

    /// <summary>T5: every station has its own registration address, and the address names back that station.</summary>
    [Fact]
    public void T5_EachStationHasItsOwnRegistrationAddress()
    {
        var book = TestBook.Book;
        var addresses = book.Stations.Select(s => book.Registration.StationAddress(s)).ToList();
        Assert.Equal(addresses.Count, addresses.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        foreach (var s in book.Stations)
            Assert.Equal(s.Id, book.Registration.StationOf(book, book.Registration.StationAddress(s).ToUpperInvariant())?.Id);
        Assert.Null(book.Registration.StationOf(book, book.Registration.Address));
        Assert.Equal("touroku-nagano-chuo@example.jp", book.Registration.StationAddress(book.Unit("nagano-chuo")));
    }

    [Theory]
    [MemberData(nameof(Broken))]
    public void BrokenBook_FailsNamingFileAndProblem(string kind, string edit, string expected)
    {
        var path = BrokenBooks.Write(kind, edit);
        var e = Assert.Throws<PolicyBookException>(() => PolicyBook.Load(path));
        Assert.Equal(path, e.File);
        Assert.Contains(expected, e.Problem);
        Assert.StartsWith(path + ": $", e.Message);
    }

    [Theory]
    [MemberData(nameof(BrokenPaths))]
    public void BrokenBook_NamesTheJsonPath(string kind, string expectedPath)
    {
        var edit = Broken.First(row => (string)row[0] == kind)[1];
        var path = BrokenBooks.Write(kind, (string)edit);
        var e = Assert.Throws<PolicyBookException>(() => PolicyBook.Load(path));
        Assert.Equal(expectedPath, e.JsonPath);
    }

    /// <summary>Y6.3: beyond the book's minimum, the common passwords the book's list names are refused.</summary>
    [Fact]
    public void NaganoBook_NamesAListOfAFewThousandCommonPasswords_ComparedIgnoringCase()
    {
        var denied = TestBook.Book.PasswordPolicy.DeniedPasswords;
        Assert.InRange(denied.Count, 2000, 20000);
        Assert.Contains("password1", denied);
        Assert.Contains("PASSWORD1", denied);
        Assert.DoesNotContain(denied, p => p.StartsWith('#') || p.Trim() != p || p.Length == 0);
    }

    [Fact]
    public void MissingFile_FailsWithItsName()
    {
        var e = Assert.Throws<PolicyBookException>(() => PolicyBook.Load("/nonexistent/book.json"));
        Assert.Equal("/nonexistent/book.json", e.File);
    }

    [Fact]
    public void AsymmetricNeighbour_Fails()
    {
        var node = BrokenBooks.Nagano();
        var units = node["units"]!.AsArray();
        var karuizawa = units.First(u => (string)u!["id"]! == "karuizawa")!;
        karuizawa["neighbours"]!.AsArray().Add(new JsonObject { ["unit"] = "kiso", ["borderAreas"] = new JsonArray() });
        var e = Assert.Throws<PolicyBookException>(() => PolicyBook.Load(BrokenBooks.Save("asym", node)));
        Assert.Contains("双方", e.Problem);
    }
}

/// <summary>Writes edited copies of the Nagano book to a temp folder, templates pointing back to the repository.</summary>
internal static class BrokenBooks
{
    public static JsonObject Nagano()
    {
        var node = JsonNode.Parse(File.ReadAllText(TestBook.NaganoPath))!.AsObject();
        node["templates"] = Path.Combine(TestBook.RepositoryRoot, "templates");
        if (node["passwordPolicy"]?["denyListFile"] is JsonValue list)
            node["passwordPolicy"]!["denyListFile"] = Path.Combine(TestBook.RepositoryRoot, "rules", (string)list!);
        if (node["geography"]?["boundaries"] is JsonValue boundaries)
            node["geography"]!["boundaries"] = Path.Combine(TestBook.RepositoryRoot, "rules", (string)boundaries!);
        return node;
    }

    public static string Write(string name, string editJson)
    {
        var node = Nagano();
        var edit = JsonNode.Parse(editJson)!;
        var target = Select(node, (string)edit["at"]!);
        var key = (string)edit["key"]!;
        switch ((string)edit["op"]!)
        {
            case "remove": target.Remove(key); break;
            default: target[key] = edit["value"]!.DeepClone(); break;
        }
        return Save(name, node);
    }

    public static string Save(string name, JsonObject node)
    {
        var dir = Directory.CreateTempSubdirectory("anshin-book-");
        var path = Path.Combine(dir.FullName, name.Replace(' ', '-') + ".json");
        File.WriteAllText(path, node.ToJsonString());
        return path;
    }

    private static JsonObject Select(JsonObject root, string path)
    {
        JsonNode current = root;
        foreach (var part in path.TrimStart('$').Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = part.Split('[')[0];
            current = current[name]!;
            foreach (var index in part.Split('[').Skip(1))
                current = current[int.Parse(index.TrimEnd(']'))]!;
        }
        return current.AsObject();
    }
}
