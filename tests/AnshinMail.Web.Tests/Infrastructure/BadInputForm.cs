namespace AnshinMail.Web.Tests.Infrastructure;

/// <summary>
/// A form under the corpus: who posts it, where, a valid filling, and the fields the corpus goes into one at a time
/// (a field named "A+B" gets the input in both). <see cref="Whole"/> is the field that gets the 1 MB value.
/// </summary>
public sealed record BadInputForm(string Name, string? User)
{
    /// <summary>The URL to post to; made again after a post that used it up (<see cref="Consumes"/>).</summary>
    public required Func<BadInputSite, Task<string>> Target { get; init; }
    public bool Consumes { get; init; }
    public Func<BadInputSite, IEnumerable<KeyValuePair<string, string>>> Valid { get; init; } = _ => [];
    public required IReadOnlyList<string> Fields { get; init; }
    public required string Whole { get; init; }
    /// <summary>The field repeated 10,000 times, when not <see cref="Whole"/> (a list such as the areas).</summary>
    public string? Repeated { get; init; }
    /// <summary>What a 200 that accepted shows (a notice, the preview); any other 200 must say why not.</summary>
    public string Accepted { get; init; } = "role=\"status\"";
    /// <summary>Whether an accepted post stores anything (a preview does not).</summary>
    public bool Stores { get; init; } = true;
    /// <summary>Y9.1: the draft forms refuse control characters, bidi controls and noncharacters in text.</summary>
    public bool RefusesUnusable { get; init; }
    /// <summary>Text fields whose accepted value must be stored as typed, and where to read it back (given the id
    /// in the target's URL).</summary>
    public IReadOnlySet<string> Kept { get; init; } = new HashSet<string>();
    public Func<BadInputSite, long, Task<string>>? Stored { get; init; }
    /// <summary>Fields offering a fixed choice (a category, an area): no corpus value may be accepted there.</summary>
    public IReadOnlySet<string> Choices { get; init; } = new HashSet<string>();
    /// <summary>Called after a post was accepted, with what was posted (e.g. the password is now another).</summary>
    public Action<BadInputSite, IReadOnlyList<KeyValuePair<string, string>>>? OnAccepted { get; init; }

    public override string ToString() => Name;

    /// <summary>
    /// The fields an input goes into: each in turn (a number not into free text, where it is just text), or the one
    /// a whole-form input is meant for.
    /// </summary>
    public IReadOnlyList<string> FieldsFor(BadInput input) =>
        input.Whole ? [input.Repeat > 1 ? Repeated ?? Whole : Whole]
        : input.Number ? Fields.Where(f => !Kept.Contains(f)).ToList()
        : Fields;

    /// <summary>The valid filling, <paramref name="field"/> replaced by the input (every value of a list).</summary>
    public (FormBody Body, List<KeyValuePair<string, string>> Posted) Fill(
        BadInputSite site, string field, BadInput input)
    {
        var keys = field.Split('+');
        var valid = Valid(site).ToList();
        if (input.Key is { } extra) return (new FormBody().Add(valid).Add(extra, "1"), valid);
        var posted = valid.Where(p => !keys.Contains(p.Key)).ToList();
        var body = new FormBody().Add(posted);
        foreach (var key in keys)
        {
            var value = valid.FirstOrDefault(p => p.Key == key).Value ?? "長野市北部";
            if (input.Repeat > 1)
                for (var i = 0; i < input.Repeat; i++) body.Add(key, value);
            else body.Add(key, input);
            posted.Add(new(key, input.Text ?? value));
        }
        return (body, posted);
    }
}
