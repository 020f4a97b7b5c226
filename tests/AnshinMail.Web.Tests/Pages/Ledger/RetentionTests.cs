using System.Net;
using System.Text.RegularExpressions;

namespace AnshinMail.Web.Tests.Pages.Ledger;

/// <summary>/ledger/retention: disposal of what the retention rule allows (Y10).</summary>
public sealed class RetentionTests : IAsyncLifetime
{
    private readonly WebApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task RetentionPageListsNothingDisposableInTheFirstYear()
    {
        var admin = await _app.SignedIn("demo-admin");
        var page = await admin.GetStringAsync("/ledger/retention");
        Assert.Contains("廃棄できる年はありません。", page);
    }
}
