using System.Text.Json.Serialization;
using AnshinMail.Rules.PolicyBooks;

namespace AnshinMail.Rules.Policy;

/// <summary>行為者: how the person involved is described (each free text, any may be empty).</summary>
public sealed record PersonInvolved
{
    public string Sex { get; init; } = "";
    public string Age { get; init; } = "";
    public string Height { get; init; } = "";
    public string Build { get; init; } = "";
    public string Clothing { get; init; } = "";
    public string Vehicle { get; init; } = "";
}

/// <summary>
/// Y11.2, Y11.3: what only a follow-up says: 誤 and 正 of a correction, when a resolution's case was resolved.
/// The rest of a follow-up's text reuses <see cref="AlertFields"/> (a resolution's 解除の内容 is its WhatHappened).
/// </summary>
public sealed record FollowUpFields
{
    public string Wrong { get; init; } = "";
    public string Right { get; init; } = "";
    public DateTimeOffset? ResolvedAt { get; init; }

    public bool IsEmpty => Wrong.Length == 0 && Right.Length == 0 && ResolvedAt is null;
}

/// <summary>The fields a staff member types into a category template.</summary>
public sealed record AlertFields
{
    public string Headline { get; init; } = "";
    public DateTimeOffset? OccurredAt { get; init; }
    public string Place { get; init; } = "";
    public string WhatHappened { get; init; } = "";
    public string WordsSaid { get; init; } = "";
    public PersonInvolved Person { get; init; } = new();
    public string Advice { get; init; } = "";
    /// <summary>
    /// Y11.2, Y11.3: null for a plain alert. Left out of the JSON when null, so the content hash (Y9.3) of every
    /// draft without it is what it was before the field existed: an approval given before an upgrade still holds.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public FollowUpFields? FollowUp { get; init; }

    /// <summary>Every free-text value, for the privacy checks (Y11.1).</summary>
    public IEnumerable<string> Texts() => Labelled().Select(f => f.Text);

    /// <summary>Every free-text value with the label staff see on the form, for messages that name the field.</summary>
    public IEnumerable<(string Label, string Text)> Labelled() =>
    [
        ("見出し", Headline), ("発生場所", Place), ("発生状況", WhatHappened), ("声かけ等の文言", WordsSaid),
        ("呼びかけ", Advice), ("行為者の性別", Person.Sex), ("行為者の年齢", Person.Age), ("行為者の身長", Person.Height),
        ("行為者の体格", Person.Build), ("行為者の服装", Person.Clothing), ("行為者の車両", Person.Vehicle),
        ("誤", FollowUp?.Wrong ?? ""), ("正", FollowUp?.Right ?? ""),
    ];
}

/// <summary>Y8: what is known of the victim; null when not applicable or unknown.</summary>
public sealed record Victim(int? Age, Sex? Sex);

/// <summary>T4(2): risk of physical harm (刃物等使用の凶悪犯罪, 危険動物の出没, or another with a reason).</summary>
[Flags]
public enum PhysicalHarm
{
    None = 0,
    Weapon = 1,
    DangerousAnimal = 2,
    /// <summary>その他身体に危害が及ぶおそれ: with the reason the writer gives (<c>HarmReason</c>).</summary>
    Other = 4,
}
