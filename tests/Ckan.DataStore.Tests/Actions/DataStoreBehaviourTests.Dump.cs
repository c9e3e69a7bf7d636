using System.Net;
using System.Text.Json.Nodes;
using Ckan.DataStore.Tests.Support;
using static Ckan.DataStore.Tests.Support.DataStoreTables;

namespace Ckan.DataStore.Tests.Actions;

public abstract partial class DataStoreBehaviourTests<TPortal>
{
    private async Task<(HttpStatusCode Status, string? ContentType, string? Disposition, byte[] Body)> DumpAsync(string pathAndQuery)
    {
        using var response = await Portal.Client.GetAsync(pathAndQuery, Token);
        var body = await response.Content.ReadAsByteArrayAsync(Token);
        return (response.StatusCode, response.Content.Headers.ContentType?.ToString(),
            response.Content.Headers.ContentDisposition?.ToString(), body);
    }

    [Fact]
    public async Task Csv_dump_has_a_header_and_every_row()
    {
        var id = await Portal.CreateTableAsync(PeopleFields(), PeopleRecords(), Token);

        var dump = await DumpAsync("/datastore/dump/" + id);

        Assert.Equal(HttpStatusCode.OK, dump.Status);
        Assert.Equal("text/csv; charset=utf-8", dump.ContentType);
        Assert.Equal($"attachment; filename=\"{id}.csv\"", dump.Disposition);
        Assert.Equal(
            "_id,name,age,score,born,active\n1,Ada,36,9.5,1815-12-10T00:00:00,t\n2,Grace,85,8.25,1906-12-09T10:30:00,f\n3,Alan,41,,,t\n",
            System.Text.Encoding.UTF8.GetString(dump.Body));
    }

    [Fact]
    public async Task Tsv_dump_with_bom_filters_and_fields()
    {
        var id = await Portal.CreateTableAsync(PeopleFields(), PeopleRecords(), Token);
        var filters = Uri.EscapeDataString("""{"active": true}""");

        var dump = await DumpAsync($"/datastore/dump/{id}?format=tsv&bom=true&fields=name,age&sort=age%20desc&filters={filters}");

        Assert.Equal([0xEF, 0xBB, 0xBF], dump.Body.Take(3));
        Assert.Equal("name\tage\nAlan\t41\nAda\t36\n", System.Text.Encoding.UTF8.GetString(dump.Body.AsSpan(3)));
    }

    [Fact]
    public async Task Json_dump_lists_fields_and_records_as_arrays()
    {
        var id = await Portal.CreateTableAsync(PeopleFields(), PeopleRecords(), Token);

        var dump = await DumpAsync($"/datastore/dump/{id}?format=json&limit=1&fields=name,age");

        Assert.Equal("application/json; charset=utf-8", dump.ContentType);
        var text = System.Text.Encoding.UTF8.GetString(dump.Body);
        Assert.Equal(
            "{\n  \"fields\": [{\"id\":\"name\",\"type\":\"text\",\"info\":{\"label\":\"Name\"}},{\"id\":\"age\",\"type\":\"int4\"}],\n  \"records\": [\n    [\"Ada\",36]\n]}\n",
            text);
    }

    [Fact]
    public async Task Xml_dump_writes_rows_with_nil_for_nulls()
    {
        var id = await Portal.CreateTableAsync(PeopleFields(), PeopleRecords(), Token);

        var dump = await DumpAsync($"/datastore/dump/{id}?format=xml&fields=_id,name,score&offset=2");

        var text = System.Text.Encoding.UTF8.GetString(dump.Body);
        Assert.Equal("text/xml; charset=utf-8", dump.ContentType);
        Assert.StartsWith("<data xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">", text, StringComparison.Ordinal);
        Assert.Contains("<row _id=\"3\"><name>Alan</name><score xsi:nil=\"true\" /></row>", text, StringComparison.Ordinal);
        Assert.EndsWith("</data>\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dump_of_a_missing_table_is_not_found()
    {
        var dump = await DumpAsync("/datastore/dump/" + Guid.NewGuid());

        Assert.Equal(HttpStatusCode.NotFound, dump.Status);
        Assert.Equal("DataStore resource not found", System.Text.Encoding.UTF8.GetString(dump.Body));
    }
}
