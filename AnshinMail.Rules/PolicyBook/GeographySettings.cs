namespace AnshinMail.Rules.PolicyBooks;

/// <summary>
/// T5 (public archive, CAP): the prefecture's municipal boundaries, a GeoJSON FeatureCollection in WGS 84
/// (a path relative to the book), the feature properties that hold each municipality's JIS X 0402 code and
/// name, and the source's credit line, shown under every map drawn from it.
/// </summary>
public sealed record GeographySettings
{
    /// <summary>The GeoJSON FeatureCollection of municipal boundaries, a path relative to the book.</summary>
    public required string Boundaries { get; init; }
    /// <summary>The feature property that holds a municipality's JIS X 0402 code.</summary>
    public required string CodeProperty { get; init; }
    /// <summary>The feature property that holds a municipality's name, as the book's areas spell it.</summary>
    public required string NameProperty { get; init; }
    /// <summary>The credit line of the boundary data, shown under every map drawn from it.</summary>
    public required string Credit { get; init; }
}
