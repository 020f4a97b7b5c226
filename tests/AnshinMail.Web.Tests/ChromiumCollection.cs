namespace AnshinMail.Web.Tests;

/// <summary>
/// The Chromium tests run one class at a time (the rest of the suite still runs beside them): on a 2-core machine
/// several browsers, each with its own app host, starved one another until a click landed on a page still moving.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ChromiumCollection
{
    public const string Name = "Chromium";
}
