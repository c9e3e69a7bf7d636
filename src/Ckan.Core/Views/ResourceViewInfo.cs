namespace Ckan.Core.Views;

/// <summary>
/// A view type's description, as CKAN's <c>IResourceView.info()</c> returns it.
/// </summary>
public sealed record ResourceViewInfo
{
    /// <summary>The <c>view_type</c> stored on each view, such as <c>image_view</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The name shown to editors when they pick a view type.</summary>
    public required string Title { get; init; }

    /// <summary>The title given to views created without one (default views).</summary>
    public string DefaultTitle { get; init; } = "View";

    public string DefaultDescription { get; init; } = "";

    /// <summary>Whether editors may add the view to any resource, whatever <c>CanView</c> returns.</summary>
    public bool AlwaysAvailable { get; init; }

    /// <summary>
    /// Whether the view shows DataStore rows; such default views are created when the data reaches the
    /// DataStore, not when the resource is created.
    /// </summary>
    public bool RequiresDatastore { get; init; }

    /// <summary>
    /// The view's own settings, stored in its <c>config</c>: each key with a check that returns an error
    /// message or null. Keys not listed here are rejected, as CKAN's schema does with <c>__extras</c>.
    /// </summary>
    public IReadOnlyList<ResourceViewField> Fields { get; init; } = [];
}

/// <summary>A setting of a view type, such as the <c>image_url</c> of <c>image_view</c>.</summary>
/// <param name="Name">The key in the view dictionary.</param>
/// <param name="Validate">Returns the error message for a value, or null when it is valid; called for non-empty values.</param>
public sealed record ResourceViewField(string Name, Func<string, string?> Validate)
{
    /// <summary>A setting that accepts any text.</summary>
    public static ResourceViewField Text(string name) => new(name, _ => null);
}
