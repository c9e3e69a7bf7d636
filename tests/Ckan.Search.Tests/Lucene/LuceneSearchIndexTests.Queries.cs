using Ckan.Core.Search;
using static Ckan.Search.Tests.DatasetFacts;

namespace Ckan.Search.Tests.Lucene;

public sealed partial class LuceneSearchIndexTests
{
    [Theory]
    [InlineData("council", new[] { "council", "councils" })]
    [InlineData("Council", new[] { "council", "councils" })]
    [InlineData("transaction", new[] { "transaction", "transactions" })]
    [InlineData("ecological", new[] { "ecological", "ecology" })]
    [InlineData("diego", new[] { "diego" })]
    public async Task Bare_word_matches_its_inflections(string query, string[] forms)
    {
        var real = fixture.Require();
        var expected = real.PublicIds(dataset => HasWord(dataset, forms));

        var ids = await real.AllIdsAsync(query);

        Assert.NotEmpty(expected);
        Assert.Equal(expected, ids);
    }

    [Fact]
    public async Task Two_bare_words_require_both()
    {
        var real = fixture.Require();
        var expected = real.PublicIds(dataset =>
            HasWord(dataset, "purchase", "purchases") && HasWord(dataset, "card", "cards"));

        var ids = await real.AllIdsAsync("purchase card");

        Assert.NotEmpty(expected);
        Assert.Equal(expected, ids);
    }

    [Fact]
    public async Task Three_bare_words_require_any_two()
    {
        var real = fixture.Require();
        string[][] words = [["purchase", "purchases"], ["council", "councils"], ["data"]];
        var expected = real.PublicIds(dataset => words.Count(forms => HasWord(dataset, forms)) >= 2);

        var ids = await real.AllIdsAsync("purchase council data");

        Assert.True(expected.Count > real.PublicIds(dataset => words.All(forms => HasWord(dataset, forms))).Count);
        Assert.Equal(expected, ids);
    }

    [Fact]
    public async Task Bare_word_with_minus_excludes_datasets()
    {
        var real = fixture.Require();
        var expected = real.PublicIds(dataset =>
            HasWord(dataset, "council", "councils") && !HasWord(dataset, "purchase", "purchases"));

        var ids = await real.AllIdsAsync("council -purchase");

        Assert.NotEmpty(expected);
        Assert.Equal(expected, ids);
    }

    [Fact]
    public async Task Quoted_bare_phrase_matches_adjacent_words()
    {
        var real = fixture.Require();
        var expected = real.PublicIds(dataset => TextValueWords(dataset)
            .Any(words => HasPhrase(words, ["purchase", "purchases"], ["card", "cards"])));

        var ids = await real.AllIdsAsync("\"purchase card\"");

        Assert.NotEmpty(expected);
        Assert.Equal(expected, ids);
    }

    [Fact]
    public async Task Exact_name_match_ranks_first()
    {
        var real = fixture.Require();
        var target = real.Public.First(dataset => Text(dataset, "name") == "april-2021-purchase-card-transactions");

        var (_, ids) = await real.SearchAsync(new SearchRequest { Query = "april-2021-purchase-card-transactions" });

        Assert.Equal(Id(target), ids[0]);
    }

