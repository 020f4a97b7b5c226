using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace AnshinMail.Rules.PolicyBooks;

/// <summary>
/// Y15: a value of the book that is not from the seed (the circular and its 運用要領) but this repository's best
/// knowledge or design, marked 要確認 for the security manager to confirm (e.g. the duty hours 17:15–08:30).
/// <see cref="Key"/> is a path into the book: names joined by '.', 'name[]' for every element of a list
/// (<c>units[].jurisdiction</c>).
/// </summary>
public sealed record ToConfirmItem
{
    /// <summary>The path into the book of the value to confirm (<c>dutySystem.weekdayStart</c>,
    /// <c>units[].jurisdiction</c>).</summary>
    public required string Key { get; init; }
    /// <summary>Why it is to be confirmed: where the value came from.</summary>
    public required string Note { get; init; }

    /// <summary>The book's current value at <see cref="Key"/>, as text (shortened when long); set at load.</summary>
    [JsonIgnore] public string Value { get; init; } = "";
}

/// <summary>Resolves the <see cref="ToConfirmItem.Key"/> paths against the book's JSON at load.</summary>
internal static class ToConfirmKeys
{
    private const int MaxValueLength = 160;

    /// <summary>The items with their values; the index of the first whose key names nothing in the book, if any.
    /// </summary>
    public static (IReadOnlyList<ToConfirmItem> Items, int? Unknown) Resolve(string file, IReadOnlyList<ToConfirmItem> items)
    {
        var root = JsonNode.Parse(File.ReadAllText(file), documentOptions: new JsonDocumentOptions
        {
            CommentHandling = JsonCommentHandling.Skip,
        });
        var resolved = new List<ToConfirmItem>();
        for (var i = 0; i < items.Count; i++)
        {
            var nodes = Nodes(root, items[i].Key.Split('.'));
            if (nodes.Count == 0) return (resolved, i);
            resolved.Add(items[i] with { Value = Shorten(string.Join("、", nodes.Select(Text).Where(t => t.Length > 0))) });
        }
        return (resolved, null);
    }

    private static List<JsonNode?> Nodes(JsonNode? root, string[] segments)
    {
        var current = new List<JsonNode?> { root };
        foreach (var segment in segments)
        {
            var every = segment.EndsWith("[]", StringComparison.Ordinal);
            var name = every ? segment[..^2] : segment;
            var next = new List<JsonNode?>();
            foreach (var node in current)
                if (node is JsonObject o && o.TryGetPropertyValue(name, out var child))
                    if (!every) next.Add(child);
                    else if (child is JsonArray list) next.AddRange(list);
            if (next.Count == 0) return next;
            current = next;
        }
        return current;
    }

    private static string Text(JsonNode? node) => node switch
    {
        null => "（なし）",
        JsonValue v => v.ToString(),
        JsonArray a => string.Join("・", a.Select(Text).Where(t => t.Length > 0)),
        JsonObject o => string.Join(" ", o.Select(p => Text(p.Value)).Where(t => t.Length > 0)),
        _ => "",
    };

    private static string Shorten(string text) =>
        text.Length <= MaxValueLength ? text : text[..MaxValueLength] + "…";
}
