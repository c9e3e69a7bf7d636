using System.Text.Json.Nodes;

namespace Ckan.Search.Tests;

/// <summary>
/// The real package_show dictionaries published by CKAN sites, one JSON object per line in
/// shared/data/real/datasets beside the repository. Lines are split on '\n' only, because some values
/// contain U+2028, which other line readers treat as a break.
/// </summary>
public static class RealDatasets
{
    private static readonly Lazy<IReadOnlyList<RealDataset>?> All = new(Load);

    /// <summary>
    /// Returns the datasets that have an id (one published line has none and cannot be indexed), or skips
    /// the test when the folder is absent; under CI=true a missing folder fails the test instead.
    /// </summary>
    public static IReadOnlyList<RealDataset> Require()
    {
        if (All.Value is { } datasets)
        {
            return datasets;
        }

        var message = "The real datasets folder (../shared/data/real/datasets from the repository root) is missing.";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(message);
        }

        Assert.Skip(message);
        return [];
    }

    /// <summary>Returns the datasets folder, or null when it does not exist.</summary>
    public static string? FindFolder()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Ckan.slnx")))
        {
            directory = directory.Parent;
        }

        if (directory is null)
        {
            return null;
        }

        var folder = Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared", "data", "real", "datasets"));
        return Directory.Exists(folder) ? folder : null;
    }

    private static IReadOnlyList<RealDataset>? Load()
    {
        if (FindFolder() is not { } folder)
        {
            return null;
        }

        var datasets = new List<RealDataset>();
        foreach (var file in Directory.GetFiles(folder, "*.jsonl").Order(StringComparer.Ordinal))
        {
            foreach (var line in File.ReadAllText(file).Split('\n'))
            {
                if (line.Trim().Length == 0)
                {
                    continue;
                }

                var dictionary = JsonNode.Parse(line)!.AsObject();
                if (dictionary["id"] is not null)
                {
                    datasets.Add(new RealDataset(dictionary, line, Path.GetFileName(file)));
                }
            }
        }

        return datasets;
    }
}

/// <summary>One published dataset: its dictionary, the line it was read from and the file's name.</summary>
public sealed record RealDataset(JsonObject Dictionary, string Line, string Source);
