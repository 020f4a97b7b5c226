namespace AnshinMail.Rules.Templates;

// The only objects a template sees. Scriban exposes them in snake_case (occurred_at, words_said…).

public sealed record PersonModel(string Sex, string Age, string Height, string Build, string Clothing, string Vehicle)
{
    public bool Any => new[] { Sex, Age, Height, Build, Clothing, Vehicle }.Any(s => s.Length > 0);
}

/// <summary>T3(3): the unit residents contact about this message.</summary>
public sealed record ContactModel(string Unit, string Phone);

/// <summary>Y11.2, Y11.3: what a resolution or correction refers to.</summary>
public sealed record OriginalModel(string Subject, string SentAt);

public sealed record MessageModel
{
    public required string Prefecture { get; init; }
    public required string SystemName { get; init; }
    public required string Category { get; init; }
    public required string Headline { get; init; }
    /// <summary>「11月27日（金）午後3時30分」 in the book's local time; empty when not given.</summary>
    public required string OccurredAt { get; init; }
    /// <summary>「11月27日」, the day of <see cref="OccurredAt"/> alone; empty when not given.</summary>
    public string OccurredOn { get; init; } = "";
    public required string Place { get; init; }
    public required string WhatHappened { get; init; }
    /// <summary>
    /// 声かけ等の文言 without the brackets staff may have typed around it (the templates quote it themselves);
    /// empty when 発生状況 already quotes the same words, so they are not printed twice.
    /// </summary>
    public required string WordsSaid { get; init; }
    public required PersonModel Person { get; init; }
    public required string Advice { get; init; }
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
