namespace Ckan.Core.Config;

/// <summary>
/// An option value as written in a file, before <c>%(name)s</c> interpolation, with the folder of that file,
/// which <c>%(here)s</c> expands to.
/// </summary>
internal sealed record IniRawValue(string Text, string Folder);
