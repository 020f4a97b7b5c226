using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using IPNetwork = System.Net.IPNetwork;

namespace AnshinMail.Web.Infrastructure;

/// <summary>
/// Behind the reverse proxy of docs/operations.md every request reaches a node from the proxy's address. Without
/// this, the per-IP limits on sign-in and on the residents' forms would count every resident and every officer as
/// one client (anyone could keep all officers from signing in), and a TLS proxy's requests would look like plain
/// http. <c>AnshinMail:ReverseProxy:KnownProxies</c> names the proxies (addresses or networks, "10.0.0.5" or
/// "10.0.0.0/24"): only a request that comes from one of them has its <c>X-Forwarded-For</c> and
/// <c>X-Forwarded-Proto</c> believed; anyone else's are ignored, so a client cannot pick its own address.
/// Unset: no forwarded header is believed at all.
/// </summary>
public static class ReverseProxy
{
    /// <summary>The setting that lists the trusted proxies (a list, or one comma-separated value).</summary>
    public const string Key = "AnshinMail:ReverseProxy:KnownProxies";

    /// <summary>The trusted proxies of <see cref="Key"/>; empty when none is set.</summary>
    public static IReadOnlyList<IPNetwork> KnownProxies(IConfiguration config)
    {
        var section = config.GetSection(Key);
        const StringSplitOptions Parts = StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries;
        return section.GetChildren().Select(c => c.Value).Append(section.Value)
            .SelectMany(v => (v ?? "").Split(',', Parts)).Select(Parse).ToList();
    }

    /// <summary>Believes the forwarded client address and scheme from the known proxies only (first in the
    /// pipeline, before the rate limits and the cookies read them).</summary>
    public static IApplicationBuilder UseReverseProxy(this IApplicationBuilder app, IReadOnlyList<IPNetwork> proxies)
    {
        if (proxies.Count == 0) return app;
        var options = new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto,
            // Several known proxies in a row are walked back; the first address that is not one of them is the client.
            ForwardLimit = null,
        };
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var network in proxies) options.KnownIPNetworks.Add(network);
        return app.UseForwardedHeaders(options);
    }

    private static IPNetwork Parse(string value)
    {
        if (IPAddress.TryParse(value, out var address))
            return new IPNetwork(address, address.GetAddressBytes().Length * 8);
        if (IPNetwork.TryParse(value, out var network)) return network;
        throw new InvalidOperationException(
            $"設定 {Key} の値 '{value}' はプロキシのアドレスとして使えません"
            + "（例: 10.0.0.5 または 10.0.0.0/24）。"
            + $" The setting {Key} must list IP addresses or networks, e.g. 10.0.0.5 or 10.0.0.0/24.");
    }
}
