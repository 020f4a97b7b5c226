namespace AnshinMail.Rules.Policy;

public enum Severity
{
    Info,
    Warn,
    Block,
}

/// <summary>
/// What a rule found: severity, the clause that demands it, a stable code (for tests, logs and
/// pages), a Japanese message for staff, and the text that triggered it when there is one.
/// </summary>
public sealed record Finding(Severity Severity, string Clause, string Code, string Message, string? Matched = null)
{
    public static Finding Block(string clause, string code, string message, string? matched = null) =>
        new(Severity.Block, clause, code, message, matched);

    public static Finding Warn(string clause, string code, string message, string? matched = null) =>
        new(Severity.Warn, clause, code, message, matched);

    public static Finding Info(string clause, string code, string message) =>
        new(Severity.Info, clause, code, message);
}
