namespace Ckan.Web.UiTests.Support;

/// <summary>Unique, valid CKAN names for test objects, so tests never collide.</summary>
public static class Names
{
    /// <summary>Returns a lowercase name starting with the prefix and ending in random hex.</summary>
    public static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..10];
}
