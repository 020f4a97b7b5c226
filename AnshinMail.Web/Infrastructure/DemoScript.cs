using System.Text.Json;
using System.Text.Json.Serialization;
using AnshinMail.Rules.Policy;
using AnshinMail.Rules.PolicyBooks;
using AnshinMail.Rules.Workflow;

namespace AnshinMail.Web.Infrastructure;

/// <summary>
/// The demo of one policy book: a data file beside the book (<c>rules/nagano.json</c> → <c>rules/nagano.demo.json</c>)
/// with the demo's people (in the book's units, with their roles), residents (in the book's areas) and the sample
/// alerts, written as the drafts a person would type. Nothing of a prefecture is in the code: another book brings its
/// own file, and a book without one starts without a demo.
/// </summary>
public sealed record DemoScript
{
    /// <summary>The demo's shared password (public, in the README); the demo is seeded only by the launch profile.
    /// </summary>
    public const string Password = "anshin-demo-2026";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    public required IReadOnlyList<DemoAccount> Accounts { get; init; }
    /// <summary>The account that writes the sample alerts (staff of a station).</summary>
    public required string Writer { get; init; }
    /// <summary>The account that approves them (that station's distributor).</summary>
    public required string Approver { get; init; }
    public required DemoResidents Residents { get; init; }
    /// <summary>Sent on the last working morning, in this order.</summary>
    public required IReadOnlyList<DemoAlert> Alerts { get; init; }
    public DemoFollowUp? Correction { get; init; }
    public DemoFollowUp? Resolution { get; init; }
    /// <summary>Y9.3: a draft released in the evening (held to the morning) and cancelled before its time.</summary>
    public DemoCancelled? Cancelled { get; init; }

    /// <summary>The demo file of <paramref name="book"/>: its path with <c>.demo.json</c> for <c>.json</c>.</summary>
    public static string PathOf(PolicyBook book) => Path.ChangeExtension(book.SourcePath, ".demo.json");

    /// <summary>The book's demo, or null when the book has none.</summary>
    public static DemoScript? For(PolicyBook book) => File.Exists(PathOf(book))
        ? JsonSerializer.Deserialize<DemoScript>(File.ReadAllText(PathOf(book)), Json)
        : null;

    /// <summary>What in the script the book does not have (a unit, an area, a category), or null when it fits.
    /// </summary>
    public string? Misfit(PolicyBook book) => Misfits(book).FirstOrDefault();

    private IEnumerable<string> Misfits(PolicyBook book)
    {
        var areas = book.AllAreas.ToHashSet();
        var drafts = Alerts.Select(a => a.Draft).Concat(Cancelled is { } c ? [c.Draft] : []).ToList();
        foreach (var a in Accounts.Where(a => book.FindUnit(a.Unit) is null)) yield return $"unit {a.Unit}";
        foreach (var area in Residents.Areas.SelectMany(a => a).Concat(drafts.SelectMany(d => d.TargetAreas)))
            if (!areas.Contains(area)) yield return $"area {area}";
        foreach (var d in drafts.Where(d => book.Categories.All(c => c.Id != d.CategoryId)))
            yield return $"category {d.CategoryId}";
        foreach (var id in new[] { Writer, Approver }.Where(id => Accounts.All(a => a.Id != id)))
            yield return $"account {id}";
    }

    /// <summary>The person of a demo account, as the workflow sees them.</summary>
    public Person Person(string id)
    {
        var a = Accounts.Single(x => x.Id == id);
        return new Person(a.Id, a.Unit, a.Roles.ToHashSet());
    }
}

/// <summary>A demo sign-in: login id, the name people see, unit id of the book, roles.</summary>
public sealed record DemoAccount(string Id, string Name, string Unit, IReadOnlyList<Role> Roles);

/// <summary>How many confirmed residents, cycling through these area choices; the first one subscribes for an
/// organisation (二次配信).</summary>
public sealed record DemoResidents(int Count, IReadOnlyList<IReadOnlyList<string>> Areas, string? Organisation);

/// <summary>A sample alert: a key the follow-ups name, when it happened (hours before the sending), the draft.
/// </summary>
public sealed record DemoAlert(string Key, double? OccurredHoursAgo, DraftInput Draft);

/// <summary>A correction or resolution of the sample alert <see cref="Of"/>: its headline and text, or the
/// wrong and right of a correction.</summary>
public sealed record DemoFollowUp(string Of, string Headline, string? WhatHappened, string? Wrong, string? Right);

/// <summary>A draft released in the evening and cancelled, with the reason.</summary>
public sealed record DemoCancelled(DraftInput Draft, string Reason);
