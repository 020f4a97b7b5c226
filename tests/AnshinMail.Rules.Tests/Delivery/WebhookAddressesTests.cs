using System.Net;
using AnshinMail.Rules.Delivery;

namespace AnshinMail.Rules.Tests.Delivery;

/// <summary>
/// T5(2), Y7.4: webhooks go to the organisations' public servers, never into AnshinMail's own network (SSRF).
/// </summary>
public sealed class WebhookAddressesTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.8.9.10")]
    [InlineData("0.0.0.0")]
    [InlineData("0.1.2.3")]
    [InlineData("10.0.0.1")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.255")]
    [InlineData("192.168.1.1")]
    [InlineData("169.254.169.254")]
    [InlineData("100.64.0.1")]
    [InlineData("224.0.0.1")]
    [InlineData("239.255.255.250")]
    [InlineData("255.255.255.255")]
    [InlineData("::1")]
    [InlineData("::")]
    [InlineData("fe80::1")]
    [InlineData("fc00::1")]
    [InlineData("fd12:3456::1")]
    [InlineData("ff02::1")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("::ffff:10.1.2.3")]
    public void T5_2_InternalAddressesAreRefused(string address) =>
        Assert.True(WebhookAddresses.IsInternal(IPAddress.Parse(address)));

    [Theory]
    [InlineData("203.0.113.10")]
    [InlineData("8.8.8.8")]
    [InlineData("172.32.0.1")]
    [InlineData("192.169.0.1")]
    [InlineData("2001:db8::1")]
    [InlineData("2404:6800:4004:80b::200e")]
    public void T5_2_PublicAddressesAreTaken(string address) =>
        Assert.False(WebhookAddresses.IsInternal(IPAddress.Parse(address)));

    [Theory]
    [InlineData("https://127.0.0.1/hook")]
    [InlineData("https://[::1]:8443/hook")]
    [InlineData("https://localhost/hook")]
    [InlineData("https://api.localhost/hook")]
    [InlineData("https://10.0.0.5/hook")]
    [InlineData("https://169.254.169.254/latest/meta-data")]
    [InlineData("https://0x7f000001/hook")]
    [InlineData("https://2130706433/hook")]
    public async Task T5_2_ARegisteredUrlOnAnInternalAddressIsRefused(string url) =>
        Assert.NotNull(await WebhookAddresses.RefusalAsync(new Uri(url), new WebhookOptions(), CancellationToken.None));

    [Fact]
    public async Task T5_2_AHostTheConfigurationNamesIsAllowed()
    {
        var options = new WebhookOptions { AllowedHosts = ["127.0.0.1", "Hooks.Internal.Example.JP"] };
        Task<string?> Refusal(string url) =>
            WebhookAddresses.RefusalAsync(new Uri(url), options, CancellationToken.None);
        Assert.Null(await Refusal("https://127.0.0.1:8443/hook"));
        Assert.Null(await Refusal("https://hooks.internal.example.jp/hook"));
        Assert.NotNull(await Refusal("https://127.0.0.2/hook"));
    }
}