    [Theory]
    [InlineData("poblacion")]
    [InlineData("Población")]
    [InlineData("POBLACIONES")]
    [InlineData("title:poblacion")]
    public async Task Words_ignore_accents_case_and_plural(string query)
    {
        using var folder = new TemporaryFolder();
        var singular = DatasetFactory.Create(title: "Población de Madrid");
        var plural = DatasetFactory.Create(title: "Poblaciones rurales de España");
        var other = DatasetFactory.Create(title: "Empleo por provincia");
        using var index = await CreateIndexAsync(
            folder,
            DatasetFactory.Indexed(singular),
            DatasetFactory.Indexed(plural),
            DatasetFactory.Indexed(other));

        var result = await index.SearchAsync(new SearchRequest { Query = query }, Token);

        Assert.Equal(
            new[] { Id(singular), Id(plural) }.Order(StringComparer.Ordinal),
            result.Results.Select(DatasetFactory.IdOf).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("生態", "溫寮溪道路工程生態檢核成果")]
    [InlineData("檢核成果", "溫寮溪道路工程生態檢核成果")]
    [InlineData("estadística", "Estadísticas municipales")]
    [InlineData("estadisticos", "Datos estadísticos")]
    [InlineData("flood", "Flooding in the valley")]
    [InlineData("floods", "Flood map")]
    public async Task Word_forms_match_across_languages(string query, string title)
    {
        using var folder = new TemporaryFolder();
        var dataset = DatasetFactory.Create(title: title);
        using var index = await CreateIndexAsync(folder, DatasetFactory.Indexed(dataset));

        var result = await index.SearchAsync(new SearchRequest { Query = query }, Token);

        Assert.Equal(1, result.Count);
    }

    [Fact]
    public async Task Chinese_word_does_not_match_its_characters_apart()
    {
        using var folder = new TemporaryFolder();
        var together = DatasetFactory.Create(title: "生態檢核");
        var apart = DatasetFactory.Create(title: "生命 形態");
        using var index = await CreateIndexAsync(
            folder,
            DatasetFactory.Indexed(together),
            DatasetFactory.Indexed(apart));

        var result = await index.SearchAsync(new SearchRequest { Query = "生態" }, Token);

        Assert.Equal([Id(together)], result.Results.Select(DatasetFactory.IdOf));
    }

    [Fact]
    public async Task Six_bare_words_require_four()
    {
        using var folder = new TemporaryFolder();
        var four = DatasetFactory.Create(title: "alpha bravo charlie delta");
        var three = DatasetFactory.Create(title: "alpha bravo charlie");
        using var index = await CreateIndexAsync(folder, DatasetFactory.Indexed(four), DatasetFactory.Indexed(three));

        var result = await index.SearchAsync(
            new SearchRequest { Query = "alpha bravo charlie delta echo foxtrot" },
            Token);

        Assert.Equal([Id(four)], result.Results.Select(DatasetFactory.IdOf));
    }

    [Theory]
    [InlineData("tags", "UAV")]
    [InlineData("tags", "uav")]
    [InlineData("tags", "playaround workshop")]
    [InlineData("tags", "生態檢核")]
    [InlineData("groups", "thcts")]
    [InlineData("organization", "as-rchss-gis")]
    [InlineData("organization", "birmingham-city-council")]
    [InlineData("res_format", "CSV")]
    [InlineData("res_format", "csv")]
    [InlineData("res_format", "external resources")]
    [InlineData("license_id", "cc-by")]
    [InlineData("name", "april-2021-purchase-card-transactions")]
    [InlineData("capacity", "public")]
    [InlineData("dataset_type", "dataset")]
    [InlineData("state", "active")]
    public async Task Fielded_term_on_exact_field_matches_whole_value(string field, string value)
    {
        var real = fixture.Require();
        var expected = real.PublicIds(dataset => ExactValues(dataset, field).Contains(value));

        var ids = await real.AllIdsAsync($"{field}:\"{value}\"");

        Assert.Equal(expected, ids);
    }

    [Fact]
    public async Task Exact_field_ignores_part_of_value()
    {
        var real = fixture.Require();

        var ids = await real.AllIdsAsync("tags:playaround");

        Assert.Equal(real.PublicIds(dataset => Tags(dataset).Contains("playaround")), ids);
        Assert.DoesNotContain(real.PublicIds(dataset => Tags(dataset).Contains("playaround workshop"))[0], ids);
    }

    [Fact]
    public async Task Unquoted_hyphenated_value_matches_exact_field()
    {
        var real = fixture.Require();

        var ids = await real.AllIdsAsync("organization:birmingham-city-council");

        Assert.Equal(real.PublicIds(dataset => Organization(dataset) == "birmingham-city-council"), ids);
    }

    [Fact]
    public async Task Id_and_owner_org_match_exactly()
    {
        var real = fixture.Require();
        var dataset = real.Public.First(item => Text(item, "owner_org") is not null);
        var owner = Text(dataset, "owner_org")!;

        var byId = await real.AllIdsAsync($"id:{Id(dataset)}");
        var byOwner = await real.AllIdsAsync($"owner_org:\"{owner}\"");

        Assert.Equal([Id(dataset)], byId);
        Assert.Equal(real.PublicIds(item => Text(item, "owner_org") == owner), byOwner);
    }

    [Fact]
    public async Task Fielded_phrase_on_text_field_matches_adjacent_words()
    {
        var real = fixture.Require();
        var expected = real.PublicIds(dataset =>
            HasPhrase(Words(Text(dataset, "title") ?? ""), ["purchase", "purchases"], ["card", "cards"]));

        var ids = await real.AllIdsAsync("title:\"purchase card\"");

        Assert.NotEmpty(expected);
        Assert.Equal(expected, ids);
    }

    [Fact]
    public async Task Text_field_term_searches_that_field()
    {
        var real = fixture.Require();
        var expected = real.PublicIds(dataset => Words(Text(dataset, "notes") ?? "").Contains("river"));

        var ids = await real.AllIdsAsync("notes:river");

        Assert.NotEmpty(expected);
        Assert.Equal(expected, ids);
    }

    [Theory]
    [InlineData("tags:UAV AND tags:UAS")]
    [InlineData("tags:UAV && tags:UAS")]
    [InlineData("tags:UAV tags:UAS")]
    [InlineData("+tags:UAV +tags:UAS")]
    public async Task And_forms_require_both_terms(string query)
    {
        var real = fixture.Require();
        var expected = real.PublicIds(dataset => Tags(dataset).Contains("UAV") && Tags(dataset).Contains("UAS"));

        var ids = await real.AllIdsAsync(query);

        Assert.NotEmpty(expected);
        Assert.Equal(expected, ids);
    }

    [Theory]
    [InlineData("tags:UAV OR tags:UAS")]
    [InlineData("tags:UAV || tags:UAS")]
    [InlineData("tags:(UAV OR UAS)")]
    public async Task Or_forms_accept_either_term(string query)
    {
        var real = fixture.Require();
        var expected = real.PublicIds(dataset => Tags(dataset).Contains("UAV") || Tags(dataset).Contains("UAS"));

        var ids = await real.AllIdsAsync(query);

        Assert.Equal(expected, ids);
    }

    [Theory]
    [InlineData("tags:UAV NOT tags:UAS")]
    [InlineData("tags:UAV -tags:UAS")]
    [InlineData("tags:UAV AND NOT tags:UAS")]
    public async Task Not_forms_exclude_the_term(string query)
    {
        var real = fixture.Require();
        var expected = real.PublicIds(dataset => Tags(dataset).Contains("UAV") && !Tags(dataset).Contains("UAS"));

        var ids = await real.AllIdsAsync(query);

        Assert.NotEmpty(expected);
        Assert.Equal(expected, ids);
    }

    [Theory]
    [InlineData("-res_format:PDF")]
    [InlineData("NOT res_format:PDF")]
    [InlineData("*:* -res_format:PDF")]
    public async Task Purely_negative_query_matches_everything_else(string query)
    {
        var real = fixture.Require();
        var expected = real.PublicIds(dataset => !Formats(dataset).Contains("PDF"));

        var ids = await real.AllIdsAsync(query);

        Assert.Equal(expected, ids);
    }

    [Fact]
    public async Task Grouped_clauses_combine_with_and()
    {
        var real = fixture.Require();
        var expected = real.PublicIds(dataset =>
            (Tags(dataset).Contains("UAV") || Groups(dataset).Contains("thcts")) && Formats(dataset).Contains("JPEG"));

        var ids = await real.AllIdsAsync("(tags:UAV OR groups:thcts) AND res_format:JPEG");

        Assert.NotEmpty(expected);
        Assert.Equal(expected, ids);
    }

    [Theory]
    [InlineData("title:ecolog*")]
    [InlineData("title:Ecolog*")]
    public async Task Text_prefix_ignores_case(string query)
    {
        var real = fixture.Require();
        var expected = real.PublicIds(dataset =>
            Words(Text(dataset, "title") ?? "").Any(word => word.StartsWith("ecolog", StringComparison.Ordinal)));

        var ids = await real.AllIdsAsync(query);

        Assert.NotEmpty(expected);
        Assert.Equal(expected, ids);
    }

    [Fact]
    public async Task Prefix_on_accented_text_is_folded()
    {
        using var folder = new TemporaryFolder();
        var dataset = DatasetFactory.Create(title: "Inundación del río");
        using var index = await CreateIndexAsync(folder, DatasetFactory.Indexed(dataset));

        var result = await index.SearchAsync(new SearchRequest { Query = "title:Inundació*" }, Token);

        Assert.Equal(1, result.Count);
    }

    [Theory]
    [InlineData("name:april*", "^april")]
    [InlineData("name:*transactions", "transactions$")]
    [InlineData("tags:U*", "^U")]
    [InlineData("tags:u*", "^u")]
    [InlineData("res_format:?SV", "^.SV$")]
    [InlineData("res_format:*", ".")]
    public async Task Wildcard_on_exact_field_matches_case_sensitively(string query, string pattern)
    {
        var real = fixture.Require();
        var regex = new System.Text.RegularExpressions.Regex(pattern);
        var expected = real.PublicIds(dataset =>
            ExactValues(dataset, query[..query.IndexOf(':', StringComparison.Ordinal)]).Any(regex.IsMatch));

        var ids = await real.AllIdsAsync(query);

        Assert.Equal(expected, ids);
    }

    [Theory]
    [InlineData("metadata_modified:[2023-01-01T00:00:00Z TO *]", "2023-01-01T00:00:00Z", null, true, true)]
    [InlineData("metadata_modified:[* TO 2015-01-01T00:00:00Z}", null, "2015-01-01T00:00:00Z", true, false)]
    [InlineData("metadata_modified:[NOW-1YEAR TO NOW]", "2022-09-01T12:00:00Z", "2023-09-01T12:00:00Z", true, true)]
    [InlineData(
        "metadata_modified:[NOW/YEAR-1YEAR TO NOW/YEAR}",
        "2022-01-01T00:00:00Z",
        "2023-01-01T00:00:00Z",
        true,
        false)]
    [InlineData(
        "metadata_modified:{2021-10-07T05:58:42.366Z TO NOW/DAY]",
        "2021-10-07T05:58:42.366Z",
        "2023-09-01T00:00:00Z",
        false,
        true)]
    [InlineData(
        "metadata_created:[2020-01-01 TO 2020-12-31T23:59:59.999Z]",
        "2020-01-01T00:00:00Z",
        "2020-12-31T23:59:59.999Z",
        true,
        true)]
    public async Task Date_range_matches_datasets_in_range(
        string query,
        string? from,
        string? to,
        bool fromInclusive,
        bool toInclusive)
    {
        var real = fixture.Require();
        var field = query[..query.IndexOf(':', StringComparison.Ordinal)];
        var lower = from is null ? DateTime.MinValue : ParseUtc(from);
        var upper = to is null ? DateTime.MaxValue : ParseUtc(to);
        var expected = real.PublicIds(dataset =>
        {
            var value = TruncateToMilliseconds(field == "metadata_created" ? Created(dataset) : Modified(dataset));
            return (fromInclusive ? value >= lower : value > lower) && (toInclusive ? value <= upper : value < upper);
        });

        var ids = await real.AllIdsAsync(query);

        Assert.NotEmpty(expected);
        Assert.Equal(expected, ids);
    }

    [Fact]
    public async Task Date_term_matches_the_exact_millisecond()
    {
        var real = fixture.Require();
        var dataset = real.Public[3];
        var instant = TruncateToMilliseconds(Modified(dataset))
            .ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture);

        var ids = await real.AllIdsAsync($"metadata_modified:\"{instant}\"");

        var expected = real.PublicIds(item =>
            TruncateToMilliseconds(Modified(item)) == TruncateToMilliseconds(Modified(dataset)));
        Assert.Equal(expected, ids);
    }

