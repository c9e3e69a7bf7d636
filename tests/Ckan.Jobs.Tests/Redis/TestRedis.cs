namespace Ckan.Jobs.Tests.Redis;

/// <summary>
/// The throwaway Redis server of the test run, named by <c>CKAN_TEST_REDIS</c> (a redis:// URL) as
/// <c>.ci/run</c> sets it. Without it, tests are skipped, or fail under CI.
/// </summary>
public static class TestRedis
{
    /// <summary>Returns the server URL, or skips (fails under CI) when none is configured.</summary>
    public static string Url()
    {
        if (Environment.GetEnvironmentVariable("CKAN_TEST_REDIS") is { Length: > 0 } url)
        {
            return url;
        }

        const string message = "No Redis server for the tests: set CKAN_TEST_REDIS (see .ci/redis.sh).";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(message);
        }

        Assert.Skip(message);
        return "";
    }
}
