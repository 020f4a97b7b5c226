namespace AnshinMail.Rules.Storage;

/// <summary>
/// A named periodic job (scheduled releases, held releases, webhook retries, staff notices) held by one node at a
/// time, so that it runs once across nodes; a node that dies leaves it to expire.
/// </summary>
public sealed class NodeLease
{
    /// <summary>The job's name (<see cref="Nodes.NodeJobs"/>).</summary>
    public string Name { get; set; } = "";
    /// <summary>The node that holds it, or null when released.</summary>
    public string? Owner { get; set; }
    /// <summary>Until when the holder's lease lasts.</summary>
    public DateTimeOffset Until { get; set; }
}
