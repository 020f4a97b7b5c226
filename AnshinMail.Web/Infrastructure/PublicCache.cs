using Microsoft.AspNetCore.OutputCaching;

namespace AnshinMail.Web.Infrastructure;

/// <summary>
/// The public archive, alert pages and feeds are the same for every resident: each node keeps a rendered copy for
/// a few seconds (<c>AnshinMail:PublicCacheSeconds</c>, 5 by default, 0 turns it off), so a burst of residents
/// opening the link of one alert costs one rendering, not thousands. Only anonymous GETs answered 200 without a
/// cookie are kept (the output cache's own rules): a signed-in officer always sees the page fresh, and nothing of
/// theirs is ever served to someone else. Whatever staff change on a node (a send, a resolution, a withdrawal) drops
/// that node's copies at once; another node's copies are at most that many seconds old.
/// </summary>
public static class PublicCache
{
    /// <summary>The output-cache policy of the public pages and feeds.</summary>
    public const string Policy = "public";

    private const string Tag = "public";

    public static IServiceCollection AddPublicCache(this IServiceCollection services, IConfiguration config)
    {
        var seconds = Math.Clamp(config.GetValue("AnshinMail:PublicCacheSeconds", 5), 0, 300);
        return services.AddOutputCache(o => o.AddPolicy(Policy, b =>
        {
            if (seconds == 0) b.NoCache();
            else b.Expire(TimeSpan.FromSeconds(seconds)).Tag(Tag);
        }));
    }

    /// <summary>After any change a signed-in officer made (a POST that did not fail), this node's public copies
    /// are dropped, so the archive and feeds show it on the next request.</summary>
    public static IApplicationBuilder UsePublicCacheEviction(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            await next();
            if (HttpMethods.IsPost(context.Request.Method) && context.Response.StatusCode < 400
                && context.User.Identity?.IsAuthenticated == true)
                await context.RequestServices.GetRequiredService<IOutputCacheStore>()
                    .EvictByTagAsync(Tag, CancellationToken.None);
        });
}
