using AnshinMail.Rules.PolicyBooks;
using Microsoft.Extensions.DependencyInjection;

namespace AnshinMail.Web.Tests.Pages.Public;

/// <summary>T5, issue 16: 利用規約 and 個人情報の取扱い are the book's text (templates/pages/), open to anyone.</summary>
public sealed class TermsTests : IAsyncLifetime
{
    private readonly WebApp _app = new(demo: false);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("/terms", "pages/terms.sbn")]
    [InlineData("/privacy", "pages/privacy.sbn")]
    public async Task T5_TermsAndPrivacyPagesShowTheBooksText(string path, string template)
    {
        var page = await _app.Browser().GetStringAsync(path);
        var book = _app.Services.GetRequiredService<PolicyBook>();
        var source = await File.ReadAllLinesAsync(Path.Combine(book.TemplatesDirectory, template));
        Assert.Contains($"<h1>{book.SystemName} ", page);
        // Every heading and list item of the template is on the page, with the book's values filled in.
        foreach (var line in source.Where(l => l.StartsWith("## ", StringComparison.Ordinal) || l.StartsWith("- ", StringComparison.Ordinal)))
        {
            var text = line[(line.IndexOf(' ') + 1)..].Replace("{{ system_name }}", book.SystemName)
                .Replace("{{ prefecture }}", book.Prefecture).Replace("{{ sender_domain }}", book.SenderDomain)
                .Replace("{{ sender_address }}", book.Sender.Address);
            Assert.Contains(text, page);
        }
        Assert.DoesNotContain("{{", page);
    }
}
