namespace AnshinMail.Rules.Templates;

// The only objects a template sees. Scriban exposes them in snake_case (occurred_at, words_said…).

/// <summary>行為者 as a template sees it (person.sex, person.age …), each free text, any may be empty.</summary>
public sealed record PersonModel(string Sex, string Age, string Height, string Build, string Clothing, string Vehicle)
{
    /// <summary>Whether anything is known of the person (templates print the block only then).</summary>
    public bool Any => new[] { Sex, Age, Height, Build, Clothing, Vehicle }.Any(s => s.Length > 0);
}

/// <summary>T3(3): the unit residents contact about this message.</summary>
public sealed record ContactModel(string Unit, string Phone);

/// <summary>Y11.2, Y11.3: what a resolution or correction refers to.</summary>
public sealed record OriginalModel(string Subject, string SentAt);

/// <summary>The data a message template sees (in snake_case): the book's names, the draft's fields and the
/// contact.</summary>
public sealed record MessageModel
{
    /// <summary>The prefecture's name (e.g. 長野県).</summary>
    public required string Prefecture { get; init; }
    /// <summary>The service's name (e.g. ライポくん安心メール).</summary>
    public required string SystemName { get; init; }
    /// <summary>The category's Japanese name.</summary>
    public required string Category { get; init; }
    /// <summary>見出し: the headline.</summary>
    public required string Headline { get; init; }
    /// <summary>「11月27日（金）午後3時30分」 in the book's local time; empty when not given.</summary>
    public required string OccurredAt { get; init; }
    /// <summary>「11月27日」, the day of <see cref="OccurredAt"/> alone; empty when not given.</summary>
    public string OccurredOn { get; init; } = "";
    /// <summary>発生場所: where it happened.</summary>
    public required string Place { get; init; }
    /// <summary>発生状況: what happened.</summary>
    public required string WhatHappened { get; init; }
    /// <summary>
    /// 声かけ等の文言 without the brackets staff may have typed around it (the templates quote it themselves);
    /// empty when 発生状況 already quotes the same words, so they are not printed twice.
    /// </summary>
    public required string WordsSaid { get; init; }
    /// <summary>行為者: how the person involved is described.</summary>
    public required PersonModel Person { get; init; }
    /// <summary>呼びかけ: the advice to residents.</summary>
    public required string Advice { get; init; }
    /// <summary>T3(3): whom residents contact and how.</summary>
    public required ContactModel Contact { get; init; }
    /// <summary>Set for follow-ups only.</summary>
    public OriginalModel? Original { get; init; }
    /// <summary>「解除」「修正」「補足」 for follow-ups.</summary>
    public string FollowUpKind { get; init; } = "";
    /// <summary>Y11.3: what the original said wrongly (誤), empty unless a correction says it.</summary>
    public string Wrong { get; init; } = "";
    /// <summary>Y11.3: what is right (正).</summary>
    public string Right { get; init; } = "";
    /// <summary>Y11.2: when the case was resolved, 「11月28日（土）午前10時」; empty when not given.</summary>
    public string ResolvedAt { get; init; } = "";
    /// <summary>The shared footer, rendered first from its own template.</summary>
    public string Footer { get; set; } = "";
}

/// <summary>A rendered message: the first line of the template's output is the subject.</summary>
public sealed record RenderedMessage(string Subject, string Body);
