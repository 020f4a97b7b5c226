using AnshinMail.Rules.Policy;
using AnshinMail.Rules.Workflow;
using AnshinMail.Rules.Workflow.Approvals;
using AnshinMail.Rules.Workflow.Drafts;
using AnshinMail.Rules.Workflow.FollowUps;
using AnshinMail.Rules.Workflow.Sending;

namespace AnshinMail.Web.Infrastructure;

/// <summary>The demo's sample alerts, sent through the real workflow by the script's writer and approver.</summary>
internal sealed class DemoAlerts(DemoScript script, WorkflowContext workflow, DateTimeOffset sentAt, ILogger log)
{
    private Person Writer => script.Person(script.Writer);
    private Person Approver => script.Person(script.Approver);

    private ApprovalInput Confirmations => new()
    {
        Confirmations = workflow.Engine.Book.PrivacyConfirmations.Select(c => c.Id).ToHashSet(),
    };

    /// <summary>Sends the alerts, then the correction and the resolution of those they name.</summary>
    public async Task SendAsync()
    {
        try
        {
            var sent = new Dictionary<string, long>();
            foreach (var a in script.Alerts)
            {
                var input = a.Draft with { Fields = a.Draft.Fields with { OccurredAt = OccurredAt(a) } };
                var draft = await new CreateDraft(workflow).RunAsync(Writer, input);
                sent[a.Key] = await Release(draft.Id);
            }
            if (script.Correction is { } c) await FollowUp(sent[c.Of], FollowUpKind.Correction, c);
            if (script.Resolution is { } r) await FollowUp(sent[r.Of], FollowUpKind.Resolution, r);
        }
        catch (PolicyRefusedException e)
        {
            // Outside sending hours the samples are scheduled, not refused; anything else is worth a line in the log.
            log.LogWarning("Demo alerts not all created: {Reason}", e.Message);
        }
    }

    /// <summary>Y9.3: the cancelled sample, written and approved by day, released in this (evening) context and
    /// cancelled before its time.</summary>
    public async Task CancelAsync(WorkflowContext day)
    {
        if (script.Cancelled is not { } c) return;
        try
        {
            var draft = await new CreateDraft(day).RunAsync(Writer, c.Draft);
            await new ApproveDraft(day).RunAsync(Approver, draft.Id, Confirmations);
            var held = await new SendAlert(workflow).RunAsync(Writer, draft.Id, rechecked: true);
            await new CancelAlert(workflow).RunAsync(Writer, held.AlertId, c.Reason);
        }
        catch (PolicyRefusedException e)
        {
            log.LogWarning("Demo cancelled alert not created: {Reason}", e.Message);
        }
    }

    private DateTimeOffset? OccurredAt(DemoAlert a) =>
        a.OccurredHoursAgo is { } hours ? sentAt.AddHours(-hours) : a.Draft.Fields.OccurredAt;

    private async Task FollowUp(long alertId, FollowUpKind kind, DemoFollowUp f)
    {
        var draft = await new CreateFollowUp(workflow).RunAsync(Writer, alertId, kind);
        var fields = draft.Fields with
        {
            Headline = f.Headline,
            WhatHappened = f.WhatHappened ?? draft.Fields.WhatHappened,
            FollowUp = f.Wrong is null && f.Right is null
                ? draft.Fields.FollowUp
                : new FollowUpFields { Wrong = f.Wrong ?? "", Right = f.Right ?? "" },
        };
        await new EditDraft(workflow).RunAsync(Writer, draft.Id, draft.ToInput() with { Fields = fields });
        await Release(draft.Id);
    }

    private async Task<long> Release(long draftId)
    {
        await new ApproveDraft(workflow).RunAsync(Approver, draftId, Confirmations);
        return (await new SendAlert(workflow).RunAsync(Writer, draftId, rechecked: true)).AlertId;
    }
}
