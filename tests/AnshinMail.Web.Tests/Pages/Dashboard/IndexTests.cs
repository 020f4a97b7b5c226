using System.Text.RegularExpressions;
using System.Net;

namespace AnshinMail.Web.Tests.Pages.Dashboard;

/// <summary>The dashboard's year: any number in the address gets a page, never a 500.</summary>
public sealed class IndexTests : IAsyncLifetime
{
    private readonly WebApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("-1")]
    [InlineData("0")]
    [InlineData("1")]
    [InlineData("9999")]
    [InlineData("2147483647")]
    [InlineData("-2147483648")]
    public async Task AYearOutOfRange_ShowsThisYearWithAJapaneseMessage(string year)
    {
        var staff = await _app.SignedIn("demo-staff");
        var response = await staff.GetAsync($"/dashboard?year={year}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("表示できない年が指定されました", page);
        Assert.Contains("統計（2026年）", page);
    }

    [Fact]
    public async Task AYearInRange_IsShown()
    {
        var staff = await _app.SignedIn("demo-staff");
        var page = await staff.GetStringAsync("/dashboard?year=2025");
        Assert.Contains("統計（2025年）", page);
        Assert.DoesNotContain("表示できない年", page);
    }

    [Fact]
    public async Task DashboardDrawsTheDemoYearAsSvg()
    {
        var staff = await _app.SignedIn("demo-staff");
        var page = await staff.GetStringAsync("/dashboard?year=2026");
        Assert.Contains("<svg class=\"chart\"", page);
        Assert.Contains("<rect", page);        // the demo's sent alerts
        Assert.Contains("<polyline", page);    // subscribers over time
        Assert.DoesNotContain("<script", page);
    }
}
