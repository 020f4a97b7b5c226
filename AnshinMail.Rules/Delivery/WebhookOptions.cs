namespace AnshinMail.Rules.Delivery;

/// <summary>T5(2) webhooks: where they may point.</summary>
public sealed record WebhookOptions
{
    /// <summary>
    /// Host names (or literal addresses) a webhook may use even though they are, or resolve to, internal addresses
    /// (loopback, private, link-local…). Empty by default: webhooks go to public servers only.
    /// </summary>
    public IReadOnlyList<string> AllowedHosts { get; init; } = [];

    /// <summary>Whether <paramref name="host"/> is one of <see cref="AllowedHosts"/> (case and IPv6 brackets
    /// ignored).</summary>
    public bool Allows(string host) =>
        AllowedHosts.Any(h => string.Equals(h.Trim().Trim('[', ']'), host.Trim('[', ']'),
            StringComparison.OrdinalIgnoreCase));
}
