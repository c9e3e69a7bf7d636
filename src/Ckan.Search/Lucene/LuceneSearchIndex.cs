using Ckan.Core.Search;
using Ckan.Search.Lucene.Analysis;
using Ckan.Search.Lucene.Facets;
using Ckan.Search.Lucene.Indexing;
using Ckan.Search.Lucene.Querying;
using Ckan.Search.Lucene.Sorting;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Ckan.Search.Lucene;

/// <summary>
/// The dataset search index on disk with Lucene.NET. It indexes each dataset as CKAN's Solr document and
/// runs package_search queries in Solr's syntax. One writer and a searcher manager serve every caller:
/// writes commit and refresh before they return, so a search started afterwards finds their changes.
/// Thread safe. Opening a folder that another process or instance has open fails, since a Lucene index
/// admits one writer at a time.
/// </summary>
public sealed partial class LuceneSearchIndex : ISearchIndex
{
    /// <summary>The writer's buffer outside bulk loads, in MiB.</summary>
    private const double RAMBufferMB = 64;

    private const string RebuildAdvice =
        "The index is rebuilt from the catalog: delete that folder and run `ckan search-index rebuild`.";

    private readonly string _path;
    private readonly TimeProvider _clock;
    private readonly FieldAnalyzer _analyzer = new();
    private readonly SearchQueryFactory _queries;
    private readonly FacetOrdinalCache _facetOrdinals = new();
    private readonly FacetTotalsCache _facetTotals = new();
    private readonly SortFactory _sorts = new(new NumericSortValues());
    private readonly ThreadLocal<LuceneDocumentFactory> _documentFactories;
    private readonly LuceneDirectory _directory;
    private readonly IndexWriter _writer;
    private readonly SearcherManager _searchers;
    private int _disposed;

    /// <summary>
    /// Opens the index in <paramref name="path"/>, creating the folder and an empty index when they do not
    /// exist. Raises <see cref="SearchIndexUnavailableException"/> when the folder holds a corrupt or
    /// incomplete index, is locked by another process, or cannot be accessed.
    /// </summary>
    /// <param name="path">The index folder.</param>
    /// <param name="clock">The clock that <c>NOW</c> in date math reads; the system clock by default.</param>
    public LuceneSearchIndex(string path, TimeProvider? clock = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        _path = Path.GetFullPath(path);
        _clock = clock ?? TimeProvider.System;
        _queries = new SearchQueryFactory(_analyzer);
        _documentFactories = new ThreadLocal<LuceneDocumentFactory>(() => new LuceneDocumentFactory(_analyzer));

        LuceneDirectory? directory = null;
        IndexWriter? writer = null;
        try
        {
            System.IO.Directory.CreateDirectory(_path);
            directory = FSDirectory.Open(_path);
            writer = new IndexWriter(directory, CreateWriterConfig());
            _searchers = new SearcherManager(writer, applyAllDeletes: true, new BM25SearcherFactory());
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            writer?.Dispose();
            directory?.Dispose();
            _documentFactories.Dispose();
            _analyzer.Dispose();
            throw Unavailable(error);
        }

        _directory = directory;
        _writer = writer;
    }

    /// <summary>The index folder, as a full path.</summary>
    public string IndexPath => _path;

    /// <summary>Closes the index; later calls raise <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        StopCommitTimer();
        _searchers.Dispose();
        try
        {
            _writer.Dispose();
        }
        catch (IOException)
        {
            // Closing without the final commit loses at most the last second of small writes, which the
            // portal's start-up check restores from the catalog. This happens when the folder has gone,
            // for instance, and disposal must not throw.
            RollBackQuietly();
        }

        _directory.Dispose();
        _documentFactories.Dispose();
        _analyzer.Dispose();
    }

    private IndexWriterConfig CreateWriterConfig() => new(TextAnalyzer.Version, _analyzer)
    {
        OpenMode = OpenMode.CREATE_OR_APPEND,
        Similarity = new BM25Similarity(),

        // A rebuild sends thousands of datasets per call; a larger buffer means fewer, larger segments.
        RAMBufferSizeMB = RAMBufferMB,

        // One in-memory segment per core: more would split the buffer into smaller segments without
        // indexing faster. A thread beyond them waits for one, or takes it over while its segment is
        // written out. Lucene's default is 8.
        MaxThreadStates = Math.Clamp(Environment.ProcessorCount, 1, 8),
    };

    private void RollBackQuietly()
    {
        try
        {
            _writer.Rollback();
        }
        catch (IOException)
        {
            // The folder is unusable; the next open reports it with the fix.
        }
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed == 1, this);

    /// <summary>Wraps an I/O failure of the index in an exception that names the folder and the fix.</summary>
    private SearchIndexUnavailableException Unavailable(Exception error)
    {
        var problem = error switch
        {
            LockObtainFailedException =>
                "is locked by another process (a running portal or `ckan` command). Stop it and try again.",
            UnauthorizedAccessException =>
                $"cannot be accessed ({error.Message}). Give this process read and write access to the folder.",
            _ => $"is missing files or is corrupt ({error.Message}). {RebuildAdvice}",
        };
        return new SearchIndexUnavailableException(_path, $"The search index at {_path} {problem}", error);
    }

    /// <summary>Makes every searcher score with BM25, as Solr 8 and later do by default.</summary>
    private sealed class BM25SearcherFactory : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) =>
            new(reader) { Similarity = new BM25Similarity() };
    }
}
