using Ckan.Ingest.Detection;
using Ckan.Ingest.Reading;

namespace Ckan.Ingest.Pipeline;

/// <summary>A file to ingest, with what detection found and a way to read it from the start again.</summary>
internal sealed record TableSource(
    string Format,
    DetectedEncoding? Encoding,
    CsvDialect? Dialect,
    Func<IRowReader> Open);
