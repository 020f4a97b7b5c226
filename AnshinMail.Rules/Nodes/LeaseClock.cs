namespace AnshinMail.Rules.Nodes;

/// <summary>
/// The clock leases are written and compared on. A lease one node writes is compared with another node's clock, so
/// leases run on the real clock even in a drill (訓練): a drill clock shows the drill's start when its node starts,
/// so two nodes started at different moments (or a node restarted mid-drill) show different drill times, and the
/// one ahead would take the other's live batches and jobs while the one behind would wait for a dead node's leases
/// far longer than the lease.
/// </summary>
internal static class LeaseClock
{
    /// <summary>The real clock under a drill clock; any other clock as it is.</summary>
    public static TimeProvider Of(TimeProvider clock) => clock is Drill.DrillClock drill ? drill.Real : clock;
}
