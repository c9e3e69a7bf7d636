namespace Ckan.Web.Ui;

/// <summary>One labelled form field as the <c>_Field</c> partial renders it, with its hint and errors.</summary>
/// <param name="Name">The form field name, which the page model binds.</param>
/// <param name="Label">The visible label.</param>
/// <param name="Value">The current value.</param>
/// <param name="Errors">The form's errors, or null.</param>
public sealed record FieldView(string Name, string Label, string? Value, FormErrors? Errors)
{
    /// <summary>The input type (<c>text</c>, <c>email</c>, <c>password</c>, <c>url</c>) or <c>textarea</c>.</summary>
    public string Type { get; init; } = "text";

    /// <summary>The element id; the lowercased name when null.</summary>
    public string? Id { get; init; }

    /// <summary>A help line shown under the label, or null.</summary>
    public string? Hint { get; init; }

    /// <summary>The action's field name whose errors belong here, when it differs from <see cref="Name"/>.</summary>
    public string? ErrorKey { get; init; }

    /// <summary>The browser's autocomplete hint, or null.</summary>
    public string? Autocomplete { get; init; }

    /// <summary>Whether the browser requires a value.</summary>
    public bool Required { get; init; }
}
