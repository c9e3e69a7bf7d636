namespace Ckan.Bench.Render;

/// <summary>A kind of timed request and the paths it cycles through.</summary>
/// <param name="Name">The label printed in the report.</param>
/// <param name="Paths">The paths requested in turn.</param>
internal sealed record PageKind(string Name, IReadOnlyList<string> Paths);
