using Ckan.Migration;

namespace Ckan.Cli.Commands;

/// <summary>Shows a migration's progress with one progress bar per step (users, organizations, ...).</summary>
internal sealed class MigrationProgressPrinter(TextWriter writer) : IProgress<MigrationProgress>
{
    private ProgressBar? _bar;
    private string? _kind;

    public void Report(MigrationProgress value)
    {
        if (!string.Equals(value.Kind, _kind, StringComparison.Ordinal))
        {
            _bar?.Finish();
            _kind = value.Kind;
            _bar = new ProgressBar(writer, value.Kind);
        }

        _bar!.Report(value.Done, value.Total);
    }

    /// <summary>Ends the last step's line.</summary>
    public void Finish() => _bar?.Finish();
}
