using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using AnshinMail.Rules.Policy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace AnshinMail.Rules.Subscribers;

/// <summary>
/// 空メール登録: an inbound SMTP listener (the SmtpServer package). Any mail it receives is answered,
/// at the envelope sender, with a personal registration link; replies are limited per address.
/// </summary>
public sealed class EmptyMailListener(InboundOptions options, IServiceScopeFactory scopes, TimeProvider clock, ILogger<EmptyMailListener> log) : BackgroundService
{
    private readonly ConcurrentDictionary<string, List<DateTimeOffset>> _replies = new(StringComparer.OrdinalIgnoreCase);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var smtpOptions = new SmtpServerOptionsBuilder().ServerName("anshinmail")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Parse(options.Address), options.Port))).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        var server = new SmtpServer.SmtpServer(smtpOptions, services);
        log.LogInformation("Empty-mail registration listening on {Address}:{Port}", options.Address, options.Port);
        await server.StartAsync(stoppingToken);
    }

    /// <summary>True when this address may get another reply now (and counts it).</summary>
    internal bool MayReply(string address)
    {
        var now = clock.GetUtcNow();
        var list = _replies.GetOrAdd(address, _ => []);
        lock (list)
        {
            list.RemoveAll(t => now - t > TimeSpan.FromHours(1));
            if (list.Count >= options.RepliesPerHour) return false;
            list.Add(now);
            return true;
        }
    }

    internal async Task Answer(string from, CancellationToken ct)
    {
        if (!MayReply(from))
        {
            log.LogInformation("Empty mail from {From}: reply limit reached", from);
            return;
        }
        using var scope = scopes.CreateScope();
        try
        {
            await scope.ServiceProvider.GetRequiredService<SubscriptionService>().ReplyToEmptyMailAsync(from, ct);
        }
        catch (PolicyRefusedException e)
        {
            log.LogWarning("Empty mail from {From} not answered: {Reason}", from, e.Message);
        }
    }

    private sealed class Store(EmptyMailListener owner) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken ct)
        {
            // A null reverse-path (bounces, auto-replies) is never answered.
            if (transaction.From is { } from && !string.IsNullOrEmpty(from.User) && !string.IsNullOrEmpty(from.Host))
                await owner.Answer($"{from.User}@{from.Host}", ct);
            return SmtpResponse.Ok;
        }
    }
}
