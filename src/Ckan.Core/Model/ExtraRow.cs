namespace Ckan.Core.Model;

/// <summary>A free key and value attached to a dataset or a group.</summary>
public sealed record ExtraRow(string Key, string? Value);
