using System.CommandLine;
using System.Text.Json.Nodes;
using Ckan.DataStore;
using Ckan.DataStore.Dumps;
using Ckan.DataStore.Postgres;
using Ckan.DataStore.Querying;

namespace Ckan.Cli.Commands;

/// <summary>
/// <c>ckan datastore</c>: prints the SQL that sets up the PostgreSQL DataStore's roles
/// (<c>set-permissions</c>) and dumps a resource's table to a file (<c>dump</c>).
/// </summary>
public static class DataStoreCommand
{
    /// <summary>Builds the command with its subcommands.</summary>
    public static Command Build(CommandIo io)
    {
        var command = new Command("datastore", "Manage the DataStore.");
        command.Subcommands.Add(SetPermissions(io));
        command.Subcommands.Add(Dump(io));
        return command;
    }

    private static Command SetPermissions(CommandIo io)
    {
        var command = new Command(
            "set-permissions",
            "Print the SQL that gives the DataStore's read-only role what it needs; pipe it into psql as a superuser.");
        command.SetAction((parseResult, cancellationToken) => CliRuntime.GuardAsync(parseResult, io, async () =>
        {
            var config = CliRuntime.Load(parseResult).Config;
            var options = DataStoreOptions.FromConfig(config);
            if (!options.IsPostgres || options.ReadUrl is null)
            {
                throw new CommandFailedException(
                    "set-permissions needs ckan.datastore.write_url and ckan.datastore.read_url set to PostgreSQL URLs; "
                    + "the embedded DataStore has no roles to set up.");
            }

            await io.Output.WriteAsync(PermissionsScript.Build(config.SqlAlchemyUrl, options.WriteUrl!, options.ReadUrl));
            return 0;
        }));
        return command;
    }

    private static Command Dump(CommandIo io)
    {
        var resource = new Argument<string>("RESOURCE_ID") { Description = "The resource whose table to dump." };
        var output = new Argument<string>("OUTPUT_FILE")
        {
            Description = "Where to write the dump; - for standard output.",
            Arity = ArgumentArity.ZeroOrOne,
            DefaultValueFactory = _ => "-",
        };
        var format = new Option<string>("--format") { Description = "csv, tsv, json or xml.", DefaultValueFactory = _ => "csv" };
        var offset = new Option<int>("--offset") { Description = "Rows to skip first." };
        var limit = new Option<int?>("--limit") { Description = "Most rows to write." };
        var bom = new Option<bool>("--bom") { Description = "Start the file with a UTF-8 byte order mark." };
        var command = new Command("dump", "Write a resource's DataStore table to a file.") { resource, output, format, offset, limit, bom };
        command.SetAction((parseResult, cancellationToken) => CliRuntime.GuardAsync(parseResult, io, async () =>
        {
            var options = DataStoreOptions.FromConfig(CliRuntime.Load(parseResult).Config);
            var dumpFormat = DumpFormat.Parse(parseResult.GetValue(format))
                ?? throw new CommandFailedException("--format must be one of csv, tsv, json or xml.");
            await using var store = DataStoreFactory.Create(options);
            var id = parseResult.GetValue(resource)!;
            var schema = await store.FindTableAsync(id, cancellationToken)
                ?? throw new CommandFailedException($"Resource \"{id}\" has no DataStore table.");
            var query = SearchRequestParser.Parse(
                new JsonObject { ["offset"] = parseResult.GetValue(offset) }, schema, parseResult.GetValue(limit), options.DefaultLanguage);

            var path = parseResult.GetValue(output)!;
            await using Stream stream = path == "-" ? new TextWriterStream(io.Output) : File.Create(path);
            await new DumpWriter(store).WriteAsync(query, dumpFormat, parseResult.GetValue(bom), stream, cancellationToken);
            return 0;
        }));
        return command;
    }
}
