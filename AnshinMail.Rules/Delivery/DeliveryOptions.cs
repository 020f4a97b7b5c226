using MailKit.Security;

namespace AnshinMail.Rules.Delivery;

/// <summary>How mail leaves AnshinMail. The zero-configuration default is the pickup folder: no mail server
/// needed.</summary>
public sealed record DeliveryOptions
{
    /// <summary>"pickup" (writes .eml files) or "smtp".</summary>
    public string Transport { get; init; } = "pickup";
    /// <summary>The folder the pickup transport writes <c>.eml</c> files into.</summary>
    public string PickupDirectory { get; init; } = "maildrop";
    /// <summary>The SMTP relay's host name.</summary>
    public string Host { get; init; } = "localhost";
    /// <summary>The SMTP relay's port.</summary>
    public int Port { get; init; } = 25;
    /// <summary>How the SMTP connection is secured (None, StartTls, SslOnConnect, Auto).</summary>
    public SecureSocketOptions Security { get; init; } = SecureSocketOptions.None;
    /// <summary>The SMTP user name; no authentication when null.</summary>
    public string? UserName { get; init; }
    /// <summary>The SMTP password.</summary>
    public string? Password { get; init; }
    /// <summary>Off by default: hosts without internet access hang on revocation lists.</summary>
    public bool CheckCertificateRevocation { get; init; }
    /// <summary>Parallel SMTP connections, each with its own client.</summary>
    public int Connections { get; init; } = 4;
    /// <summary>A connection is closed and reopened after this many messages.</summary>
    public int MessagesPerConnection { get; init; } = 1000;
    /// <summary>Subscribers per batch: the unit of checkpointing (and the bound on duplicates after a crash).</summary>
    public int BatchSize { get; init; } = 200;
    /// <summary>"utf-8" or "iso-2022-jp" (older Japanese phones).</summary>
    public string Charset { get; init; } = "utf-8";
    /// <summary>4xx replies are retried this many times with backoff, then recorded as a (temporary) failure.</summary>
    public int TransientRetries { get; init; } = 3;
    /// <summary>The first wait before retrying a 4xx reply; it grows with each retry.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(2);
    /// <summary>A subscriber whose address was refused for good this many times is suspended.</summary>
    public int SuspendAfterPermanentFailures { get; init; } = 3;
    /// <summary>How often the background worker looks for work (and retries a dead relay).</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(5);
    /// <summary>Base of the personal unsubscribe and settings links (https in production).</summary>
    public string PublicBaseUrl { get; init; } = "http://localhost:5080";
    /// <summary>The mailbox that takes mailto unsubscribes; default unsubscribe@ the sender's domain.</summary>
    public string? UnsubscribeAddress { get; init; }
    /// <summary>
    /// Optional bounce mailbox (e.g. bounce@anshin.example.jp). When set, each message's envelope sender is
    /// bounce+{alert}.{subscriber}.{tag}@… (VERP), and bounce reports the site's MTA forwards from there to
    /// the inbound listener count as permanent failures of that subscriber. Unset: the envelope sender is From.
    /// </summary>
    public string? BounceAddress { get; init; }
    /// <summary>DKIM signing of every message; none when null.</summary>
    public DkimOptions? Dkim { get; init; }
    /// <summary>Allow http:// webhooks (tests and local development only; production webhooks are https).</summary>
    public bool AllowInsecureWebhooks { get; init; }
}

/// <summary>Optional DKIM signing (RFC 6376) with a private key in PEM.</summary>
public sealed record DkimOptions
{
    /// <summary>The signing domain (d=).</summary>
    public required string Domain { get; init; }
    /// <summary>The DNS selector of the public key (s=).</summary>
    public required string Selector { get; init; }
    /// <summary>The PEM file of the private key.</summary>
    public required string PrivateKeyPath { get; init; }
}
