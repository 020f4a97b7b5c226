namespace AnshinMail.Rules.PolicyBooks;

/// <summary>
/// T5: with a boundary file, every area of the book must be drawn from it: each area has a municipality code
/// (<c>areaCodes</c>) and the file a municipality of that code; the credit line is not empty.
/// </summary>
internal static class GeographyValidator
{
    public static IEnumerable<PolicyBookValidator.Problem> Problems(PolicyBook b)
    {
        if (b.Geography is not { } g) yield break;
        if (string.IsNullOrWhiteSpace(g.Credit))
            yield return new("$.geography.credit", "地図の出典表示を指定してください。");
        if (b.Boundaries.Municipalities.Count == 0)
            yield return new("$.geography.boundaries", "境界データに市区町村がありません。");
        foreach (var area in b.AllAreas)
        {
            if (!b.AreaCodes.TryGetValue(area, out var code))
                yield return new("$.areaCodes", $"地域 '{area}' の市区町村コードがありません（地図と CAP の範囲に必要です）。");
            else if (b.Boundaries.Find(code) is null)
                yield return new($"$.areaCodes.{area}", $"市区町村コード '{code}' の境界が境界データ '{g.Boundaries}' にありません。");
        }
    }
}
