using System.Text.Json.Serialization;
using AnshinMail.Rules.PolicyBooks;

namespace AnshinMail.Rules.Policy;

/// <summary>行為者: how the person involved is described (each free text, any may be empty).</summary>
public sealed record PersonInvolved
{
    /// <summary>The person's sex as the witness described it.</summary>
    public string Sex { get; init; } = "";
    /// <summary>The person's age as described (e.g. 40歳くらい).</summary>
    public string Age { get; init; } = "";
    /// <summary>The person's height as described.</summary>
    public string Height { get; init; } = "";
    /// <summary>The person's build as described.</summary>
    public string Build { get; init; } = "";
    /// <summary>The person's clothing as described.</summary>
    public string Clothing { get; init; } = "";
    /// <summary>The person's vehicle, if any.</summary>
    public string Vehicle { get; init; } = "";
}

/// <summary>
/// Y11.2, Y11.3: what only a follow-up says: 誤 and 正 of a correction, when a resolution's case was resolved.
/// The rest of a follow-up's text reuses <see cref="AlertFields"/> (a resolution's 解除の内容 is its WhatHappened).
/// </summary>
public sealed record FollowUpFields
{
    /// <summary>誤: what the corrected alert said wrongly.</summary>
    public string Wrong { get; init; } = "";
    /// <summary>正: what it should have said.</summary>
    public string Right { get; init; } = "";
    /// <summary>When the resolved case was resolved.</summary>
    public DateTimeOffset? ResolvedAt { get; init; }

    /// <summary>Whether nothing is filled in.</summary>
    public bool IsEmpty => Wrong.Length == 0 && Right.Length == 0 && ResolvedAt is null;
}

/// <summary>The fields a staff member types into a category template.</summary>
public sealed record AlertFields
{
    /// <summary>見出し: the short headline of the message.</summary>
    public string Headline { get; init; } = "";
    /// <summary>When it happened, if known.</summary>
    public DateTimeOffset? OccurredAt { get; init; }
    /// <summary>発生場所: where it happened.</summary>
    public string Place { get; init; } = "";
    /// <summary>発生状況: what happened.</summary>
    public string WhatHappened { get; init; } = "";
    /// <summary>声かけ等の文言: the words the person said, as quoted.</summary>
    public string WordsSaid { get; init; } = "";
    /// <summary>行為者: how the person involved is described.</summary>
    public PersonInvolved Person { get; init; } = new();
    /// <summary>呼びかけ: the advice to residents.</summary>
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
    /// <summary>No risk of physical harm.</summary>
    None = 0,
    /// <summary>刃物等使用の凶悪犯罪: a violent crime with a weapon.</summary>
    Weapon = 1,
    /// <summary>危険動物の出没: a dangerous animal (e.g. a bear) is about.</summary>
    DangerousAnimal = 2,
    /// <summary>その他身体に危害が及ぶおそれ: with the reason the writer gives (<c>HarmReason</c>).</summary>
    Other = 4,
}
