namespace Ckan.Core.Licenses;

/// <summary>A license a dataset can carry, with the Open Definition conformance CKAN reports.</summary>
public sealed record License
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public string Url { get; init; } = "";
    public bool DomainContent { get; init; }
    public bool DomainData { get; init; }
    public bool DomainSoftware { get; init; }
    public string Family { get; init; } = "";
    public bool IsGeneric { get; init; }
    public string Maintainer { get; init; } = "";
    public string OdConformance { get; init; } = "not reviewed";
    public string OsdConformance { get; init; } = "not reviewed";
    public string Status { get; init; } = "active";

    /// <summary>Whether the license is open: approved by the Open Definition or the Open Source Definition.</summary>
    public bool IsOpen =>
        string.Equals(OdConformance, "approved", StringComparison.Ordinal)
        || string.Equals(OsdConformance, "approved", StringComparison.Ordinal);
}
