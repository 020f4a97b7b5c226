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

    /// <summary>Every free-text value, for the privacy checks (Y11.1).</summary>
    public IEnumerable<string> Texts() =>
    [
        Headline, Place, WhatHappened, WordsSaid, Advice,
        Person.Sex, Person.Age, Person.Height, Person.Build, Person.Clothing, Person.Vehicle,
    ];
}

/// <summary>Y8: what is known of the victim; null when not applicable or unknown.</summary>
public sealed record Victim(int? Age, Sex? Sex);

/// <summary>T4(2): risk of physical harm (刃物等使用の凶悪犯罪, 危険動物の出没).</summary>
[Flags]
public enum PhysicalHarm
{
    None = 0,
    Weapon = 1,
    DangerousAnimal = 2,
}
