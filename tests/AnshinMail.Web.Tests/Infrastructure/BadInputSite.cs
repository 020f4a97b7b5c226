using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using AnshinMail.Rules.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AnshinMail.Web.Tests.Infrastructure;

/// <summary>
/// One demo site shared by a group of corpus theories (an xunit class fixture): one signed-in client per person,
/// each with its antiforgery token fetched once, the targets the forms act on, and a snapshot of what is stored.
/// </summary>
public partial class BadInputSite : IAsyncLifetime
{
    /// <summary>No resident lives here: alerts the corpus sends mail nobody.</summary>
    public const string QuietArea = "小川村";

    private readonly Dictionary<string, (HttpClient Client, string Token)> _clients = [];
    private readonly Dictionary<string, string> _targets = [];
    private int _serial;

    public WebApp App { get; } = new();

    public virtual Task InitializeAsync()
    {
        App.Settings["AnshinMail:PublicPostsPerMinute"] = "100000";
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        foreach (var (client, _) in _clients.Values) client.Dispose();
        await App.DisposeAsync();
    }

    /// <summary>A number not used before on this site (for addresses and IDs that must be new).</summary>
    public int Next() => Interlocked.Increment(ref _serial);

    /// <summary>What the form acts on (a draft, an alert, a link), kept until an accepted post uses it up.</summary>
    public async Task<string> Target(BadInputForm form) =>
        _targets.TryGetValue(form.Name, out var url) ? url : _targets[form.Name] = await form.Target(this);

    public void UsedUp(BadInputForm form) => _targets.Remove(form.Name);

    /// <summary>A client for <paramref name="user"/> (null: anonymous), and its antiforgery token.</summary>
    public async Task<(HttpClient Client, string Token)> Client(string? user)
    {
        if (_clients.TryGetValue(user ?? "", out var known)) return known;
        var client = user is null ? App.Browser() : await App.SignedIn(user);
        var page = await client.GetStringAsync(user is null ? "/account/signin" : "/abnormality");
        var token = WebUtility.HtmlDecode(Token().Match(page).Groups[1].Value);
        Assert.False(string.IsNullOrEmpty(token), $"no antiforgery token for {user ?? "anonymous"}");
        return _clients[user ?? ""] = (client, token);
    }

    /// <summary>
    /// Drops the clients (after the clock moved past their sessions' end), or one (the anonymous client that signed
    /// in): the next post starts a new one.
    /// </summary>
    public void ForgetClients(Func<string?, bool>? which = null)
    {
        foreach (var key in _clients.Keys.Where(k => which?.Invoke(k == "" ? null : k) ?? true).ToList())
        {
            _clients[key].Client.Dispose();
            _clients.Remove(key);
        }
    }

    /// <summary>Posts the body (with the token) as <paramref name="user"/>.</summary>
    public async Task<HttpResponseMessage> Post(string? user, string url, FormBody body)
    {
        var (client, token) = await Client(user);
        using var content = body.Add("__RequestVerificationToken", token).Content();
        return await client.PostAsync(url, content);
    }

    public async Task<HttpResponseMessage> Post(string? user, string url, params (string Key, string Value)[] fields) =>
        await Post(user, url, new FormBody().Add(fields.Select(f => KeyValuePair.Create(f.Key, f.Value))));

