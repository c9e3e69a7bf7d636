using System.Globalization;

namespace Ckan.Bench.DataStore;

/// <summary>
/// Samples this process's resident memory (VmRSS from /proc/self/status) every 50 ms while running, and
/// reports the lowest and highest sample, so a dump that held rows in memory would show a climb.
/// </summary>
internal sealed class MemorySampler : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly List<long> _samples = [];

    public MemorySampler() => _loop = SampleAsync();

    public long Minimum { get; private set; }
    public long Maximum { get; private set; }
    public int Count { get; private set; }

    public static long ResidentBytes()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                var kilobytes = line["VmRSS:".Length..].Trim().Split(' ')[0];
                return long.Parse(kilobytes, CultureInfo.InvariantCulture) * 1024;
            }
        }

        return 0;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        lock (_samples)
        {
            Count = _samples.Count;
            Minimum = _samples.Count == 0 ? 0 : _samples.Min();
            Maximum = _samples.Count == 0 ? 0 : _samples.Max();
        }

        _stop.Dispose();
    }

    private async Task SampleAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            lock (_samples)
            {
                _samples.Add(ResidentBytes());
            }

            try
            {
                await Task.Delay(50, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
