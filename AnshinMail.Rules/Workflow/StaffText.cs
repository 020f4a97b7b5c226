using AnshinMail.Rules.Workflow.Drafts;

namespace AnshinMail.Rules.Workflow;

/// <summary>
/// Free text staff type beside an action (a reason for sending back, cancelling or closing, a report of an
/// abnormality) is kept in the ledger and read by other staff and the archivist: it holds the same characters a draft
/// may hold (<see cref="DraftValidation.UnusableCharacter"/>), so a control character or a bidi override cannot hide or
/// reorder what the ledger says.
/// </summary>
internal static class StaffText
{
    /// <summary>Refuses, naming the field in Japanese and the character, when <paramref name="text"/> holds a
    /// character a draft may not hold.</summary>
    public static void RequireUsable(string? text, string label, string clause, string code)
    {
        var unusable = DraftValidation.UnusableCharacter(text ?? "");
        Refusal.Require(unusable is null, clause, code,
            $"{label}に使えない文字（U+{(int)(unusable ?? ' '):X4}）が含まれています。削除して入力し直してください。");
    }
}