    public async Task<T> Query<T>(Func<AnshinDbContext, Task<T>> query)
    {
        using var scope = App.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<AnshinDbContext>());
    }

    /// <summary>
    /// What the forms can store, in one text: rows counted, and the states the staff change (not those the
    /// delivery worker changes meanwhile). Refused input must leave it as it was. One SQLite query: the corpus
    /// takes a snapshot per post, and through the model the snapshots were a third of its time.
    /// </summary>
    public Task<string> Snapshot() => Query(db => db.Database
        .SqlQueryRaw<string>(db.Database.IsNpgsql() ? PostgresSnapshotSql : SnapshotSql).SingleAsync());

    private const string SnapshotSql = """
        SELECT 'draft versions ' || (SELECT count(*) FROM draft_versions)
            || ', approvals ' || (SELECT count(*) FROM approvals)
            || ', post reports ' || (SELECT count(*) FROM post_reports)
            || ', requests ' || (SELECT count(*) FROM unit_requests)
            || ', ledger ' || (SELECT count(*) FROM ledger_entries)
            || ', abnormality reports ' || (SELECT count(*) FROM abnormality_reports)
            || ', webhooks ' || (SELECT count(*) FROM webhooks)
            || ', registration links ' || (SELECT count(*) FROM registration_links)
            || ', audit ok ' || (SELECT count(*) FROM audit_events WHERE Outcome = 'ok' AND Actor <> 'system')
            || char(10) || (SELECT coalesce(group_concat('draft ' || Id || ' ' || Status || ' v' || Version,
                char(10)), '') FROM (SELECT * FROM drafts ORDER BY Id))
            || char(10) || (SELECT coalesce(group_concat('alert ' || Id || ' ' || coalesce(StoppedAt, '-') || ' '
                || coalesce(WithdrawnAt, '-') || ' ' || coalesce(ClosedAt, '-'), char(10)), '')
                FROM (SELECT * FROM alerts ORDER BY Id))
            || char(10) || (SELECT coalesce(group_concat('subscriber ' || Id || ' ' || Email || ' ' || Confirmed || ' '
                || Paused || ' ' || Categories || ' ' || Areas || ' ' || coalesce(QuietFrom, '-') || ' '
                || coalesce(QuietTo, '-'), char(10)), '') FROM (SELECT * FROM subscribers ORDER BY Id))
            || char(10) || (SELECT coalesce(group_concat('account ' || UserId || ' ' || Disabled || ' ' || Roles || ' '
                || PasswordHash, char(10)), '') FROM (SELECT * FROM person_accounts ORDER BY Id))
            AS Value
        """;

    /// <summary>The same snapshot in PostgreSQL's words (string_agg, chr, quoted column names).</summary>
    private const string PostgresSnapshotSql = """
        SELECT 'draft versions ' || (SELECT count(*) FROM draft_versions)
            || ', approvals ' || (SELECT count(*) FROM approvals)
            || ', post reports ' || (SELECT count(*) FROM post_reports)
            || ', requests ' || (SELECT count(*) FROM unit_requests)
            || ', ledger ' || (SELECT count(*) FROM ledger_entries)
            || ', abnormality reports ' || (SELECT count(*) FROM abnormality_reports)
            || ', webhooks ' || (SELECT count(*) FROM webhooks)
            || ', registration links ' || (SELECT count(*) FROM registration_links)
            || ', audit ok ' || (SELECT count(*) FROM audit_events WHERE "Outcome" = 'ok' AND "Actor" <> 'system')
            || chr(10) || (SELECT coalesce(string_agg('draft ' || "Id" || ' ' || "Status" || ' v' || "Version",
                chr(10) ORDER BY "Id"), '') FROM drafts)
            || chr(10) || (SELECT coalesce(string_agg('alert ' || "Id" || ' ' || coalesce("StoppedAt"::text, '-')
                || ' ' || coalesce("WithdrawnAt"::text, '-') || ' ' || coalesce("ClosedAt"::text, '-'),
                chr(10) ORDER BY "Id"), '') FROM alerts)
            || chr(10) || (SELECT coalesce(string_agg('subscriber ' || "Id" || ' ' || "Email" || ' ' || "Confirmed"
                || ' ' || "Paused" || ' ' || "Categories" || ' ' || "Areas" || ' ' || coalesce("QuietFrom", '-')
                || ' ' || coalesce("QuietTo", '-'), chr(10) ORDER BY "Id"), '') FROM subscribers)
            || chr(10) || (SELECT coalesce(string_agg('account ' || "UserId" || ' ' || "Disabled" || ' ' || "Roles"
                || ' ' || "PasswordHash", chr(10) ORDER BY "Id"), '') FROM person_accounts)
            AS "Value"
        """;

    /// <summary>Y11.1: the three privacy confirmations of the book.</summary>
    public static readonly string[] Confirmations =
        ["no-investigation-hindrance", "victim-not-identifiable", "no-secondary-victimisation"];

    /// <summary>A valid child-safety draft to the quiet area, as the draft form posts it.</summary>
    public static List<KeyValuePair<string, string>> Draft(string area = QuietArea) =>
    [
        new("Form.CategoryId", "child-safety"),
        new("Form.Headline", "声かけ事案の発生"),
        new("Form.OccurredAt", "2026-11-26T15:30"),
        new("Form.Place", "小川村大字高府地籍の路上"),
        new("Form.WhatHappened", "下校中の女子児童が、男から声をかけられる事案が発生しました。"),
        new("Form.PersonSex", "男"),
        new("Form.VictimAge", "10"),
        new("Form.VictimSex", "Female"),
        new("Form.Areas", area),
    ];

    /// <summary>A new draft of demo-staff (Y9.1); its id.</summary>
    public async Task<long> NewDraft()
    {
        var response = await Post("demo-staff", "/drafts/new?handler=Save", new FormBody().Add(Draft()));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Id(response);
    }

    /// <summary>A new draft approved by demo-head with the three confirmations (Y9.2, Y11.1).</summary>
    public async Task<long> ApprovedDraft()
    {
        var id = await NewDraft();
        var body = new FormBody();
        foreach (var c in Confirmations) body.Add("Confirmations", c);
        var response = await Post("demo-head", $"/drafts/{id}?handler=Approve", body);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return id;
    }

    /// <summary>A new alert released by demo-staff: sent inside sending hours, held outside them.</summary>
    public async Task<long> ReleasedAlert()
    {
        var id = await ApprovedDraft();
        var response = await Post("demo-staff", $"/drafts/{id}?handler=Send", ("Rechecked", "true"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Id(response);
    }

    public static long Id(HttpResponseMessage response) => IdIn(response.Headers.Location!.ToString());

    /// <summary>The last number in a URL (the draft or alert a target is); 0 when there is none.</summary>
    public static long IdIn(string url) =>
        LastNumber().Match(url) is { Success: true } m ? long.Parse(m.Value, CultureInfo.InvariantCulture) : 0;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex(@"\d+(?=[^\d]*$)")]
    private static partial Regex LastNumber();
}
