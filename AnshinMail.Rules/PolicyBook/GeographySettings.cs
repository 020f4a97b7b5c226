namespace AnshinMail.Rules.PolicyBooks;

/// <summary>
/// T5 (public archive, CAP): the prefecture's municipal boundaries, a GeoJSON FeatureCollection in WGS 84
/// (a path relative to the book), the feature properties that hold each municipality's JIS X 0402 code and
/// name, and the source's credit line, shown under every map drawn from it.
/// </summary>
public sealed record GeographySettings
{
    public required string Boundaries { get; init; }
    public required string CodeProperty { get; init; }
    public required string NameProperty { get; init; }
    public required string Credit { get; init; }
}
