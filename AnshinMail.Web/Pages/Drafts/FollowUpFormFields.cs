using AnshinMail.Rules.Policy;

namespace AnshinMail.Web.Pages.Drafts;

/// <summary>
/// Y11.2, Y11.3: the fields a follow-up's form shows, which are the fields its template prints (_DraftForm.cshtml
/// shows the same). Resolution: 事案 (headline), the original's 発生日時 and 発生場所, 解除日時, 解除の内容, 呼びかけ.
/// Correction: 見出し, 誤, 正, 補足, 呼びかけ. Supplement: 見出し, 補足する内容, 呼びかけ — a supplement adds to the
/// original in its own words rather than repeating the original's fields. Nothing else is kept, so nothing unseen
/// is stored.
/// </summary>
public static class FollowUpFormFields
{
    public static AlertFields Only(FollowUpKind kind, AlertFields typed)
    {
        var followUp = typed.FollowUp ?? new FollowUpFields();
        var shown = kind switch
        {
            FollowUpKind.Resolution => new AlertFields
            {
                OccurredAt = typed.OccurredAt, Place = typed.Place,
                FollowUp = new FollowUpFields { ResolvedAt = followUp.ResolvedAt },
            },
            FollowUpKind.Correction => new AlertFields
            {
                FollowUp = new FollowUpFields { Wrong = followUp.Wrong, Right = followUp.Right },
            },
            _ => new AlertFields(),
        };
        return shown with
        {
            Headline = typed.Headline,
            WhatHappened = typed.WhatHappened,
            Advice = typed.Advice,
            FollowUp = shown.FollowUp is { IsEmpty: false } kept ? kept : null,
        };
    }
}
