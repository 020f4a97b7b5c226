namespace AnshinMail.Rules.Storage;

/// <summary>登録者 (T5): a resident's address with the categories and areas they chose.</summary>
public sealed class Subscriber
{
    /// <summary>The subscriber's number, assigned by the database.</summary>
    public long Id { get; set; }
    /// <summary>The address alerts go to.</summary>
    public required string Email { get; set; }
    /// <summary>The ids of the categories the subscriber chose.</summary>
    public List<string> Categories { get; set; } = [];
    /// <summary>The areas the subscriber chose.</summary>
    public List<string> Areas { get; set; } = [];
    /// <summary>Whether the address was confirmed by its link; unconfirmed addresses receive nothing.</summary>
    public bool Confirmed { get; set; }
    /// <summary>When the subscription was asked for.</summary>
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>When the address was confirmed.</summary>
    public DateTimeOffset? ConfirmedAt { get; set; }
    /// <summary>Opaque personal token for List-Unsubscribe and the settings link.</summary>
    public required string Token { get; set; }
    /// <summary>The subscriber paused alerts for now.</summary>
    public bool Paused { get; set; }
    /// <summary>Suspended after too many permanent delivery failures.</summary>
    public bool Suspended { get; set; }
    /// <summary>Permanent failures in a row (bounces, 5xx replies); a delivery resets it.</summary>
    public int PermanentFailures { get; set; }
    /// <summary>二次配信: an organisation (e.g. a board of education) allowed to pass alerts on.</summary>
    public string? Organisation { get; set; }
    /// <summary>The organisation's contact (person, phone) for the police.</summary>
    public string? OrganisationContact { get; set; }
    /// <summary>The nonce of the one confirmation link still valid (single use: cleared when used).</summary>
    public string? ConfirmationNonce { get; set; }
    /// <summary>When <see cref="ConfirmationNonce"/>'s link stops working.</summary>
    public DateTimeOffset? ConfirmationExpiresAt { get; set; }
    /// <summary>When a registration mail was last sent to this address (per-address rate limit).</summary>
    public DateTimeOffset? LastMailAt { get; set; }

    /// <summary>T5: a new address asked for and not confirmed yet; the current one receives until then.</summary>
    public string? PendingEmail { get; private set; }
    /// <summary>The nonce of the one address-change link still valid (single use).</summary>
    public string? EmailChangeNonce { get; private set; }
    /// <summary>When <see cref="EmailChangeNonce"/>'s link stops working.</summary>
    public DateTimeOffset? EmailChangeExpiresAt { get; private set; }

    /// <summary>T5: asks to move to <paramref name="address"/>; a later request replaces an earlier one.</summary>
    public void RequestAddressChange(string address, string nonce, DateTimeOffset expires)
    {
        if (!Confirmed) throw new InvalidOperationException("登録が完了していないアドレスは変更できません。");
        (PendingEmail, EmailChangeNonce, EmailChangeExpiresAt) = (address, nonce, expires);
    }

    /// <summary>The link could not be mailed: nothing is pending.</summary>
    public void CancelAddressChange() => (PendingEmail, EmailChangeNonce, EmailChangeExpiresAt) = (null, null, null);

    /// <summary>T5: the link mailed to the new address was used: from now on alerts go there.</summary>
    public void ConfirmAddressChange()
    {
        if (PendingEmail is null) throw new InvalidOperationException("変更を待つアドレスがありません。");
        Email = PendingEmail;
        (PendingEmail, EmailChangeNonce, EmailChangeExpiresAt) = (null, null, null);
        PermanentFailures = 0;
        Suspended = false;
    }

    /// <summary>Quiet hours (local time): non-emergency mail waits until <see cref="QuietTo"/>. The band may wrap
    /// midnight.</summary>
    public TimeOnly? QuietFrom { get; set; }
    /// <summary>The local time quiet hours end (see <see cref="QuietFrom"/>).</summary>
    public TimeOnly? QuietTo { get; set; }

    /// <summary>Whether <paramref name="local"/> falls in the quiet band; if so, when it ends.</summary>
    public DateTime? QuietUntil(DateTime local)
    {
        if (QuietFrom is not { } from || QuietTo is not { } to || from == to) return null;
        var t = TimeOnly.FromDateTime(local);
        var inside = from < to ? t >= from && t < to : t >= from || t < to;
        if (!inside) return null;
        var end = local.Date + to.ToTimeSpan();
        return end > local ? end : end.AddDays(1);
    }

    /// <summary>Whether an alert of <paramref name="categoryId"/> for any of <paramref name="areas"/> goes to this
    /// subscriber (confirmed, active, chosen).</summary>
    public bool Wants(string categoryId, IReadOnlyCollection<string> areas) =>
        Confirmed && !Paused && !Suspended && Categories.Contains(categoryId) && Areas.Any(areas.Contains);
}

