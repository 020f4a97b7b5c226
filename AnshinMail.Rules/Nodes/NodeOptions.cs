namespace AnshinMail.Rules.Nodes;

/// <summary>
/// This node among several on one database (an operations setting, not policy: configuration
/// <c>AnshinMail:Node:Id</c> and <c>AnshinMail:Node:Lease</c>).
/// </summary>
public sealed record NodeOptions
{
    /// <summary>The node's name in leases: by default the machine's name and the process id.</summary>
    public string Id { get; init; } = $"{Environment.MachineName}-{Environment.ProcessId}";

    /// <summary>
    /// How long a claim lasts without renewal. A node renews its claims every third of it while it works, so a node
    /// that dies frees its batches and jobs at most this long after its last renewal.
    /// </summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How often a node renews what it holds.</summary>
    public TimeSpan RenewEvery => Lease / 3;
}
