namespace AnshinMail.Rules.Policy;

/// <summary>How much a finding weighs: a block stops the step, a warning is shown, an info only informs.</summary>
public enum Severity
{
    /// <summary>Information for staff; nothing is stopped.</summary>
    Info,
    /// <summary>A warning staff see before they go on.</summary>
    Warn,
    /// <summary>The step is refused.</summary>
    Block,
}

/// <summary>
/// What a rule found: severity, the clause that demands it, a stable code (for tests, logs and
/// pages), a Japanese message for staff, and the text that triggered it when there is one.
/// </summary>
public sealed record Finding(Severity Severity, string Clause, string Code, string Message, string? Matched = null)
{
    /// <summary>A finding that refuses the step.</summary>
    public static Finding Block(string clause, string code, string message, string? matched = null) =>
        new(Severity.Block, clause, code, message, matched);

    /// <summary>A finding that warns.</summary>
    public static Finding Warn(string clause, string code, string message, string? matched = null) =>
        new(Severity.Warn, clause, code, message, matched);

    /// <summary>A finding that only informs.</summary>
    public static Finding Info(string clause, string code, string message) =>
        new(Severity.Info, clause, code, message);
}
