namespace AnshinMail.Web.Infrastructure;

/// <summary>
/// The one public base URL every absolute link is built from (Atom and CAP feeds, mails, webhooks, posters' QR
/// codes), never the request's Host header; and the hosts the app answers to (AllowedHosts), from the same place.
/// </summary>
public sealed record PublicSite(string BaseUrl, bool Configured, string Source)
{
    public const string Key = "AnshinMail:PublicBaseUrl";
    /// <summary>The key of earlier versions, for mails only; still read when <see cref="Key"/> is not set.</summary>
    public const string OldKey = "AnshinMail:Delivery:PublicBaseUrl";
    private static readonly string[] Wildcards = ["*", "+", "0.0.0.0", "[::]"];
    private static readonly string[] Loopback = ["localhost", "127.0.0.1", "[::1]"];

    public Uri Address => new(BaseUrl);

    /// <summary>
    /// The base URL from <see cref="Key"/> (or <see cref="OldKey"/>), else from the address the app listens on.
    /// </summary>
    public static PublicSite From(IConfiguration config)
    {
        foreach (var key in new[] { Key, OldKey })
            if (config[key] is { Length: > 0 } configured)
                return new PublicSite(Check(configured, key), true, key);
        var listening = Listening(config);
        var uri = new Uri(listening.Replace("://*", "://localhost").Replace("://+", "://localhost")
            .Replace("://0.0.0.0", "://localhost").Replace("://[::]", "://localhost"));
        return new PublicSite(uri.GetLeftPart(UriPartial.Authority), false, listening);
    }

    /// <summary>An absolute link to a path of the site ("/alerts/1").</summary>
    public string Link(string path) => BaseUrl + path;

    /// <summary>
    /// Host filtering: the public host (with the loopback names when the site is the local listening address).
    /// An AllowedHosts set explicitly wins; a wildcard listening address leaves it open.
    /// </summary>
    public void ApplyAllowedHosts(IConfigurationManager config)
    {
        if (!string.IsNullOrEmpty(config["AllowedHosts"])) return;
        if (!Configured && Wildcards.Any(w => Source.Contains("://" + w, StringComparison.Ordinal))) return;
        var address = Address;
        var host = address.HostNameType == UriHostNameType.IPv6 ? address.Host : address.IdnHost;
        var hosts = !Configured && Loopback.Contains(host) ? Loopback : [host];
        config["AllowedHosts"] = string.Join(';', hosts);
    }

    /// <summary>
    /// Says at start where the links point, and how to change it when they point at the listening address.
    /// </summary>
    public void Announce(ILogger log)
    {
        if (Configured)
            log.LogInformation("Public base URL {Url} ({Key})", BaseUrl, Source);
        else
            log.LogWarning("公開URL（{Key}）が未設定のため、待ち受けアドレス {Url} をフィード・メール・ポスターのリンクに使います。"
                + " {Key} is not set: links in feeds, mails and posters use the listening address {Url};"
                + " set it to the public https address.",
                Key, BaseUrl, Key, BaseUrl);
    }

    private static string Check(string value, string key)
    {
        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
            || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment)
            || !string.IsNullOrEmpty(uri.UserInfo))
            throw new InvalidOperationException(
                $"設定 {key} の値 '{value}' は公開URLとして使えません（例: https://anshin.example.jp）。"
                + $" The setting {key} must be an absolute http(s) URL without query, e.g. https://anshin.example.jp.");
        return uri.GetLeftPart(UriPartial.Path).TrimEnd('/');
    }

    /// <summary>
    /// The first address Kestrel is told to listen on (urls, http_ports, Kestrel:Endpoints), else its default.
    /// </summary>
    private static string Listening(IConfiguration config)
    {
        if (config["urls"] is { Length: > 0 } urls)
            return urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[0];
        if (config["http_ports"] is { Length: > 0 } ports) return $"http://localhost:{ports.Split(';')[0].Trim()}";
        var endpoints = config.GetSection("Kestrel:Endpoints").GetChildren().Select(e => e["Url"]);
        if (endpoints.FirstOrDefault(u => !string.IsNullOrEmpty(u)) is { } url) return url;
        return "http://localhost:5000";
    }
}
