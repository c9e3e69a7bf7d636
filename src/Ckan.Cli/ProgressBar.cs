using Ckan.Core.Search;

namespace Ckan.Cli;

/// <summary>
/// Shows the progress of a long command: on a terminal one line redrawn in place with a bar, the rate and
/// the time left; when the output is redirected, a plain line every tenth of the work.
/// </summary>
/// <param name="writer">Where the progress goes, normally standard error.</param>
/// <param name="unit">What is counted, in the plural ("datasets").</param>
public sealed class ProgressBar(TextWriter writer, string unit = "datasets") : IProgress<RebuildProgress>
{
    private const int Width = 30;
    private readonly DateTime _started = DateTime.UtcNow;
    private readonly bool _isTerminal = !Console.IsErrorRedirected && ReferenceEquals(writer, Console.Error);
    private int _lastTenth = -1;

    /// <inheritdoc />
    public void Report(RebuildProgress value) => Report(value.Done, value.Total);

    /// <summary>Shows that <paramref name="done"/> of <paramref name="total"/> items are handled.</summary>
    public void Report(int done, int total)
    {
        var fraction = total == 0 ? 1 : Math.Min(1.0, (double)done / total);
        var seconds = Math.Max((DateTime.UtcNow - _started).TotalSeconds, 0.001);
        var rate = done / seconds;
        var remaining = rate > 0 ? TimeSpan.FromSeconds(Math.Max(total - done, 0) / rate) : TimeSpan.Zero;
        var text = $"{done}/{total} {unit}, {rate:F0}/s, {remaining:hh\\:mm\\:ss} left";
        if (_isTerminal)
        {
            var filled = (int)(fraction * Width);
            writer.Write($"\r[{new string('#', filled)}{new string('.', Width - filled)}] {text}   ");
            return;
        }

        var tenth = (int)(fraction * 10);
        if (tenth != _lastTenth)
        {
            _lastTenth = tenth;
            writer.WriteLine(text);
        }
    }

    /// <summary>Ends the redrawn line on a terminal.</summary>
    public void Finish()
    {
        if (_isTerminal)
        {
            writer.WriteLine();
        }
    }
}
