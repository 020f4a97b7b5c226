using System.Security.Cryptography;
using System.Text;
using AnshinMail.Rules.Operations;
using OpenTelemetry.Metrics;

namespace AnshinMail.Web.Infrastructure;

/// <summary>
/// /metrics for the security manager's monitoring (Y12.3(1): daily inspection; Y13: around the clock): the library's
/// meter in Prometheus' text format. Only a scraper that presents the token of <c>AnshinMail:Metrics:Token</c> as a
/// bearer token reads it (401 otherwise); without a token configured there is no endpoint at all (an unknown
/// address like any other).
/// </summary>
public static class Metrics
{
    /// <summary>The setting that holds the monitoring's bearer token.</summary>
    public const string TokenSetting = "AnshinMail:Metrics:Token";

    /// <summary>OpenTelemetry metrics of the library's meter, exported for Prometheus.</summary>
    public static IServiceCollection AddOperationsMetrics(this IServiceCollection services)
    {
        services.AddOpenTelemetry().WithMetrics(m => m
            .AddMeter(DeliveryMetrics.MeterName)
            .AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0));
        return services;
    }

    /// <summary>Maps /metrics when a token is configured.</summary>
    public static void MapMetrics(this WebApplication app, string? token)
    {
        if (string.IsNullOrWhiteSpace(token)) return;
        var expected = SHA256.HashData(Encoding.UTF8.GetBytes(token));
        app.MapPrometheusScrapingEndpoint("/metrics", meterProvider: null,
            configureBranchedPipeline: pipeline => pipeline.Use(async (http, next) =>
            {
                if (Presented(http) is { } given && CryptographicOperations.FixedTimeEquals(expected,
                        SHA256.HashData(Encoding.UTF8.GetBytes(given))))
                {
                    await next(http);
                    return;
                }
                http.Response.StatusCode = StatusCodes.Status401Unauthorized;
                http.Response.Headers.WWWAuthenticate = "Bearer";
            }), optionsName: null).AllowAnonymous();
    }

    private static string? Presented(HttpContext http)
    {
        var header = http.Request.Headers.Authorization.ToString();
        // RFC 7235: the scheme is case-insensitive.
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }
}
