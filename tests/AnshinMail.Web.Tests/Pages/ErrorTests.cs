using System.Net;
using System.Text;

namespace AnshinMail.Web.Tests.Pages;

/// <summary>
/// The error page: a bad request stays a 400 with the Japanese page, and no number becomes a status line.
/// </summary>
public sealed class ErrorTests : IAsyncLifetime
{
    private readonly WebApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static async Task AssertJapanese400(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("送信された内容を受け付けられませんでした", text);
        Assert.DoesNotContain("Exception", text);
    }

    [Fact]
    public async Task MoreThan1024FormValues_IsA400_NotA500()
    {
        var staff = await _app.SignedIn("demo-staff");
        var fields = Enumerable.Range(0, 1100).ToDictionary(i => $"f{i}", _ => "x");
        await AssertJapanese400(await staff.PostForm("/drafts/new?handler=Save", fields, "/drafts/new"));
    }

    [Fact]
    public async Task AFourMegabyteValue_IsA400_NotA500()
    {
        var staff = await _app.SignedIn("demo-staff");
        var fields = new Dictionary<string, string> { ["Form.Headline"] = new('あ', 4 * 1024 * 1024 / 3 + 10) };
        await AssertJapanese400(await staff.PostForm("/drafts/new?handler=Save", fields, "/drafts/new"));
    }

    [Fact]
    public async Task ANulInAField_IsNeverA500()
    {
        var staff = await _app.SignedIn("demo-staff");
        var response = await staff.PostForm("/drafts/new?handler=Save", DraftForms.Draft("声かけ\0事案"), "/drafts/new");
        Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.DoesNotContain("Exception", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AFormRefusedForItsMissingToken_StaysA400_WhateverItCarries()
    {
        var staff = await _app.SignedIn("demo-staff");
        using var body = new StringContent(
            "status=200&a=%00&b=%%%", Encoding.ASCII, "application/x-www-form-urlencoded");
        var response = await staff.PostAsync("/drafts/new?handler=Save&status=200", body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("600", HttpStatusCode.InternalServerError)]
    [InlineData("-1", HttpStatusCode.InternalServerError)]
    [InlineData("2147483647", HttpStatusCode.InternalServerError)]
    [InlineData("200", HttpStatusCode.InternalServerError)]
    [InlineData("399", HttpStatusCode.InternalServerError)]
    [InlineData("abc", HttpStatusCode.InternalServerError)]
    [InlineData("404", HttpStatusCode.NotFound)]
    [InlineData("429", HttpStatusCode.TooManyRequests)]
    [InlineData("599", (HttpStatusCode)599)]
    public async Task OnlyErrorStatusesAreHonoured_AnythingElseIsA500(string status, HttpStatusCode expected)
    {
        var response = await _app.Browser().GetAsync($"/Error?status={status}");
        Assert.Equal(expected, response.StatusCode);
        Assert.Contains("参照番号", await response.Content.ReadAsStringAsync());
    }
}
