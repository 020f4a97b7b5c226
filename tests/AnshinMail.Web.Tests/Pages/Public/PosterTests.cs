namespace AnshinMail.Web.Tests.Pages.Public;

/// <summary>T5(1): the registration poster of a station.</summary>
public sealed class PosterTests : IAsyncLifetime
{
    private readonly WebApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task T5_PosterHasAQrCodeOfTheStationsRegistrationPage()
    {
        var client = _app.Browser();
        Assert.Contains("/poster?station=nagano-chuo", await client.GetStringAsync("/poster"));
        var poster = await client.GetStringAsync("/poster?station=nagano-chuo");
        Assert.Contains("<svg", poster);
        Assert.Contains("/subscribe?station=nagano-chuo", poster);
        Assert.DoesNotContain("style=", poster); // the CSP allows no inline styles
        var form = await client.GetStringAsync("/subscribe?station=nagano-chuo");
        Assert.Contains("value=\"信濃町\" checked", form);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.GetAsync("/poster?station=nowhere")).StatusCode);
    }

    /// <summary>Issue 16: beside the web QR code, a mailto: QR code of the station's own registration address.</summary>
    [Fact]
    public async Task T5_PosterHasAMailtoQrCodeOfTheStationsRegistrationAddress()
    {
        var poster = await _app.Browser().GetStringAsync("/poster?station=kiso");
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(poster, "<svg").Count);
        Assert.Contains("touroku-kiso@example.jp", poster);
        Assert.Contains("空メールで登録", poster);
    }
}