    [Theory]
    [InlineData("num_resources:[5 TO 10]", "num_resources", 5, 10)]
    [InlineData("num_resources:{10 TO *]", "num_resources", 11, int.MaxValue)]
    [InlineData("num_tags:0", "num_tags", 0, 0)]
    [InlineData("num_tags:[* TO 2}", "num_tags", int.MinValue, 1)]
    public async Task Integer_range_matches_datasets_in_range(string query, string field, int from, int to)
    {
        var real = fixture.Require();
        var expected = real.PublicIds(dataset => Integer(dataset, field) >= from && Integer(dataset, field) <= to);

        var ids = await real.AllIdsAsync(query);

        Assert.NotEmpty(expected);
        Assert.Equal(expected, ids);
    }

    [Theory]
    [InlineData("*:*")]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Match_all_returns_every_visible_dataset(string query)
    {
        var real = fixture.Require();

        var ids = await real.AllIdsAsync(query);

        Assert.Equal(real.PublicIds(_ => true), ids);
    }

    [Fact]
    public async Task Extras_match_as_text_and_exact()
    {
        using var folder = new TemporaryFolder();
        var dataset = DatasetFactory.Create(extras: [("Theme Primary!", "Health and Care")]);
        using var index = await CreateIndexAsync(folder, DatasetFactory.Indexed(dataset));

        var textWord = await index.SearchAsync(new SearchRequest { Query = "extras_ThemePrimary:health" }, Token);
        var exact = await index.SearchAsync(new SearchRequest { Query = "ThemePrimary:\"Health and Care\"" }, Token);
        var exactPart = await index.SearchAsync(new SearchRequest { Query = "ThemePrimary:Health" }, Token);
        var bareWord = await index.SearchAsync(new SearchRequest { Query = "care" }, Token);

        Assert.Equal(1, textWord.Count);
        Assert.Equal(1, exact.Count);
        Assert.Equal(0, exactPart.Count);
        Assert.Equal(1, bareWord.Count);
    }

    [Fact]
    public async Task Unknown_field_is_a_dynamic_string_field()
    {
        var real = fixture.Require();
        var expected = real.PublicIds(dataset =>
            dataset["data_type"] is System.Text.Json.Nodes.JsonArray types
            && types.Any(type => type?.GetValue<string>() == "image"));

        var ids = await real.AllIdsAsync("data_type:image");
        var unknown = await real.AllIdsAsync("no_such_field:anything");

        Assert.NotEmpty(expected);
        Assert.Equal(expected, ids);
        Assert.Empty(unknown);
    }

    private static DateTime ParseUtc(string text) => DateTime.Parse(
        text,
        System.Globalization.CultureInfo.InvariantCulture,
        System.Globalization.DateTimeStyles.AdjustToUniversal);

    private static DateTime TruncateToMilliseconds(DateTime value) =>
        new(value.Ticks - value.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);
}
