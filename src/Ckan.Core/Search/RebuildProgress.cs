namespace Ckan.Core.Search;

/// <summary>How far a rebuild is: datasets read so far out of the total counted at the start.</summary>
public sealed record RebuildProgress(int Done, int Total);
