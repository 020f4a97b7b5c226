using AnshinMail.Rules.Storage;

namespace AnshinMail.Rules.Workflow.Views;

/// <summary>What the person looking at a released alert may do with it (Y9.3, Y11.2, Y11.3), as the library decides
/// it.</summary>
public enum AlertAction
{
    Cancel,
    Stop,
    Withdraw,
    Resolve,
    Correct,
    Supplement,
    CloseWithoutResolution,
    /// <summary>T3(2), Y11.3: the station that asked for the alert asks the sending unit for its resolution.</summary>
    RequestResolution,
    /// <summary>T3(2), Y11.3: the same for a correction.</summary>
    RequestCorrection,
    /// <summary>Y11.4: the station that sent it asks a neighbouring station (情報提供・配信要請).</summary>
    Share,
}

/// <summary>A released alert and what this person may do with it next.</summary>
/// <param name="Judgement">Y9.4 ただし書き: the distributor's judgement an emergency send outside hours went out on
/// (who judged, how, when, whether confirmed); null for every other alert.</param>
public sealed record AlertView(Alert Alert, IReadOnlySet<AlertAction> NextActions, EmergencyJudgement? Judgement = null)
{
    public bool May(AlertAction action) => NextActions.Contains(action);
}
