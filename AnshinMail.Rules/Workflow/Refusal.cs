using AnshinMail.Rules.Policy;

namespace AnshinMail.Rules.Workflow;

/// <summary>How an operation says no: a block finding with its clause, or the verdict's own blocks.</summary>
internal static class Refusal
{
    public static void Require(bool condition, string clause, string code, string message)
    {
        if (!condition) throw PolicyRefusedException.Because(clause, code, message);
    }

    public static PolicyVerdict Unless(PolicyVerdict verdict) =>
        verdict.Blocked ? throw new PolicyRefusedException(verdict.Findings) : verdict;

    public static string Id(long id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
