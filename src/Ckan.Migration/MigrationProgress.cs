namespace Ckan.Migration;

/// <summary>How far one step of a migration is: objects of <paramref name="Kind"/> handled out of the total.</summary>
public sealed record MigrationProgress(string Kind, int Done, int Total);
