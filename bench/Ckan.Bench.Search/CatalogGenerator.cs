using System.Globalization;
using System.Text;
using Ckan.Core.Catalog;
using Ckan.Core.Json;
using Ckan.Core.Model;

namespace Ckan.Bench.Search;

/// <summary>
/// Writes organizations, groups and datasets shaped like a <see cref="RealDatasetSample"/> straight into
/// the catalog store, skipping the actions and their validation, so generation costs little more than
/// the inserts. The same seed and sample give the same catalog.
/// </summary>
/// <remarks>
/// Each generated dataset copies its counts from published datasets drawn at random, a different one for
/// each part (title and notes length, tags, resources, extras, groups, organization, license and contact
/// fields, dates), and fills titles, notes, tags and resources from the sample's pools. So the
/// distribution of each field follows the sample, while the combinations are new.
/// </remarks>
internal sealed class CatalogGenerator(RealDatasetSample sample, int seed)
{
    public const int OrganizationCount = 200;
    public const int GroupCount = 30;

    // Large transactions make SQLite write each page once per batch instead of once per dataset.
    private const int DatasetsPerTransaction = 5_000;

    private const int MaxDaysBack = 730;

    private readonly Random _random = new(seed);

    /// <summary>
    /// Writes <see cref="OrganizationCount"/> organizations, <see cref="GroupCount"/> groups and then
    /// <paramref name="datasetCount"/> active public datasets, reporting datasets written after each
    /// transaction. Returns the values queries are drawn from, one entry per dataset in creation order.
    /// </summary>
    public async Task<IReadOnlyList<GeneratedDataset>> WriteAsync(
        ICatalogStore store,
        int datasetCount,
        IProgress<int>? progress,
        CancellationToken cancellationToken)
    {
        var organizations = Extend(sample.Organizations, OrganizationCount, isOrganization: true);
        var groups = Extend(sample.Groups, GroupCount, isOrganization: false);
        await using (var session = await store.OpenSessionAsync(write: true, cancellationToken))
        {
            foreach (var (group, _) in organizations.Concat(groups))
            {
                await session.InsertGroupAsync(group, cancellationToken);
            }

            await session.CommitAsync(cancellationToken);
        }

        var organizationChoice = new WeightedChoice<(GroupRow Row, int Weight)>(
            organizations, pair => pair.Weight);
        var groupChoice = new WeightedChoice<(GroupRow Row, int Weight)>(groups, pair => pair.Weight);
        var generated = new List<GeneratedDataset>(datasetCount);
        for (var start = 0; start < datasetCount; start += DatasetsPerTransaction)
        {
            await using var session = await store.OpenSessionAsync(write: true, cancellationToken);
            var end = Math.Min(start + DatasetsPerTransaction, datasetCount);
            for (var index = start; index < end; index++)
            {
                var dataset = await WriteDatasetAsync(
                    session, index, organizationChoice, groupChoice, cancellationToken);
                generated.Add(dataset);
            }

            await session.CommitAsync(cancellationToken);
            progress?.Report(end);
        }

        return generated;
    }

    private async Task<GeneratedDataset> WriteDatasetAsync(
        ICatalogSession session,
        int index,
        WeightedChoice<(GroupRow Row, int Weight)> organizationChoice,
        WeightedChoice<(GroupRow Row, int Weight)> groupChoice,
        CancellationToken cancellationToken)
    {
        var id = NewId();
        var title = JoinWords(sample.TitleWords, Math.Max(Donor().TitleWordCount, 1));
        var notes = JoinWords(sample.NotesWords, Donor().NotesWordCount);
        var organization = Donor().HasOrganization ? organizationChoice.Next(_random).Row : null;
        var details = Donor();
        var (created, modified) = Dates(Donor());
        var package = new PackageRow
        {
            Id = id,
            Name = Slug(title, index),
            Title = title,
            Notes = notes.Length == 0 ? null : notes,
            OwnerOrg = organization?.Id,
            LicenseId = details.LicenseId,
            Author = details.Author,
            AuthorEmail = details.AuthorEmail,
            Maintainer = details.Maintainer,
            MaintainerEmail = details.MaintainerEmail,
            Url = details.Url,
            Version = details.Version,
            CreatorUserId = details.CreatorUserId,
            MetadataCreated = created,
            MetadataModified = modified,
        };
        var resources = Enumerable.Range(0, Donor().ResourceCount)
            .Select(position => ToResource(Pick(sample.Resources), id, position, created, modified))
            .ToList();
        var tags = PickDistinct(sample.TagNames.Count, Donor().TagCount, () => Pick(sample.TagNames));
        var extras = Donor().Extras;
        var groupIds = PickDistinct(
            groupChoice.Count, Donor().GroupCount, () => groupChoice.Next(_random).Row.Id);

        await session.InsertPackageAsync(package, cancellationToken);
        await session.SaveResourcesAsync(id, resources, cancellationToken);
        await session.ReplacePackageExtrasAsync(id, extras, cancellationToken);
        await session.ReplacePackageTagsAsync(
            id, tags.Select(tag => new TagReference(tag, null)).ToList(), cancellationToken);
        await session.ReplacePackageGroupsAsync(id, groupIds, cancellationToken);

        var formats = resources.Select(resource => resource.Format).OfType<string>().ToList();
        return new GeneratedDataset(title, organization?.Name, tags, resources.Count, formats);
    }

