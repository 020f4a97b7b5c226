using AnshinMail.Rules.Storage;

namespace AnshinMail.Rules.Workflow.Views;

/// <summary>What the person looking at a released alert may do with it (Y9.3, Y11.2, Y11.3), as the library decides
/// it.</summary>
public enum AlertAction
{
    /// <summary>Y9.3: cancel a scheduled alert before its time.</summary>
    Cancel,
    /// <summary>Y9.3: stop an alert while it is being sent.</summary>
    Stop,
    /// <summary>Y11.3: withdraw a sent alert from the public side.</summary>
    Withdraw,
    /// <summary>Y11.2: write its resolution (解除).</summary>
    Resolve,
    /// <summary>Y11.3: write its correction (訂正).</summary>
    Correct,
    /// <summary>Write a supplement (補足).</summary>
    Supplement,
    /// <summary>Y11.2: close it without a resolution.</summary>
    CloseWithoutResolution,
    /// <summary>T3(2), Y11.3: the station that asked for the alert asks the sending unit for its resolution.</summary>
    RequestResolution,
    /// <summary>T3(2), Y11.3: the same for a correction.</summary>
    RequestCorrection,
    /// <summary>Y11.4: the station that sent it asks a neighbouring station (情報提供・配信要請).</summary>
    Share,
}

/// <summary>A released alert and what this person may do with it next.</summary>
/// <param name="Alert">The alert as stored.</param>
/// <param name="NextActions">What this person may do with it now (the same answers the operations give).</param>
/// <param name="Judgement">Y9.4 ただし書き: the distributor's judgement an emergency send outside hours went out on
/// (who judged, how, when, whether confirmed); null for every other alert.</param>
public sealed record AlertView(Alert Alert, IReadOnlySet<AlertAction> NextActions, EmergencyJudgement? Judgement = null)
{
    /// <summary>Whether the person may do <paramref name="action"/> now.</summary>
    public bool May(AlertAction action) => NextActions.Contains(action);
}
