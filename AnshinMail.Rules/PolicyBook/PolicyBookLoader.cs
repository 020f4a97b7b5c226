using System.Text.Json;
using System.Text.RegularExpressions;
using AnshinMail.Rules.Geography;

namespace AnshinMail.Rules.PolicyBooks;

/// <summary>Loads a policy book and refuses, with file, JSON path and reason, any book that cannot be used.</summary>
internal static partial class PolicyBookLoader
{
    public static PolicyBook Load(string path)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
            throw new PolicyBookException(full, "$", "政策ブックのファイルがありません。");
        PolicyBook? book;
        try
        {
            using var stream = File.OpenRead(full);
            book = JsonSerializer.Deserialize<PolicyBook>(stream, PolicyBookJson.Options);
        }
        catch (JsonException e)
        {
            throw new PolicyBookException(full, e.Path ?? "$", Translate(e), e);
        }
        if (book is null)
            throw new PolicyBookException(full, "$", "政策ブックが空です。");
        book = WithBoundaries(book with { SourcePath = full });
        var problem = PolicyBookValidator.FirstProblem(book);
        if (problem is not null)
            throw new PolicyBookException(full, problem.Value.Path, problem.Value.Message);
        var (toConfirm, unknown) = ToConfirmKeys.Resolve(full, book.ToConfirm);
        if (unknown is { } i)
            throw new PolicyBookException(full, $"$.toConfirm[{i}].key",
                $"要確認のキー '{book.ToConfirm[i].Key}' は政策ブックにありません。");
        return WithDeniedPasswords(book with { ToConfirm = toConfirm });
    }

    /// <summary>T5: the boundary file is read once, here; a file that cannot be read fails the load.</summary>
    private static PolicyBook WithBoundaries(PolicyBook book)
    {
        if (book is not { Geography: { } g, BoundariesPath: { } path }) return book;
        const string at = "$.geography.boundaries";
        if (!File.Exists(path)) throw new PolicyBookException(book.SourcePath, at, $"境界データ '{path}' がありません。");
        try
        {
            return book with { Boundaries = Boundaries.Load(path, g.CodeProperty, g.NameProperty) };
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException
                                      or IndexOutOfRangeException or IOException)
        {
            throw new PolicyBookException(book.SourcePath, at, $"境界データ '{path}' を読めません（{e.Message}）。", e);
        }
    }

    /// <summary>Y6.3: one password a line, compared ignoring case; blank lines and '#' comments skipped.</summary>
    private static PolicyBook WithDeniedPasswords(PolicyBook book)
    {
        if (book.DenyListPath is not { } path) return book;
        var denied = File.ReadLines(path)
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        return book with { PasswordPolicy = book.PasswordPolicy with { DeniedPasswords = denied } };
    }

    /// <summary>System.Text.Json explains in English; the people who edit books read Japanese.</summary>
    private static string Translate(JsonException e)
    {
        var m = e.Message;
        if (UnmappedPattern().Match(m) is { Success: true } u)
            return $"未知のキー '{u.Groups[1].Value}' があります。";
        if (MissingPattern().Match(m) is { Success: true } r)
            return $"必須のキーがありません: {r.Groups[1].Value}";
        if (NullPattern().Match(m) is { Success: true } n)
            return $"キー '{n.Groups[1].Value}' に null は指定できません。";
        if (e.InnerException is null && !m.StartsWith("The JSON value", StringComparison.Ordinal)
            && !m.Contains("invalid", StringComparison.OrdinalIgnoreCase))
            return m;
        return $"値の形式が正しくありません（{m}）";
    }

    [GeneratedRegex(@"The JSON property '([^']+)' could not be mapped")]
    private static partial Regex UnmappedPattern();

    [GeneratedRegex(@"missing required properties including: (.+?)\.?$")]
    private static partial Regex MissingPattern();

    [GeneratedRegex(@"The property or field '([^']+)' .*doesn't allow (setting|getting) null")]
    private static partial Regex NullPattern();
}
