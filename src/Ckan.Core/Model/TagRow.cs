namespace Ckan.Core.Model;

/// <summary>A tag, free (no vocabulary) or belonging to a vocabulary.</summary>
public sealed record TagRow
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public string? VocabularyId { get; init; }

    /// <summary>The name of the tag's vocabulary, filled where tags are read with their dataset.</summary>
    public string? VocabularyName { get; init; }
}
