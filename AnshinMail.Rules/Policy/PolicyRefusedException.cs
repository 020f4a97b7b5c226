namespace AnshinMail.Rules.Policy;

/// <summary>An operation the policy refuses, with the findings that say why (Japanese messages).</summary>
public sealed class PolicyRefusedException(IReadOnlyList<Finding> findings)
    : Exception(string.Join(" ", findings.Where(f => f.Severity == Severity.Block).Select(f => f.Message)))
{
    /// <summary>The blocking findings, each with its clause and Japanese message.</summary>
    public IReadOnlyList<Finding> Findings { get; } = findings;

    /// <summary>A refusal of one finding: the clause, a stable code and the Japanese message staff read.</summary>
    public static PolicyRefusedException Because(string clause, string code, string message) =>
        new([Finding.Block(clause, code, message)]);
}
