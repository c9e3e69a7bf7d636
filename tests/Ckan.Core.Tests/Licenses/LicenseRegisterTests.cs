using Ckan.Core.Licenses;
using Xunit;

namespace Ckan.Core.Tests.Licenses;

public sealed class LicenseRegisterTests
{
    [Fact]
    public void Default_register_lists_ckan_licenses_in_order()
    {
        var register = LicenseRegister.CreateDefault();

        string[] expected =
        [
            "notspecified", "odc-pddl", "odc-odbl", "odc-by", "cc-zero", "cc-by", "cc-by-sa", "gfdl", "other-open",
            "other-pd", "other-at", "uk-ogl", "cc-nc", "other-nc", "other-closed",
        ];
        Assert.Equal(expected, register.All.Select(license => license.Id));
    }

    // Expected values are those of the license classes in CKAN 2.11's ckan/model/license.py.
    [Theory]
    [InlineData("notspecified", "License not specified", "", false, false, true, "not reviewed")]
    [InlineData("odc-pddl", "Open Data Commons Public Domain Dedication and License (PDDL)",
        "http://www.opendefinition.org/licenses/odc-pddl", false, true, false, "approved")]
    [InlineData("odc-odbl", "Open Data Commons Open Database License (ODbL)",
        "http://www.opendefinition.org/licenses/odc-odbl", false, true, false, "approved")]
    [InlineData("odc-by", "Open Data Commons Attribution License",
        "http://www.opendefinition.org/licenses/odc-by", false, true, false, "approved")]
    [InlineData("cc-zero", "Creative Commons CCZero",
        "http://www.opendefinition.org/licenses/cc-zero", true, true, false, "approved")]
    [InlineData("cc-by-sa", "Creative Commons Attribution Share-Alike",
        "http://www.opendefinition.org/licenses/cc-by-sa", true, false, false, "approved")]
    [InlineData("gfdl", "GNU Free Documentation License",
        "http://www.opendefinition.org/licenses/gfdl", true, false, false, "approved")]
    [InlineData("other-open", "Other (Open)", "", true, false, true, "approved")]
    [InlineData("other-pd", "Other (Public Domain)", "", true, false, true, "approved")]
    [InlineData("other-at", "Other (Attribution)", "", true, false, true, "approved")]
    [InlineData("cc-nc", "Creative Commons Non-Commercial (Any)",
        "http://creativecommons.org/licenses/by-nc/2.0/", false, false, false, "not reviewed")]
    [InlineData("other-nc", "Other (Non-Commercial)", "", false, false, true, "not reviewed")]
    [InlineData("other-closed", "Other (Not Open)", "", false, false, true, "not reviewed")]
    public void Default_license_matches_ckan(
        string id,
        string title,
        string url,
        bool domainContent,
        bool domainData,
        bool isGeneric,
        string odConformance)
    {
        var license = LicenseRegister.CreateDefault().Find(id);

        Assert.NotNull(license);
        Assert.Equal(title, license.Title);
        Assert.Equal(url, license.Url);
        Assert.Equal(domainContent, license.DomainContent);
        Assert.Equal(domainData, license.DomainData);
        Assert.False(license.DomainSoftware);
        Assert.Equal(isGeneric, license.IsGeneric);
        Assert.Equal(odConformance, license.OdConformance);
        Assert.Equal("not reviewed", license.OsdConformance);
        Assert.Equal("active", license.Status);
        Assert.Equal("", license.Family);
        Assert.Equal("", license.Maintainer);
    }

    [Fact]
    public void Cc_by_matches_ckan()
    {
        var license = LicenseRegister.CreateDefault().Find("cc-by");

        Assert.NotNull(license);
        Assert.Equal("Creative Commons Attribution", license.Title);
        Assert.Equal("http://www.opendefinition.org/licenses/cc-by", license.Url);
        Assert.False(license.DomainContent);
        Assert.False(license.DomainData);
        Assert.False(license.IsGeneric);
        Assert.Equal("approved", license.OdConformance);
    }

    [Fact]
    public void Uk_ogl_matches_ckan()
    {
        var license = LicenseRegister.CreateDefault().Find("uk-ogl");

        Assert.NotNull(license);
        Assert.Equal("UK Open Government Licence (OGL)", license.Title);
        Assert.Equal("https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/", license.Url);
        Assert.True(license.DomainContent);
        Assert.False(license.DomainData);
        Assert.False(license.IsGeneric);
        Assert.Equal("approved", license.OdConformance);
    }

    [Theory]
    [InlineData("odc-pddl")]
    [InlineData("cc-by")]
    [InlineData("other-open")]
    [InlineData("uk-ogl")]
    public void Approved_license_is_open(string id)
    {
        var license = LicenseRegister.CreateDefault().Find(id);

        Assert.True(license?.IsOpen);
    }

    [Theory]
    [InlineData("notspecified")]
    [InlineData("cc-nc")]
    [InlineData("other-nc")]
    [InlineData("other-closed")]
    public void Unreviewed_license_is_not_open(string id)
    {
        var license = LicenseRegister.CreateDefault().Find(id);

        Assert.False(license?.IsOpen);
    }

    [Fact]
    public void Open_source_approval_alone_makes_license_open()
    {
        var license = new License { Id = "gpl-3.0", Title = "GNU GPL 3.0", OsdConformance = "approved" };

        Assert.True(license.IsOpen);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("unknown")]
    [InlineData("CC-BY")]
    public void Finds_nothing_for_unknown_or_differently_cased_id(string? id)
    {
        var license = LicenseRegister.CreateDefault().Find(id);

        Assert.Null(license);
    }

    [Fact]
    public void Custom_register_keeps_given_order()
    {
        var first = new License { Id = "b-license", Title = "B" };
        var second = new License { Id = "a-license", Title = "A" };

        var register = new LicenseRegister([first, second]);

        Assert.Equal([first, second], register.All);
        Assert.Same(second, register.Find("a-license"));
    }
}
