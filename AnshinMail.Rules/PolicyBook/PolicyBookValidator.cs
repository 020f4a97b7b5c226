namespace AnshinMail.Rules.PolicyBooks;

/// <summary>The checks that JSON typing cannot make: references between keys, files, ranges.</summary>
internal static class PolicyBookValidator
{
    public readonly record struct Problem(string Path, string Message);

    /// <summary>CAP 1.2's &lt;category&gt; values.</summary>
    public static readonly string[] CapCategories =
        ["Geo", "Met", "Safety", "Security", "Rescue", "Fire", "Health", "Env", "Transport", "Infra", "CBRNE", "Other"];

    /// <summary>
    /// CAP 1.2's &lt;responseType&gt;, &lt;urgency&gt;, &lt;severity&gt; and &lt;certainty&gt; values, less Unknown:
    /// public alert aggregators (the Google Public Alerts CAP profile) discourage Unknown.
    /// </summary>
    public static readonly string[] CapResponseTypes =
        ["Shelter", "Evacuate", "Prepare", "Execute", "Avoid", "Monitor", "Assess", "AllClear", "None"];
    public static readonly string[] CapUrgencies = ["Immediate", "Expected", "Future", "Past"];
    public static readonly string[] CapSeverities = ["Extreme", "Severe", "Moderate", "Minor"];
    public static readonly string[] CapCertainties = ["Observed", "Likely", "Possible", "Unlikely"];

    public static Problem? FirstProblem(PolicyBook book) =>
        General(book).Concat(Categories(book)).Concat(Cap(book)).Concat(Units(book)).Concat(Offices(book))
            .Concat(GeographyValidator.Problems(book)).Concat(ReadingValidator.Problems(book))
            .FirstOrDefault() is { Path: not null } p
            ? p : null;

