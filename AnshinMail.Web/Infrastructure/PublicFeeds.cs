using AnshinMail.Rules.Delivery;
using AnshinMail.Rules.Feeds;
using AnshinMail.Rules.PolicyBooks;

namespace AnshinMail.Web.Infrastructure;

/// <summary>Atom (all, per category, per area), CAP 1.2 per alert, and the CAP index as Atom. Anonymous, read-only.</summary>
public static class PublicFeeds
{
    public static void MapPublicFeeds(this WebApplication app)
    {
        app.MapGet("/feed.atom", async (HttpContext http, PublicArchive archive, AtomFeed atom, PolicyBook book, TimeProvider clock, string? category, string? area) =>
        {
            var c = book.Categories.FirstOrDefault(x => x.Id == category);
            var a = area is not null && book.AllAreas.Contains(area) ? area : null;
            var page = await archive.PageAsync(c?.Id, a, pageSize: 50);
            var title = $"{book.SystemName}{(c is null ? "" : $"（{c.Name}）")}{(a is null ? "" : $"（{a}）")}";
            var self = "/feed.atom" + http.Request.QueryString;
            return Results.Text(atom.Write(page.Alerts, BaseUrl(http), self, title, clock.GetUtcNow()), "application/atom+xml; charset=utf-8");
        }).AllowAnonymous();

        app.MapGet("/cap.atom", async (HttpContext http, PublicArchive archive, AtomFeed atom, PolicyBook book, TimeProvider clock) =>
        {
            var page = await archive.PageAsync(pageSize: 50);
            var title = $"{book.SystemName} CAP";
            var feed = atom.WriteCapIndex(page.Alerts, BaseUrl(http), "/cap.atom", title, clock.GetUtcNow());
            return Results.Text(feed, "application/atom+xml; charset=utf-8");
        }).AllowAnonymous();

        // T5: <web> names the public page under the configured base URL, whatever Host the request came with.
        app.MapGet("/alerts/{id:long}.cap.xml", async (
            long id, PublicArchive archive, CapDocument cap, DeliveryOptions options) =>
        {
            if (await archive.FindAsync(id) is not { } alert) return Results.NotFound();
            var thread = await archive.ThreadAsync(alert);
            return Results.Text(cap.Write(alert, thread, options.PublicBaseUrl), "application/cap+xml; charset=utf-8");
        }).AllowAnonymous();
    }

    private static string BaseUrl(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";
}
