namespace Ckan.Web.Ui;

/// <summary>One custom field of a dataset form.</summary>
public sealed record CustomFieldRow(string Key, string? Value);
