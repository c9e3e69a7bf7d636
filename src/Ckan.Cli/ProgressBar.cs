using Ckan.Core.Search;

namespace Ckan.Cli;

/// <summary>
/// Shows rebuild progress: on a terminal one line redrawn in place with a bar, the rate and the time
/// left; when the output is redirected, a plain line every tenth of the work.
/// </summary>
public sealed class ProgressBar(TextWriter writer) : IProgress<RebuildProgress>
{
    private const int Width = 30;
    private readonly DateTime _started = DateTime.UtcNow;
    private readonly bool _isTerminal = !Console.IsErrorRedirected && ReferenceEquals(writer, Console.Error);
    private int _lastTenth = -1;

    /// <inheritdoc />
    public void Report(RebuildProgress value)
    {
        var fraction = value.Total == 0 ? 1 : Math.Min(1.0, (double)value.Done / value.Total);
        var seconds = Math.Max((DateTime.UtcNow - _started).TotalSeconds, 0.001);
        var rate = value.Done / seconds;
        var remaining = rate > 0 ? TimeSpan.FromSeconds((value.Total - value.Done) / rate) : TimeSpan.Zero;
        var text = $"{value.Done}/{value.Total} datasets, {rate:F0}/s, {remaining:hh\\:mm\\:ss} left";
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
