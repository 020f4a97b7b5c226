using Microsoft.Extensions.DependencyInjection;

namespace AnshinMail.Web.Tests.Pages.Book;

/// <summary>/policy-book: the book in force, with the values that are not from the seed marked 要確認 (Y15).</summary>
public sealed class IndexTests : IAsyncLifetime
{
    private readonly WebApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    /// <summary>Y15: the list comes from the book's toConfirm, with each value as the book has it now.</summary>
    [Fact]
    public async Task Y15_TheBookPageListsTheValuesToConfirm_ForTheSecurityManager()
    {
        var admin = await _app.SignedIn("demo-admin");
        var page = await admin.GetStringAsync("/policy-book");
        var section = page[page.IndexOf("id=\"to-confirm\"", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("</section>", StringComparison.Ordinal)];
        var book = _app.Services.GetRequiredService<AnshinMail.Rules.PolicyBooks.PolicyBook>();
        Assert.True(book.ToConfirm.Count >= 10);
        Assert.Equal(book.ToConfirm.Count, System.Text.RegularExpressions.Regex.Matches(section, "要確認</span>").Count);
        Assert.Contains("<td><code>dutySystem.weekdayStart</code> <span class=\"badge\">要確認</span></td><td><code>17:15</code></td>",
            section);
        Assert.Contains("<code>passwordPolicy.sessionTimeoutMinutes</code>", section);
        Assert.Contains("<code>units[].jurisdiction</code>", section);
        Assert.Contains("<code>categories[].divisionInCharge</code>", section);
    }
}
