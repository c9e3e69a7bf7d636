namespace Ckan.Search.Tests;

/// <summary>A clock stopped at one instant, so NOW in date math gives the same result on every run.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
