namespace Ckan.Core.Catalog;

/// <summary>A listing of active groups or organizations, as group_list and organization_list make.</summary>
public sealed record GroupQuery
{
    public required bool IsOrganization { get; init; }

    /// <summary>Text matched case-insensitively against name, title and description.</summary>
    public string? Text { get; init; }

    /// <summary>When non-empty, only groups with these names.</summary>
    public IReadOnlyList<string> Names { get; init; } = [];

    /// <summary>One of name, title or package_count.</summary>
    public string SortField { get; init; } = "title";

    public bool Descending { get; init; }
    public int Offset { get; init; }
    public int? Limit { get; init; }
}
