using System.Net;
using System.Net.Sockets;

namespace AnshinMail.Rules.Delivery;

/// <summary>
/// T5(2), Y7.4: a webhook must not reach into AnshinMail's own network (server-side request forgery). Internal
/// addresses are refused when a webhook is registered and again at every connection, after name resolution, so
/// that neither a name that resolves inward nor a redirect gets through; hosts named in <see cref="WebhookOptions"/>
/// are allowed.
/// </summary>
internal static class WebhookAddresses
{
    public const string Refusal = "Webhook の宛先が内部のアドレス（ループバック・プライベート・リンクローカル等）のため送信しません。";

    /// <summary>
    /// Loopback, unspecified, private, shared (CGNAT), link-local, unique-local, multicast, broadcast or reserved.
    /// </summary>
    public static bool IsInternal(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return b[0] is 0 or 10 or 127 or >= 224
                || (b[0] == 100 && b[1] is >= 64 and < 128)
                || (b[0] == 169 && b[1] == 254)
                || (b[0] == 172 && b[1] is >= 16 and < 32)
                || (b[0] == 192 && b[1] == 168);
        }
        return IPAddress.IsLoopback(address) || address.Equals(IPAddress.IPv6None) || address.IsIPv6LinkLocal
            || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal || address.IsIPv6Multicast;
    }

    /// <summary>
    /// Why a webhook URL may not be registered (Japanese), or null. Names are resolved; a name that does not resolve
    /// passes.
    /// </summary>
    public static async Task<string?> RefusalAsync(Uri url, WebhookOptions options, CancellationToken ct)
    {
        var host = url.IdnHost;
        if (options.Allows(host)) return null;
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase))
            return Refusal;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            return (await ResolveAsync(host, timeout.Token)).Any(IsInternal) ? Refusal : null;
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            return null; // checked again, after resolution, at every send
        }
    }

    /// <summary>
    /// A handler whose every connection goes only to addresses checked after resolution; no proxy, no redirects.
    /// </summary>
    public static SocketsHttpHandler Handler(WebhookOptions options) => new()
    {
        UseProxy = false,
        AllowAutoRedirect = false,
        ConnectCallback = async (context, ct) =>
        {
            var (host, port) = (context.DnsEndPoint.Host, context.DnsEndPoint.Port);
            var addresses = await ResolveAsync(host, ct);
            if (!options.Allows(host) && (addresses.Length == 0 || addresses.Any(IsInternal)))
                throw new WebhookAddressException($"{Refusal} ({host})");
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(addresses, port, ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };

    private static async Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct) =>
        IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);
}

/// <summary>A webhook connection refused because its host is, or resolves to, an internal address.</summary>
public sealed class WebhookAddressException(string message) : Exception(message);