    private static IEnumerable<Problem> General(PolicyBook b)
    {
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(b.TimeZone, out _))
            yield return new("$.timeZone", $"タイムゾーン '{b.TimeZone}' が見つかりません。");
        if (b.SendingHours.Start >= b.SendingHours.End)
            yield return new("$.sendingHours", "配信時間の開始は終了より前にしてください。");
        var p = b.PasswordPolicy;
        if (p.MinLength < 1) yield return new("$.passwordPolicy.minLength", "1以上を指定してください。");
        if (p.ValidDays < 1) yield return new("$.passwordPolicy.validDays", "1以上を指定してください。");
        if (p.LockoutThreshold < 1) yield return new("$.passwordPolicy.lockoutThreshold", "1以上を指定してください。");
        if (p.LockoutMinutes < 1) yield return new("$.passwordPolicy.lockoutMinutes", "1以上を指定してください。");
        if (p.SessionTimeoutMinutes < 1) yield return new("$.passwordPolicy.sessionTimeoutMinutes", "1以上を指定してください。");
        if (b.DenyListPath is { } list && !File.Exists(list))
            yield return new("$.passwordPolicy.denyListFile", $"パスワードの拒否リスト '{list}' がありません。");
        if (Subscribers.MailAddresses.Normalize(b.Registration.Address) != b.Registration.Address)
            yield return new("$.registration.address", "登録用のメールアドレスの形式が正しくありません。");
        if (b.Retention.CalendarYears < 0) yield return new("$.retention.calendarYears", "0以上を指定してください。");
        var areas = b.AllAreas.ToHashSet();
        foreach (var (area, code) in b.AreaCodes)
        {
            if (!areas.Contains(area)) yield return new($"$.areaCodes.{area}", $"地域 '{area}' はどの警察署の管内にもありません。");
            if (code.Length is < 5 or > 6 || !code.All(char.IsAsciiDigit)) yield return new($"$.areaCodes.{area}",
                $"市区町村コード '{code}' は5〜6桁の数字で指定してください。");
        }
        foreach (var x in Statements(b.EmergencyConditions, "$.emergencyConditions")) yield return x;
        foreach (var x in Statements(b.PrivacyConfirmations, "$.privacyConfirmations")) yield return x;
        foreach (var (file, path) in new[]
                 {
                     (b.FollowUpTemplates.Resolution, "$.followUpTemplates.resolution"),
                     (b.FollowUpTemplates.Correction, "$.followUpTemplates.correction"),
                     (b.FollowUpTemplates.Footer, "$.followUpTemplates.footer"),
                     (b.Registration.Terms, "$.registration.terms"),
                     (b.Registration.Privacy, "$.registration.privacy"),
                 })
            if (!File.Exists(Path.Combine(b.TemplatesDirectory, file)))
                yield return new(path, $"テンプレート '{file}' が {b.TemplatesDirectory} にありません。");
    }

    private static IEnumerable<Problem> Statements(IReadOnlyList<Statement> list, string path)
    {
        if (list.Count == 0) yield return new(path, "1件以上を指定してください。");
        for (var i = 0; i < list.Count; i++)
            if (list.Take(i).Any(s => s.Id == list[i].Id))
                yield return new($"{path}[{i}].id", $"id '{list[i].Id}' が重複しています。");
    }

    private static IEnumerable<Problem> Categories(PolicyBook b)
    {
        if (b.Categories.Count == 0) yield return new("$.categories", "情報種別が1件もありません。");
        for (var i = 0; i < b.Categories.Count; i++)
        {
            var c = b.Categories[i];
            var at = $"$.categories[{i}]";
            if (b.Categories.Take(i).Any(o => o.Id == c.Id))
                yield return new($"{at}.id", $"情報種別 '{c.Id}' が重複しています。");
            if (string.IsNullOrWhiteSpace(c.Template) || !File.Exists(Path.Combine(b.TemplatesDirectory, c.Template)))
                yield return new($"{at}.template",
                    $"情報種別 '{c.Id}' のテンプレート '{c.Template}' が {b.TemplatesDirectory} にありません。");
            if (b.FindUnit(c.DivisionInCharge) is not { Kind: UnitKind.HqDivision })
                yield return new($"{at}.divisionInCharge", $"本部主管課 '{c.DivisionInCharge}' は本部の課として定義されていません。");
            if (!CapCategories.Contains(c.CapCategory))
                yield return new($"{at}.capCategory",
                    $"CAPの区分 '{c.CapCategory}' はありません（{string.Join(", ", CapCategories)}）。");
            if (c.Victim is { MinAge: { } min, MaxAge: { } max } && min > max)
                yield return new($"{at}.victim", "minAge が maxAge より大きくなっています。");
            if (c.VictimFitWarning && c.Victim is not null)
                yield return new($"{at}.victimFitWarning",
                    "被害者の条件がある情報種別には指定できません（条件に合わない被害者は既に止められます）。");
        }
    }

    /// <summary>T5 (feeds): the CAP values of every category, of resolutions and of withdrawals.</summary>
    private static IEnumerable<Problem> Cap(PolicyBook b)
    {
        for (var i = 0; i < b.Categories.Count; i++)
        {
            var at = $"$.categories[{i}].cap";
            foreach (var p in CapInfo(b.Categories[i].CapInfo, key => at + char.ToUpperInvariant(key[0]) + key[1..]))
                yield return p;
            if (b.Categories[i].CapExpiresHours < 1)
                yield return new($"{at}ExpiresHours", "1以上を指定してください。");
        }
        foreach (var p in CapInfo(b.CapResolution, key => $"$.capResolution.{key}")) yield return p;
        var w = b.CapWithdrawal;
        foreach (var p in CapInfo(w, key => $"$.capWithdrawal.{key}")) yield return p;
        if (string.IsNullOrWhiteSpace(w.Headline)) yield return new("$.capWithdrawal.headline", "空にはできません。");
        // The profile asks headline, description and instruction to say different things.
        if (string.IsNullOrWhiteSpace(w.Description) || w.Description == w.Headline || w.Description == w.Instruction)
            yield return new("$.capWithdrawal.description", "見出し・指示と異なる説明文を指定してください。");
    }

    private static IEnumerable<Problem> CapInfo(CapInfoSettings c, Func<string, string> path)
    {
        foreach (var (key, value, allowed) in new[]
                 {
                     ("responseType", c.ResponseType, CapResponseTypes),
                     ("urgency", c.Urgency, CapUrgencies),
                     ("severity", c.Severity, CapSeverities),
                     ("certainty", c.Certainty, CapCertainties),
                 })
            if (!allowed.Contains(value))
                yield return new(path(key), $"CAPの{key} '{value}' は指定できません（{string.Join(", ", allowed)}）。");
        if (string.IsNullOrWhiteSpace(c.Instruction)) yield return new(path("instruction"), "空にはできません。");
    }

    private static IEnumerable<Problem> Units(PolicyBook b)
    {
        var areaOwner = new Dictionary<string, string>();
        for (var i = 0; i < b.Units.Count; i++)
        {
            var u = b.Units[i];
            var at = $"$.units[{i}]";
            if (b.Units.Take(i).Any(o => o.Id == u.Id))
                yield return new($"{at}.id", $"所属 '{u.Id}' が重複しています。");
            if (u.Kind != UnitKind.Station && (u.Jurisdiction.Count > 0 || u.Neighbours.Count > 0))
                yield return new(at, $"警察署でない所属 '{u.Id}' に管内や隣接署は指定できません。");
            if (u.Kind == UnitKind.Station && u.Jurisdiction.Count == 0)
                yield return new($"{at}.jurisdiction", $"警察署 '{u.Id}' の管内が空です。");
            foreach (var area in u.Jurisdiction)
                if (!areaOwner.TryAdd(area, u.Id))
                    yield return new($"{at}.jurisdiction", $"地域 '{area}' は '{areaOwner[area]}' の管内にも含まれています。");
            for (var j = 0; j < u.Neighbours.Count; j++)
                foreach (var p in Neighbour(b, u, u.Neighbours[j], $"{at}.neighbours[{j}]"))
                    yield return p;
        }
    }

    private static IEnumerable<Problem> Neighbour(PolicyBook b, UnitDefinition u, Neighbour n, string at)
    {
        var other = b.FindUnit(n.Unit);
        if (other is null)
            yield return new($"{at}.unit", $"未知の隣接署 '{n.Unit}' を参照しています。");
        else if (other.Kind != UnitKind.Station || other.Id == u.Id)
            yield return new($"{at}.unit", $"'{n.Unit}' は隣接署として指定できません。");
        else if (other.Neighbours.All(x => x.Unit != u.Id))
            yield return new($"{at}.unit", $"'{n.Unit}' の隣接署に '{u.Id}' がありません（隣接関係は双方に書いてください）。");
        foreach (var area in n.BorderAreas.Where(a => !u.Jurisdiction.Contains(a)))
            yield return new($"{at}.borderAreas", $"境界地域 '{area}' は '{u.Id}' の管内にありません。");
    }

    private static IEnumerable<Problem> Offices(PolicyBook b)
    {
        var o = b.Offices;
        foreach (var (id, path) in new[]
                 {
                     (o.SecurityManagerUnit, "$.offices.securityManagerUnit"),
                     (o.YahooRelayUnit, "$.offices.yahooRelayUnit"),
                     (o.PrConsultationUnit, "$.offices.prConsultationUnit"),
                 })
            if (b.FindUnit(id) is not { Kind: UnitKind.HqDivision })
                yield return new(path, $"'{id}' は本部の課として定義されていません。");
        if (b.FindUnit(o.DutyDeskUnit) is not { Kind: UnitKind.DutyDesk })
            yield return new("$.offices.dutyDeskUnit", $"'{o.DutyDeskUnit}' は総合当直（duty-desk）として定義されていません。");
    }
}
