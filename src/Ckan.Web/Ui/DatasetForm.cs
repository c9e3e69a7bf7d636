using System.Text;
using System.Text.Json.Nodes;

namespace Ckan.Web.Ui;

/// <summary>
/// The fields of the dataset metadata form (the first stage of CKAN's dataset form), bound from the
/// posted form and turned into package_create or package_patch input.
/// </summary>
public sealed class DatasetForm
{
    /// <summary>The number of empty rows offered for custom fields.</summary>
    public const int BlankCustomFieldRows = 3;

    public string Title { get; set; } = "";
    public string Name { get; set; } = "";
    public string Notes { get; set; } = "";

    /// <summary>Tags as CKAN's form takes them: one text, names separated by commas.</summary>
    public string TagString { get; set; } = "";
    public string LicenseId { get; set; } = "";
    public string OwnerOrg { get; set; } = "";
    public bool IsPrivate { get; set; }
    public string Url { get; set; } = "";
    public string Version { get; set; } = "";
    public string Author { get; set; } = "";
    public string AuthorEmail { get; set; } = "";
    public string Maintainer { get; set; } = "";
    public string MaintainerEmail { get; set; } = "";

    /// <summary>Custom fields as key and value rows; rows with an empty key are dropped.</summary>
    public List<CustomFieldRow> Extras { get; set; } = [];

    /// <summary>Fills the form from a package_show result.</summary>
    public static DatasetForm FromDataset(JsonObject dataset) => new()
    {
        Title = dataset.Str("title") ?? "",
        Name = dataset.Str("name") ?? "",
        Notes = dataset.Str("notes") ?? "",
        TagString = string.Join(", ", dataset.List("tags").Select(tag => tag.Str("name"))),
        LicenseId = dataset.Str("license_id") ?? "",
        OwnerOrg = dataset.Str("owner_org") ?? "",
        IsPrivate = dataset.Flag("private"),
        Url = dataset.Str("url") ?? "",
        Version = dataset.Str("version") ?? "",
        Author = dataset.Str("author") ?? "",
        AuthorEmail = dataset.Str("author_email") ?? "",
        Maintainer = dataset.Str("maintainer") ?? "",
        MaintainerEmail = dataset.Str("maintainer_email") ?? "",
        Extras = dataset.List("extras")
            .Select(extra => new CustomFieldRow(extra.Str("key") ?? "", extra.Str("value") ?? ""))
            .ToList(),
    };

    /// <summary>
    /// Returns the action input for these fields. Without a name, one is made from the title as CKAN's
    /// form script does; the action still validates it.
    /// </summary>
    public JsonObject ToActionInput()
    {
        var name = Name.Trim().Length > 0 ? Name.Trim() : NameFromTitle(Title);
        var tags = TagString
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.Ordinal)
            .Select(tag => (JsonNode?)new JsonObject { ["name"] = tag })
            .ToArray();
        var extras = Extras
            .Where(extra => !string.IsNullOrWhiteSpace(extra.Key))
            .Select(extra => (JsonNode?)new JsonObject { ["key"] = extra.Key.Trim(), ["value"] = extra.Value ?? "" })
            .ToArray();
        var input = new JsonObject
        {
            ["title"] = Title.Trim(),
            ["name"] = name,
            ["notes"] = Notes,
            ["tags"] = new JsonArray(tags),
            ["license_id"] = LicenseId,
            ["private"] = IsPrivate,
            ["url"] = Url.Trim(),
            ["version"] = Version.Trim(),
            ["author"] = Author.Trim(),
            ["author_email"] = AuthorEmail.Trim(),
            ["maintainer"] = Maintainer.Trim(),
            ["maintainer_email"] = MaintainerEmail.Trim(),
            ["extras"] = new JsonArray(extras),
        };
        if (OwnerOrg.Length > 0)
        {
            input["owner_org"] = OwnerOrg;
        }

        return input;
    }

    /// <summary>Returns the filled custom field rows followed by the blank rows the form offers.</summary>
    public IReadOnlyList<CustomFieldRow> CustomFieldRowsWithBlanks() =>
        [
            .. Extras.Where(extra => !string.IsNullOrWhiteSpace(extra.Key)),
            .. Enumerable.Repeat(new CustomFieldRow("", ""), BlankCustomFieldRows),
        ];

    /// <summary>Makes a dataset name from a title: lowercase ASCII letters and digits joined by hyphens.</summary>
    public static string NameFromTitle(string title)
    {
        var name = new StringBuilder();
        foreach (var character in title.Normalize(NormalizationForm.FormD).ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(character) || character == '_')
            {
                name.Append(character);
            }
            else if (char.IsWhiteSpace(character) || character is '-' or '.' or '/')
            {
                if (name.Length > 0 && name[^1] != '-')
                {
                    name.Append('-');
                }
            }
        }

        var text = name.ToString().Trim('-');
        return text.Length > 100 ? text[..100].TrimEnd('-') : text;
    }
}
