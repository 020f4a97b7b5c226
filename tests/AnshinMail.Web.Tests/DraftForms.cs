using System.Net;
using System.Text.RegularExpressions;

namespace AnshinMail.Web.Tests;

/// <summary>The staff forms as the pages' tests fill them: a child-safety draft, the three confirmations, approval.</summary>
public static partial class DraftForms
{
    public static Dictionary<string, string> Draft(string headline = "声かけ事案の発生") => new()
    {
        ["Form.CategoryId"] = "child-safety",
        ["Form.Headline"] = headline,
        ["Form.OccurredAt"] = "2026-11-26T15:30",
        ["Form.Place"] = "長野市大字鶴賀地籍の路上",
        ["Form.WhatHappened"] = "下校中の女子児童が、男から声をかけられる事案が発生しました。",
        ["Form.PersonSex"] = "男",
        ["Form.VictimAge"] = "10",
        ["Form.VictimSex"] = "Female",
        ["Form.Areas"] = "長野市北部",
    };

    public static async Task<long> CreateDraft(HttpClient staff, Dictionary<string, string>? fields = null)
    {
        var response = await staff.PostForm("/drafts/new?handler=Save", fields ?? Draft());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return long.Parse(DraftId().Match(response.Headers.Location!.ToString()).Groups[1].Value,
            System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A child-safety draft by <paramref name="staff"/>, approved by the demo's unit head and sent;
    /// returns the alert's id.</summary>
    public static async Task<long> Released(WebApp app, HttpClient staff)
    {
        var id = await CreateDraft(staff);
        var head = await app.SignedIn("demo-head");
        await head.PostForm($"/drafts/{id}?handler=Approve", [], extra: AllConfirmations);
        var send = await staff.PostForm($"/drafts/{id}?handler=Send", new() { ["Rechecked"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, send.StatusCode);
        return long.Parse(send.Headers.Location!.ToString().Split('/').Last(),
            System.Globalization.CultureInfo.InvariantCulture);
    }

    public static IEnumerable<KeyValuePair<string, string>> AllConfirmations =>
        new[] { "no-investigation-hindrance", "victim-not-identifiable", "no-secondary-victimisation" }
            .Select(c => new KeyValuePair<string, string>("Confirmations", c));

    /// <summary>Approves a draft as the given approver; returns where the page sent them.</summary>
    public static async Task<string> Approve(HttpClient head, long id)
    {
        var response = await head.PostForm($"/drafts/{id}?handler=Approve", [], extra: AllConfirmations);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!.ToString();
    }

    /// <summary>The draft id in an edit page's address.</summary>
    public static long EditedDraft(string location) =>
        long.Parse(EditUrl().Match(location).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex(@"/drafts/(\d+)")]
    private static partial Regex DraftId();

    [GeneratedRegex(@"/drafts/(\d+)/edit")]
    private static partial Regex EditUrl();
}
