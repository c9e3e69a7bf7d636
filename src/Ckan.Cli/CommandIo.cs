namespace Ckan.Cli;

/// <summary>Where a command writes: standard output for results, standard error for problems.</summary>
public sealed record CommandIo(TextWriter Output, TextWriter Error);
