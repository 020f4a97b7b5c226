using AnshinMail.Rules.Accounts;
using AnshinMail.Rules.Delivery;
using AnshinMail.Rules.Ledger;
using AnshinMail.Rules.Policy;
using AnshinMail.Rules.PolicyBooks;
using AnshinMail.Rules.Storage;
using AnshinMail.Rules.Templates;
using AnshinMail.Rules.Workflow;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AnshinMail.Rules.Hosting;

/// <summary>Registers the whole library in a host: one call for any front end that embeds AnshinMail.</summary>
public static class AnshinMailServices
{
    /// <summary>Registers the engine, storage, templates, workflow, accounts, ledger, feeds, mail and (optionally) the
    /// delivery worker, inbound listener and webhooks of <paramref name="book"/> in <paramref
    /// name="services"/>; a <paramref name="drill"/> gets its clock, its mail guard and its marks (訓練).</summary>
    public static IServiceCollection AddAnshinMail(this IServiceCollection services, PolicyBook book,
        StorageOptions storage, DeliveryOptions delivery,
        bool runDeliveryWorker = true, Subscribers.InboundOptions? inbound = null, WebhookOptions? webhooks = null,
        Nodes.NodeOptions? node = null, Drill.DrillMode? drill = null)
    {
        webhooks ??= new WebhookOptions();
        drill ??= Drill.DrillMode.Off;
        services.AddSingleton(drill);
        node ??= new Nodes.NodeOptions();
        services.AddSingleton(node);
        services.AddSingleton(sp => new Operations.StorageGauges(() => new AnshinDbContext(storage.Build()),
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new Operations.DeliveryMetrics(
            sp.GetService<System.Diagnostics.Metrics.IMeterFactory>(), sp.GetRequiredService<Operations.StorageGauges>()));
        services.AddScoped<Subscribers.InboundClaims>();
        var engine = new PolicyEngine(book);
        services.AddSingleton(book);
        services.AddSingleton(engine);
        services.AddSingleton(new MessageRenderer(book));
        // 訓練: policy time is the drill's (it starts at the drill's instant when the app starts).
        services.AddSingleton<TimeProvider>(
            drill.Start is { } start ? new Drill.DrillClock(start) : TimeProvider.System);
        services.AddSingleton(storage);
        services.AddDbContext<AnshinDbContext>(o => storage.Configure(o));
        services.AddSingleton<IPasswordHasher<PersonAccount>, PasswordHasher<PersonAccount>>();
        services.AddWorkflow();
        services.AddScoped<AccountService>();
        services.AddScoped<SignInService>();
        services.AddScoped<SessionService>();
        services.AddSingleton<SessionStates>();
        services.AddScoped<LedgerService>();
        services.AddScoped<Reports.Statistics>();
        services.AddSingleton(new NoticeRenderer(book));
        services.AddSingleton(new PageTextRenderer(book));
        services.AddScoped<Subscribers.AddressChange>();
        services.AddSingleton<Subscribers.NoticeMailer>();
        services.AddScoped<Subscribers.SubscriptionService>();
        services.AddScoped<Subscribers.EmptyMailRegistration>();
        services.AddScoped<Feeds.PublicArchive>();
        services.AddSingleton(new Feeds.AtomFeed(book));
        services.AddSingleton(new Feeds.CapDocument(book));
        services.AddSingleton(new Geography.MunicipalMap(book));
        services.AddSingleton(delivery);
        services.AddSingleton<DeliverySignal>();
        // 訓練: the only way out of a drill is its guard (allowed recipients, or the pickup folder).
        services.AddSingleton(sp => Drill.DrillTransport.For(drill, MailTransports.Create(delivery), delivery,
            sp.GetService<ILogger<Drill.DrillTransport>>()));
        services.AddSingleton(new AlertMessageFactory(book, delivery, drill));
        services.AddSingleton(sp => new DeliveryRunner(
            () => new AnshinDbContext(storage.Build()), sp.GetRequiredService<IMailTransport>(),
            sp.GetRequiredService<AlertMessageFactory>(),
            delivery, sp.GetRequiredService<TimeProvider>(), sp.GetService<ILogger<DeliveryRunner>>(), node,
            sp.GetRequiredService<Operations.DeliveryMetrics>(), drill) { Signal = sp.GetService<DeliverySignal>() });
        services.AddSingleton(webhooks);
        services.AddSingleton(sp => new WebhookSender(() => new AnshinDbContext(storage.Build()), book, delivery,
            sp.GetRequiredService<TimeProvider>(), null, sp.GetService<ILogger<WebhookSender>>(), webhooks, node,
            drill));
        services.AddScoped<Subscribers.OrganisationService>();
        services.AddScoped<BounceRecorder>();
        services.AddSingleton<Workflow.Notices.StaffNoticeMailer>();
        if (runDeliveryWorker)
        {
            services.AddHostedService<DeliveryWorker>();
            // Several nodes on PostgreSQL: a node that planned an alert wakes the others' workers at once.
            if (storage.IsPostgres)
                services.AddHostedService(sp => new Nodes.PostgresWakeups(storage, sp.GetRequiredService<DeliverySignal>(),
                    sp.GetRequiredService<ILogger<Nodes.PostgresWakeups>>()));
            services.AddHostedService(sp => new Workflow.Notices.StaffNoticeWorker(
                () => new AnshinDbContext(storage.Build()), sp.GetRequiredService<Workflow.Notices.StaffNoticeMailer>(),
                sp.GetRequiredService<TimeProvider>(), node));
        }
        if (inbound is { Enabled: true })
        {
            services.AddSingleton(inbound);
            services.AddHostedService<Subscribers.EmptyMailListener>();
        }
        return services;
    }
}
