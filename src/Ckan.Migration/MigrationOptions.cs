namespace Ckan.Migration;

/// <summary>Settings of one migration run.</summary>
/// <param name="StatePath">The file recording which datasets were copied, read on resume.</param>
/// <param name="MaxFileBytes">The largest uploaded file copied; bigger ones are reported as failures.</param>
public sealed record MigrationOptions(string StatePath, long MaxFileBytes);
