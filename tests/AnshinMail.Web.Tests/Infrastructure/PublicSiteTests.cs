using AnshinMail.Web.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace AnshinMail.Web.Tests.Infrastructure;

/// <summary>Where the public base URL comes from, which hosts the app answers to, and what it says at start.</summary>
public sealed class PublicSiteTests
{
    private static ConfigurationManager Config(params (string Key, string Value)[] settings)
    {
        var config = new ConfigurationManager();
        foreach (var (key, value) in settings) config[key] = value;
        return config;
    }

    [Theory]
    [InlineData("https://anshin.example.jp", "https://anshin.example.jp")]
    [InlineData("https://anshin.example.jp/", "https://anshin.example.jp")]
    [InlineData("https://www.example.jp/anshin/", "https://www.example.jp/anshin")]
    [InlineData("http://10.0.0.5:8080", "http://10.0.0.5:8080")]
    public void T5_TheConfiguredBaseUrlIsUsed(string configured, string expected)
    {
        var site = PublicSite.From(Config((PublicSite.Key, configured), (PublicSite.OldKey, "https://old.example.jp")));
        Assert.Equal(expected, site.BaseUrl);
        Assert.True(site.Configured);
    }

    [Theory]
    [InlineData("anshin.example.jp")]
    [InlineData("ftp://anshin.example.jp")]
    [InlineData("https://anshin.example.jp/?a=1")]
    [InlineData("https://user:pw@anshin.example.jp")]
    [InlineData("/relative")]
    public void T5_ABaseUrlThatIsNotOne_StopsTheStartWithTheKeyNamed(string configured)
    {
        var e = Assert.Throws<InvalidOperationException>(() => PublicSite.From(Config((PublicSite.Key, configured))));
        Assert.Contains(PublicSite.Key, e.Message);
        Assert.Contains("公開URL", e.Message);
    }

    [Theory]
    [InlineData("urls", "http://localhost:5080", "http://localhost:5080")]
    [InlineData("urls", "https://localhost:7001;http://localhost:5080", "https://localhost:7001")]
    [InlineData("urls", "http://*:8080", "http://localhost:8080")]
    [InlineData("urls", "http://0.0.0.0:8080", "http://localhost:8080")]
    [InlineData("http_ports", "8080", "http://localhost:8080")]
    [InlineData("Kestrel:Endpoints:Web:Url", "http://192.0.2.7:5080", "http://192.0.2.7:5080")]
    [InlineData("unrelated", "x", "http://localhost:5000")]
    public void T5_Unconfigured_TheListeningAddressIsUsed(string key, string value, string expected)
    {
        var site = PublicSite.From(Config((key, value)));
        Assert.Equal(expected, site.BaseUrl);
        Assert.False(site.Configured);
    }

    [Theory]
    [InlineData(PublicSite.Key, "https://anshin.example.jp/x", "anshin.example.jp")]
    [InlineData(PublicSite.Key, "https://安心.example.jp", "xn--49s41h.example.jp")]
    [InlineData("urls", "http://localhost:5080", "localhost;127.0.0.1;[::1]")]
    [InlineData("urls", "http://192.0.2.7:5080", "192.0.2.7")]
    public void T5_AllowedHostsComeFromTheSameSetting(string key, string value, string expected)
    {
        var config = Config((key, value));
        PublicSite.From(config).ApplyAllowedHosts(config);
        Assert.Equal(expected, config["AllowedHosts"]);
    }

    [Fact]
    public void T5_AnExplicitAllowedHostsWins_AndAWildcardListenerLeavesItOpen()
    {
        var config = Config(
            (PublicSite.Key, "https://anshin.example.jp"), ("AllowedHosts", "anshin.example.jp;monitor.local"));
        PublicSite.From(config).ApplyAllowedHosts(config);
        Assert.Equal("anshin.example.jp;monitor.local", config["AllowedHosts"]);
        var wildcard = Config(("urls", "http://*:8080"));
        PublicSite.From(wildcard).ApplyAllowedHosts(wildcard);
        Assert.Null(wildcard["AllowedHosts"]);
    }

    [Fact]
    public void T5_Unconfigured_TheStartSaysWhereLinksPoint()
    {
        var log = new ListLogger();
        PublicSite.From(Config(("urls", "http://localhost:5080"))).Announce(log);
        var (level, message) = Assert.Single(log.Entries);
        Assert.Equal(LogLevel.Warning, level);
        Assert.Contains("http://localhost:5080", message);
        Assert.Contains(PublicSite.Key, message);
    }

    private sealed class ListLogger : ILogger
    {
        public List<(LogLevel Level, string Message)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter) =>
            Entries.Add((logLevel, formatter(state, exception)));
    }
}
