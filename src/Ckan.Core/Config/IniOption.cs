namespace Ckan.Core.Config;

/// <summary>
/// One option of an ini section: its key, its value with continuation lines joined by <c>\n</c>,
/// and the zero-based lines it spans in the file, continuation lines included.
/// </summary>
internal sealed record IniOption(string Key, string Value, int FirstLine, int LastLine);
