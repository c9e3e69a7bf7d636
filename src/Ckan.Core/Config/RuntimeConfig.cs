using Ckan.Core.Catalog;

namespace Ckan.Core.Config;

/// <summary>
/// The config options a sysadmin may change while the site runs (CKAN's runtime-editable options),
/// saved in the catalog's <c>system_info</c> table and read over the ini file's values. Thread safe.
/// </summary>
public sealed class RuntimeConfig(CkanConfig config, ICatalogStore store)
{
    /// <summary>
    /// The keys of CKAN 2.11's <c>default_update_configuration_schema</c>, in its order. The logo upload
    /// keys of that schema are left out, because this portal takes the logo as a URL only.
    /// </summary>
    public static readonly IReadOnlyList<string> EditableKeys =
    [
        "ckan.site_title", "ckan.site_logo", "ckan.site_url", "ckan.site_description", "ckan.site_about",
        "ckan.site_intro_text", "ckan.site_custom_css", "ckan.theme",
    ];

    // Another process sharing the catalog (a second server, the CLI) may save options, so the saved
    // values are read again once they are this old.
    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    private Snapshot? _snapshot;

    /// <summary>Tells whether <paramref name="key"/> may be shown and changed at run time.</summary>
    public static bool IsEditable(string key) => EditableKeys.Contains(key, StringComparer.Ordinal);

    /// <summary>
    /// Returns the saved value of <paramref name="key"/>, or the ini file's value when none was saved,
    /// or null when neither has one.
    /// </summary>
    public async Task<string?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        var saved = await LoadAsync(cancellationToken);
        return saved.TryGetValue(key, out var value) ? value : config.Get(key);
    }

    /// <summary>Returns <see cref="GetAsync"/>'s value, or <paramref name="defaultValue"/> when it is empty.</summary>
    public async Task<string> GetStringAsync(string key, string defaultValue, CancellationToken cancellationToken = default) =>
        await GetAsync(key, cancellationToken) is { Length: > 0 } value ? value : defaultValue;

    /// <summary>Saves the values in one transaction and makes them visible to this process at once.</summary>
    /// <exception cref="ArgumentException">A key is not in <see cref="EditableKeys"/>.</exception>
    public async Task SaveAsync(IReadOnlyDictionary<string, string?> values, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Keys.FirstOrDefault(key => !IsEditable(key)) is { } unknown)
        {
            throw new ArgumentException($"The config option {unknown} cannot be changed at run time.", nameof(values));
        }

        await using (var session = await store.OpenSessionAsync(write: true, cancellationToken))
        {
            foreach (var (key, value) in values)
            {
                await session.SetSystemInfoAsync(key, value, cancellationToken);
            }

            await session.CommitAsync(cancellationToken);
        }

        _snapshot = null;
    }

    private async Task<IReadOnlyDictionary<string, string?>> LoadAsync(CancellationToken cancellationToken)
    {
        if (_snapshot is { } current && DateTime.UtcNow - current.LoadedAt < MaxAge)
        {
            return current.Values;
        }

        await using var session = await store.OpenSessionAsync(write: false, cancellationToken);
        var values = await session.GetSystemInfoAsync(cancellationToken);
        _snapshot = new Snapshot(values, DateTime.UtcNow);
        return values;
    }

    private sealed record Snapshot(IReadOnlyDictionary<string, string?> Values, DateTime LoadedAt);
}
