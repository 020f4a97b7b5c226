using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using AnshinMail.Rules.Feeds;

namespace AnshinMail.Rules.Tests.Feeds;

/// <summary>
/// T5: what the Google Public Alerts CAP v1.0 profile asks of a CAP 1.2 document beyond the OASIS schema,
/// written down as offline checks (after the profile's published requirements and the checks of Google's
/// open-source CAP validator, google/cap-library <c>GoogleProfile</c> and <c>CapValidator</c>). Each check
/// returns the name of what it finds wrong; a document that meets the profile yields none.
/// </summary>
internal static partial class GoogleCapProfile
{
    /// <summary>Errors: an aggregator refuses the alert.</summary>
    public static readonly string[] Errors =
    [
        "UpdateOrCancelMustReference", // msgType Update or Cancel names what it updates in <references>
        "ReferencesAreTriplets",       // <references>: space-separated "sender,identifier,sent" triplets
        "NoCircularReference",         // a message never references its own identifier
        "IdentifierAndSenderPlain",    // no spaces, commas, '<' or '&' in <identifier> and <sender>
        "InfoIsRequired",              // at least one <info>
        "LanguageIsRfc3066",           // <language> like ja-JP
        "DescriptionIsRequired",       // a non-blank <description>
        "WebIsRequired",               // a <web> that is an absolute URI
        "ExpiresIsRequired",           // an <expires>
        "EffectiveNotAfterExpires",    // <effective> (or <sent>) before <expires>
        "UrgencySeverityCertaintyRequired",
        "AreaIsRequired",              // at least one <area>
        "GeocodeCircleOrPolygon",      // each <area> has a <geocode>, <circle> or <polygon>
        "PolygonIsAClosedRing",        // "lat,lon" pairs, at least 4, first = last, in range
    ];

    /// <summary>Recommendations: the alert is taken but shown worse.</summary>
    public static readonly string[] Recommendations =
    [
        "NotATest",                       // <status>Test</status> is not shown
        "SenderNameStronglyRecommended",
        "ResponseTypeStronglyRecommended",
        "InstructionStronglyRecommended",
        "HeadlineAtMost140",
        "HeadlineAndDescriptionDiffer",
        "DescriptionAndInstructionDiffer",
        "UnknownDiscouraged",             // urgency, severity, certainty not Unknown
        "ContactIsRecommended",
        "GeocodeNotEmpty",
        "NoPostdatedReference",           // a referenced message was sent before this one (a warning)
        "CirclePolygonEncouraged",        // <circle> or <polygon> besides the geocode
    ];

    public static List<string> Findings(string xml)
    {
        XNamespace ns = CapDocument.Namespace;
        var alert = XDocument.Parse(xml).Root!;
        string? Get(XElement e, string name) => e.Element(ns + name)?.Value;
        var found = new List<string>();
        void Check(bool ok, string name)
        {
            if (!ok && !found.Contains(name)) found.Add(name);
        }

        var identifier = Get(alert, "identifier") ?? "";
        var sent = DateTimeOffset.Parse(Get(alert, "sent")!, CultureInfo.InvariantCulture);
        var msgType = Get(alert, "msgType");
        var references = (Get(alert, "references") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Check(msgType is not ("Update" or "Cancel") || references.Length > 0, "UpdateOrCancelMustReference");
        foreach (var r in references.Select(r => r.Split(',')))
        {
            DateTimeOffset? at = r.Length == 3 && DateTimeOffset.TryParse(r[2], CultureInfo.InvariantCulture, out var t)
                ? t : null;
            Check(at is not null, "ReferencesAreTriplets");
            Check(r.Length < 2 || r[1] != identifier, "NoCircularReference");
            Check(at is null || at <= sent, "NoPostdatedReference");
        }
        Check(Plain().IsMatch(identifier) && Plain().IsMatch(Get(alert, "sender") ?? ""), "IdentifierAndSenderPlain");
        Check(Get(alert, "status") != "Test", "NotATest");
        var infos = alert.Elements(ns + "info").ToList();
        Check(infos.Count > 0, "InfoIsRequired");
        foreach (var info in infos)
            CheckInfo(info, sent, Check, name => Get(info, name));
        return found;
    }

    private static void CheckInfo(
        XElement info, DateTimeOffset sent, Action<bool, string> check, Func<string, string?> get)
    {
        XNamespace ns = CapDocument.Namespace;
        check(get("language") is not { } language || Rfc3066().IsMatch(language), "LanguageIsRfc3066");
        var description = get("description");
        check(!string.IsNullOrWhiteSpace(description), "DescriptionIsRequired");
        check(Uri.TryCreate(get("web"), UriKind.Absolute, out _), "WebIsRequired");
        check(get("expires") is not null, "ExpiresIsRequired");
        if (get("expires") is { } expires)
        {
            var from = get("effective") is { } effective
                ? DateTimeOffset.Parse(effective, CultureInfo.InvariantCulture) : sent;
            check(from < DateTimeOffset.Parse(expires, CultureInfo.InvariantCulture), "EffectiveNotAfterExpires");
        }
        var values = new[] { get("urgency"), get("severity"), get("certainty") };
        check(values.All(v => v is not null), "UrgencySeverityCertaintyRequired");
        check(values.All(v => v != "Unknown"), "UnknownDiscouraged");
        check(!string.IsNullOrWhiteSpace(get("senderName")), "SenderNameStronglyRecommended");
        check(info.Elements(ns + "responseType").Any(), "ResponseTypeStronglyRecommended");
        check(!string.IsNullOrWhiteSpace(get("instruction")), "InstructionStronglyRecommended");
        check((get("headline") ?? "").Length <= 140, "HeadlineAtMost140");
        check(description != get("headline"), "HeadlineAndDescriptionDiffer");
        check(description != get("instruction"), "DescriptionAndInstructionDiffer");
        check(!string.IsNullOrWhiteSpace(get("contact")), "ContactIsRecommended");
        var areas = info.Elements(ns + "area").ToList();
        check(areas.Count > 0, "AreaIsRequired");
        foreach (var area in areas)
        {
            var shapes = area.Elements(ns + "circle").Concat(area.Elements(ns + "polygon")).Any();
            check(shapes || area.Elements(ns + "geocode").Any(), "GeocodeCircleOrPolygon");
            check(shapes, "CirclePolygonEncouraged");
            check(area.Elements(ns + "polygon").All(p => ClosedRing(p.Value)), "PolygonIsAClosedRing");
            check(area.Elements(ns + "geocode").All(g => g.Element(ns + "valueName")?.Value is { Length: > 0 }
                && g.Element(ns + "value")?.Value is { Length: > 0 }), "GeocodeNotEmpty");
        }
    }

    [GeneratedRegex("^[^\\s,<&]+$")]
    private static partial Regex Plain();

    [GeneratedRegex("^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$")]
    private static partial Regex Rfc3066();

    /// <summary>CAP 1.2 §3.2.4: space-separated WGS 84 "lat,lon" pairs, at least 4, the first and last the same.
    /// </summary>
    private static bool ClosedRing(string polygon)
    {
        var pairs = polygon.Split(' ');
        var points = pairs.Select(p => p.Split(',')).ToList();
        return pairs.Length >= 4 && pairs[0] == pairs[^1] && points.All(p => p.Length == 2
            && double.TryParse(p[0], CultureInfo.InvariantCulture, out var lat) && lat is >= -90 and <= 90
            && double.TryParse(p[1], CultureInfo.InvariantCulture, out var lon) && lon is >= -180 and <= 180);
    }
}