    /// <summary>
    /// Returns the sample's groups as rows, with weights from their dataset counts, adding copies with
    /// numbered names (and the smallest weight) until there are <paramref name="count"/>.
    /// </summary>
    private List<(GroupRow Row, int Weight)> Extend(
        IReadOnlyList<GroupTemplate> templates,
        int count,
        bool isOrganization)
    {
        if (templates.Count == 0)
        {
            templates = [new GroupTemplate(isOrganization ? "organization" : "group", null, null, 1)];
        }

        var created = Dates(Donor()).Created;
        var rows = new List<(GroupRow Row, int Weight)>(count);
        for (var i = 0; i < count; i++)
        {
            var template = templates[i % templates.Count];
            var copy = i / templates.Count;
            var suffix = copy == 0 ? "" : "-" + copy.ToString(CultureInfo.InvariantCulture);
            var row = new GroupRow
            {
                Id = NewId(),
                Name = template.Name + suffix,
                Title = template.Title is null ? null : template.Title + suffix,
                Description = template.Description,
                Type = isOrganization ? "organization" : "group",
                IsOrganization = isOrganization,
                Created = created,
            };
            rows.Add((row, copy == 0 ? template.DatasetCount : templates[^1].DatasetCount));
        }

        return rows;
    }

    private ResourceRow ToResource(
        ResourceTemplate template,
        string packageId,
        int position,
        string created,
        string modified) =>
        new()
        {
            Id = NewId(),
            PackageId = packageId,
            Position = position,
            Url = template.Url,
            Format = template.Format,
            Description = template.Description,
            Hash = template.Hash,
            Name = template.Name,
            ResourceType = template.ResourceType,
            Mimetype = template.Mimetype,
            MimetypeInner = template.MimetypeInner,
            Size = template.Size,
            Created = created,
            LastModified = template.LastModified,
            MetadataModified = modified,
            UrlType = template.UrlType,
            Extras = template.Extras,
        };

    /// <summary>Returns a donor's dates moved back by up to two years, so that they spread out.</summary>
    private (string Created, string Modified) Dates(DatasetTemplate donor)
    {
        var shift = TimeSpan.FromDays(_random.NextDouble() * MaxDaysBack);
        var created = donor.Created - shift;
        var modified = donor.Modified < donor.Created ? created : donor.Modified - shift;
        return (CkanTime.ToStorage(created), CkanTime.ToStorage(modified));
    }

    private string JoinWords(IReadOnlyList<string> pool, int count)
    {
        if (pool.Count == 0 || count == 0)
        {
            return "";
        }

        var text = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            text.Append(i == 0 ? "" : " ").Append(Pick(pool));
        }

        return text.ToString();
    }

    /// <summary>Builds a valid, unique dataset name from the title's ASCII letters and digits.</summary>
    private static string Slug(string title, int index)
    {
        var slug = new StringBuilder();
        foreach (var character in title.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(character))
            {
                slug.Append(character);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }

            if (slug.Length >= 60)
            {
                break;
            }
        }

        var stem = slug.ToString().Trim('-');
        return (stem.Length == 0 ? "dataset" : stem) + "-" + index.ToString("D6", CultureInfo.InvariantCulture);
    }

    private List<string> PickDistinct(int available, int count, Func<string> pick)
    {
        var picked = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var target = Math.Min(count, available);

        // Pools repeat popular values, so a few extra draws may be needed. The cap ends the loop when a
        // pool has fewer distinct values than requested.
        for (var attempt = 0; picked.Count < target && attempt < target * 20; attempt++)
        {
            var value = pick();
            if (seen.Add(value))
            {
                picked.Add(value);
            }
        }

        return picked;
    }

    private DatasetTemplate Donor() => Pick(sample.Datasets);

    private T Pick<T>(IReadOnlyList<T> pool) => pool[_random.Next(pool.Count)];

    /// <summary>Returns a version 4 UUID drawn from the seeded generator, so ids repeat between runs.</summary>
    private string NewId()
    {
        Span<byte> bytes = stackalloc byte[16];
        _random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes).ToString();
    }
}
