using Ckan.Core.Model;

namespace Ckan.Bench.Search;

/// <summary>The shape of one published dataset: how many of each part it has, and its own values.</summary>
internal sealed record DatasetTemplate
{
    public required int TitleWordCount { get; init; }
    public required int NotesWordCount { get; init; }
    public required int TagCount { get; init; }
    public required int ResourceCount { get; init; }
    public required int GroupCount { get; init; }
    public required bool HasOrganization { get; init; }
    public required IReadOnlyList<ExtraRow> Extras { get; init; }
    public string? LicenseId { get; init; }
    public string? Author { get; init; }
    public string? AuthorEmail { get; init; }
    public string? Maintainer { get; init; }
    public string? MaintainerEmail { get; init; }
    public string? Url { get; init; }
    public string? Version { get; init; }
    public string? CreatorUserId { get; init; }
    public required DateTime Created { get; init; }
    public required DateTime Modified { get; init; }
}
