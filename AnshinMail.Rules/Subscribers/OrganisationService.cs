using System.Security.Cryptography;
using AnshinMail.Rules.Delivery;
using AnshinMail.Rules.Policy;
using AnshinMail.Rules.PolicyBooks;
using AnshinMail.Rules.Storage;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace AnshinMail.Rules.Subscribers;

/// <summary>An organisation as registered, with its webhook secret (shown once).</summary>
public sealed record RegisteredOrganisation(Subscriber Subscriber, Webhook? Webhook);

/// <summary>One webhook with its recent deliveries, for the security manager.</summary>
public sealed record WebhookLog(Subscriber Organisation, Webhook Webhook, IReadOnlyList<WebhookDelivery> Deliveries);

/// <summary>
/// T5(2) 二次配信: the security manager registers organisations (a board of education…) that may pass
/// alerts on: named, with a contact, receiving mail (with a line welcoming redistribution) and, if they
/// wish, a signed webhook. Webhook URLs must be HTTPS (plain HTTP only when the options allow it, for tests) and
/// must not point at internal addresses unless <see cref="WebhookOptions.AllowedHosts"/> names the host.
/// </summary>
public sealed class OrganisationService(
    AnshinDbContext db, PolicyBook book, TimeProvider clock, DeliveryOptions options, WebhookOptions? webhooks = null)
{
    private readonly Audit _audit = new(db, clock);

    /// <summary>T5(2): the security manager registers an organisation (二次配信) with its contact, address, categories and
    /// areas, and optionally an HTTPS webhook; the webhook's secret is returned once.</summary>
    public async Task<RegisteredOrganisation> RegisterAsync(Person actor, string name, string contact, string email,
        SubscriptionChoice choice, string? webhookUrl, CancellationToken ct = default)
    {
        RequireSecurityManager(actor);
        if (string.IsNullOrWhiteSpace(name) || name.Length > 200)
            throw PolicyRefusedException.Because("T5(2)", "organisation.name", "団体名を200文字以内で入力してください。");
        if (MailAddresses.Normalize(email) is not { } address)
            throw PolicyRefusedException.Because("T5(2)", "organisation.address", "メールアドレスの形式が正しくありません。");
        // A category or an area the book does not know would never match: the organisation would miss alerts.
        if (choice.Categories.Count == 0 || choice.Areas.Count == 0
            || choice.Categories.Any(c => book.Categories.All(x => x.Id != c))
            || choice.Areas.Any(a => !book.AllAreas.Contains(a)))
            throw PolicyRefusedException.Because("T5(2)", "organisation.choice", "情報種別と地域を一覧から1つ以上選んでください。");
        if (await db.Subscribers.AnyAsync(s => s.Email == address, ct))
            throw PolicyRefusedException.Because("T5(2)", "organisation.duplicate", "このメールアドレスは既に登録されています。");
        Uri? url = null;
        if (!string.IsNullOrWhiteSpace(webhookUrl)
            && (!Uri.TryCreate(webhookUrl.Trim(), UriKind.Absolute, out url)
                || !(url.Scheme == Uri.UriSchemeHttps
                    || (options.AllowInsecureWebhooks && url.Scheme == Uri.UriSchemeHttp))))
            throw PolicyRefusedException.Because("T5(2)", "organisation.webhook",
                "Webhook の URL は https:// で始まる URL を指定してください。");
        if (url is not null
            && await WebhookAddresses.RefusalAsync(url, webhooks ?? new WebhookOptions(), ct) is { } refusal)
            throw PolicyRefusedException.Because("T5(2)", "organisation.webhook-internal", refusal);
        var now = clock.GetUtcNow();
        var subscriber = new Subscriber
        {
            Email = address,
            Organisation = name.Trim(),
            OrganisationContact = contact?.Trim(),
            Categories = choice.Categories.ToList(),
            Areas = choice.Areas.ToList(),
            Confirmed = true,
            ConfirmedAt = now,
            CreatedAt = now,
            Token = SubscriptionTokens.NewPersonalToken(),
        };
        db.Subscribers.Add(subscriber);
        await db.SaveChangesAsync(ct);
        Webhook? hook = null;
        if (url is not null)
        {
            hook = new Webhook
            {
                SubscriberId = subscriber.Id,
                Url = url.ToString(),
                Secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)),
                CreatedAt = now,
            };
            db.Webhooks.Add(hook);
        }
        _audit.Record(actor, "organisation.register",
            subscriber.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "ok", name);
        await db.SaveChangesAsync(ct);
        return new RegisteredOrganisation(subscriber, hook);
    }

    /// <summary>Every organisation subscriber; refused for anyone but the security manager.</summary>
    public async Task<IReadOnlyList<Subscriber>> ListAsync(Person actor, CancellationToken ct = default)
    {
        RequireSecurityManager(actor);
        return await db.Subscribers.AsNoTracking().Where(s => s.Organisation != null).OrderBy(s => s.Id)
            .ToListAsync(ct);
    }

    /// <summary>The webhook delivery log (latest 50 per webhook).</summary>
    public async Task<IReadOnlyList<WebhookLog>> WebhookLogAsync(Person actor, CancellationToken ct = default)
    {
        RequireSecurityManager(actor);
        var result = new List<WebhookLog>();
        foreach (var hook in await db.Webhooks.AsNoTracking().OrderBy(w => w.Id).ToListAsync(ct))
        {
            var organisation = await db.Subscribers.AsNoTracking()
                .SingleOrDefaultAsync(s => s.Id == hook.SubscriberId, ct);
            if (organisation is null) continue;
            var deliveries = await db.WebhookDeliveries.AsNoTracking().Where(d => d.WebhookId == hook.Id)
                .OrderByDescending(d => d.Id).Take(50).ToListAsync(ct);
            result.Add(new WebhookLog(organisation, hook, deliveries));
        }
        return result;
    }

    private void RequireSecurityManager(Person actor)
    {
        if (!actor.IsSecurityManager(book))
            throw PolicyRefusedException.Because("T5(2)", "organisation.not-security-manager",
                "二次配信の団体を管理できるのはシステムセキュリティ責任者です。");
    }
}
