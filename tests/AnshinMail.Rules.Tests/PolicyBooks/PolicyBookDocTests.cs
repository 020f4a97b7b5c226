using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AnshinMail.Rules.Tests.PolicyBooks;

/// <summary>
/// Y15: docs/policy-book.md explains every key of the book: each property name the committed schema has, at any
/// depth, appears in a code span of the page, so the page cannot fall behind the book's types.
/// </summary>
public sealed partial class PolicyBookDocTests
{
    private static readonly string Root = TestBook.RepositoryRoot;

    [Fact]
    public void Y15_EveryKeyOfTheSchema_IsExplainedInPolicyBookMd()
    {
        var schema = JsonNode.Parse(File.ReadAllText(Path.Combine(Root, "rules", "policy-book.schema.json")))!;
        var doc = File.ReadAllText(Path.Combine(Root, "docs", "policy-book.md"));
        var words = CodeSpan().Matches(doc).SelectMany(m => Word().Matches(m.Groups[1].Value)).Select(w => w.Value)
            .ToHashSet(StringComparer.Ordinal);
        var keys = Keys(schema).ToHashSet(StringComparer.Ordinal);
        Assert.Contains("sendingHours", keys);
        Assert.Contains("borderAreas", keys); // nested: units[].neighbours[].borderAreas
        Assert.Empty(keys.Where(k => !words.Contains(k)).Order(StringComparer.Ordinal));
        Assert.Contains("policy-book.schema.json", doc);
    }

    [Fact]
    public void Y15_PolicyBookMd_GivesTheStepsOfANewPrefecture()
    {
        var doc = File.ReadAllText(Path.Combine(Root, "docs", "policy-book.md"));
        foreach (var step in new[] { "setup-admin", "templates", "geography.boundaries", "Transport=smtp", "Dkim",
                     "AnshinMail:Drill:Start" })
            Assert.Contains(step, doc);
    }

    /// <summary>Every property name of every object schema under <paramref name="node"/>.</summary>
    private static IEnumerable<string> Keys(JsonNode? node) => node switch
    {
        JsonObject o => (o["properties"] is JsonObject p ? p.Select(kv => kv.Key) : [])
            .Concat(o.Where(kv => kv.Key != "properties" || kv.Value is JsonObject).SelectMany(kv =>
                kv.Key == "properties" ? ((JsonObject)kv.Value!).SelectMany(x => Keys(x.Value)) : Keys(kv.Value))),
        JsonArray a => a.SelectMany(Keys),
        _ => [],
    };

    [GeneratedRegex("`([^`\n]+)`")]
    private static partial Regex CodeSpan();

    [GeneratedRegex(@"\$?[A-Za-z][A-Za-z0-9]*")]
    private static partial Regex Word();
}
