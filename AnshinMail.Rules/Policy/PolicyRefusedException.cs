namespace AnshinMail.Rules.Policy;

/// <summary>An operation the policy refuses, with the findings that say why (Japanese messages).</summary>
public sealed class PolicyRefusedException(IReadOnlyList<Finding> findings)
    : Exception(string.Join(" ", findings.Where(f => f.Severity == Severity.Block).Select(f => f.Message)))
{
    public IReadOnlyList<Finding> Findings { get; } = findings;

    public static PolicyRefusedException Because(string clause, string code, string message) =>
        new([Finding.Block(clause, code, message)]);
}
