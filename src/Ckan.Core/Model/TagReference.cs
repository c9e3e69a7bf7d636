namespace Ckan.Core.Model;

/// <summary>A tag to attach to a dataset, found or created by name within its vocabulary.</summary>
public sealed record TagReference(string Name, string? VocabularyId);
