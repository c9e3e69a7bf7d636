namespace Ckan.Core.Licenses;

/// <summary>
/// The licenses offered to publishers, by default the fifteen CKAN ships, in CKAN's order.
/// </summary>
public sealed class LicenseRegister
{
    private readonly Dictionary<string, License> _byId;

    public LicenseRegister(IReadOnlyList<License> licenses)
    {
        All = licenses;
        _byId = licenses.ToDictionary(license => license.Id, StringComparer.Ordinal);
    }

    /// <summary>The licenses in display order.</summary>
    public IReadOnlyList<License> All { get; }

    /// <summary>Returns the license with the id, or null for an id outside the register.</summary>
    public License? Find(string? id) => id is not null && _byId.TryGetValue(id, out var license) ? license : null;

    /// <summary>Creates the register of CKAN's default licenses.</summary>
    public static LicenseRegister CreateDefault() => new(
    [
        new License { Id = "notspecified", Title = "License not specified", IsGeneric = true },
        new License
        {
            Id = "odc-pddl",
            Title = "Open Data Commons Public Domain Dedication and License (PDDL)",
            Url = "http://www.opendefinition.org/licenses/odc-pddl",
            DomainData = true,
            OdConformance = "approved",
        },
        new License
        {
            Id = "odc-odbl",
            Title = "Open Data Commons Open Database License (ODbL)",
            Url = "http://www.opendefinition.org/licenses/odc-odbl",
            DomainData = true,
            OdConformance = "approved",
        },
        new License
        {
            Id = "odc-by",
            Title = "Open Data Commons Attribution License",
            Url = "http://www.opendefinition.org/licenses/odc-by",
            DomainData = true,
            OdConformance = "approved",
        },
        new License
        {
            Id = "cc-zero",
            Title = "Creative Commons CCZero",
            Url = "http://www.opendefinition.org/licenses/cc-zero",
            DomainContent = true,
            DomainData = true,
            OdConformance = "approved",
        },
        new License
        {
            Id = "cc-by",
            Title = "Creative Commons Attribution",
            Url = "http://www.opendefinition.org/licenses/cc-by",
            OdConformance = "approved",
        },
        new License
        {
            Id = "cc-by-sa",
            Title = "Creative Commons Attribution Share-Alike",
            Url = "http://www.opendefinition.org/licenses/cc-by-sa",
            DomainContent = true,
            OdConformance = "approved",
        },
        new License
        {
            Id = "gfdl",
            Title = "GNU Free Documentation License",
            Url = "http://www.opendefinition.org/licenses/gfdl",
            DomainContent = true,
            OdConformance = "approved",
        },
        new License
        {
            Id = "other-open",
            Title = "Other (Open)",
            DomainContent = true,
            IsGeneric = true,
            OdConformance = "approved",
        },
        new License
        {
            Id = "other-pd",
            Title = "Other (Public Domain)",
            DomainContent = true,
            IsGeneric = true,
            OdConformance = "approved",
        },
        new License
        {
            Id = "other-at",
            Title = "Other (Attribution)",
            DomainContent = true,
            IsGeneric = true,
            OdConformance = "approved",
        },
        new License
        {
            Id = "uk-ogl",
            Title = "UK Open Government Licence (OGL)",
            Url = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
            DomainContent = true,
            OdConformance = "approved",
        },
        new License
        {
            Id = "cc-nc",
            Title = "Creative Commons Non-Commercial (Any)",
            Url = "http://creativecommons.org/licenses/by-nc/2.0/",
        },
        new License { Id = "other-nc", Title = "Other (Non-Commercial)", IsGeneric = true },
        new License { Id = "other-closed", Title = "Other (Not Open)", IsGeneric = true },
    ]);
}
