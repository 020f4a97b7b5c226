using System.Net;
using System.Text.RegularExpressions;

namespace AnshinMail.Web.Tests.Infrastructure;

/// <summary>User text is data: a script in every field stays inert on every page, feed and document it reaches.</summary>
public sealed class InertTextTests : IAsyncLifetime
{
    private const string Payload = "<script>alert('x')</script><img src=x onerror=alert(1)>{{ 7*7 }}";
    private readonly WebApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static void Inert(string where, string text)
    {
        Assert.False(text.Contains("<script>alert('x')", StringComparison.Ordinal), $"raw script in {where}");
        Assert.False(text.Contains("<img src=x onerror", StringComparison.Ordinal), $"raw markup in {where}");
        Assert.True(text.Contains("{{ 7*7 }}", StringComparison.Ordinal), $"the text (as typed, template code not run) is missing in {where}");
    }

    [Fact]
    public async Task EveryFieldOnEveryPageAndFeed()
    {
        var staff = await _app.SignedIn("demo-staff");
        var fields = DraftForms.Draft(Payload);
        foreach (var key in new[] { "Form.Place", "Form.WhatHappened", "Form.WordsSaid", "Form.PersonSex", "Form.PersonAge", "Form.PersonHeight",
                     "Form.PersonBuild", "Form.PersonClothing", "Form.PersonVehicle", "Form.Advice" })
            fields[key] = Payload;
        var preview = await (await staff.PostForm("/drafts/new?handler=Preview", fields, "/drafts/new")).Content.ReadAsStringAsync();
        Inert("preview", preview);
        var id = await DraftForms.CreateDraft(staff, fields);
        var head = await _app.SignedIn("demo-head");
        await head.PostForm($"/drafts/{id}?handler=Approve", [], extra: DraftForms.AllConfirmations);
        var sent = await staff.PostForm($"/drafts/{id}?handler=Send", new() { ["Rechecked"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var alertId = sent.Headers.Location!.ToString().Split('/').Last();

        foreach (var page in new[] { $"/drafts/{id}", $"/drafts/{id}/edit", $"/drafts/{id}/print", $"/sent/{alertId}", "/", "/ledger" })
            Inert(page, await staff.GetStringAsync(page));
        var ledger = await staff.GetStringAsync("/ledger");
        var entry = Regex.Matches(ledger, "href=\"(/ledger/\\d+)\"").Last().Groups[1].Value; // ours is the newest number
        Inert(entry, await staff.GetStringAsync(entry));

        var anonymous = _app.Browser();
        foreach (var page in new[] { "/alerts", $"/alerts/{alertId}" })
            Inert(page, await anonymous.GetStringAsync(page));
        var atom = await anonymous.GetStringAsync("/feed.atom");
        Assert.Contains("&lt;script&gt;", atom);
        Inert("/feed.atom", atom);
        var cap = await anonymous.GetStringAsync($"/alerts/{alertId}.cap.xml");
        Assert.Contains("&lt;script&gt;", cap);
        Inert("cap", cap);

        var admin = await _app.SignedIn("demo-admin");
        await admin.PostForm("/admin/organisations", new() { ["Name"] = Payload, ["Contact"] = Payload, ["Email"] = "org@example.jp", ["Categories"] = "child-safety", ["Areas"] = "長野市北部" });
        Inert("/admin/organisations", await admin.GetStringAsync("/admin/organisations"));
        Inert("/admin/audit", await admin.GetStringAsync("/admin/audit"));
        await staff.PostForm("/abnormality", new() { ["Description"] = Payload });
        Inert("/admin/audit (abnormality)", await admin.GetStringAsync("/admin/audit"));
    }
}
