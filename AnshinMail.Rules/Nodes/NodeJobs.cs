namespace AnshinMail.Rules.Nodes;

/// <summary>The periodic jobs that run on one node at a time (the names of their <see cref="JobLeases"/>).</summary>
public static class NodeJobs
{
    /// <summary>Y9.4 scheduled releases, planning the batches of alerts that start, and closing finished alerts.</summary>
    public const string Planning = "delivery.planning";

    /// <summary>T5: messages held for quiet hours whose hours have ended.</summary>
    public const string HeldRelease = "delivery.held-release";

    /// <summary>T5(2): webhook deliveries and their retries.</summary>
    public const string Webhooks = "webhooks";

    /// <summary>Staff notices left unsent or to be retried.</summary>
    public const string StaffNotices = "staff-notices";
}
