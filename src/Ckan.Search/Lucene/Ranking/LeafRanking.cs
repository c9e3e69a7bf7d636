using Ckan.Core.Search;
using Ckan.Search.Lucene.Indexing;
using Ckan.Search.Lucene.Schema;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Ckan.Search.Lucene.Ranking;

/// <summary>
/// The scores of a <see cref="SearchRanking"/> for the documents of one index segment. A score of zero or
/// less, or NaN, means the document does not match.
/// </summary>
internal abstract class LeafRanking
{
    /// <summary>Returns the score of a document of the segment, by its segment-relative number.</summary>
    public abstract double Score(int document);

    /// <summary>Prepares the scores of <paramref name="ranking"/> for one segment.</summary>
    public static LeafRanking For(SearchRanking ranking, AtomicReader reader) => ranking switch
    {
        NumericFieldRanking numeric => new NumericLeafRanking(numeric, reader),
        IdRanking ids => new IdLeafRanking(ids, reader),
        _ => throw new ArgumentException($"Unknown search ranking {ranking.GetType().Name}.", nameof(ranking)),
    };

    private sealed class NumericLeafRanking : LeafRanking
    {
        private readonly NumericFieldRanking _ranking;
        private readonly NumericDocValues[]? _values;
        private readonly IBits[]? _present;

        public NumericLeafRanking(NumericFieldRanking ranking, AtomicReader reader)
        {
            _ranking = ranking;
            var values = new NumericDocValues[ranking.Fields.Count];
            var present = new IBits[ranking.Fields.Count];
            for (var i = 0; i < values.Length; i++)
            {
                var name = IndexFieldNames.Number(ranking.Fields[i]);
                if (reader.GetNumericDocValues(name) is not { } field || reader.GetDocsWithField(name) is not { } bits)
                {
                    return;
                }

                values[i] = field;
                present[i] = bits;
            }

            _values = values;
            _present = present;
        }

        public override double Score(int document)
        {
            if (_values is null || _present is null)
            {
                return 0;
            }

            var numbers = new double[_values.Length];
            for (var i = 0; i < numbers.Length; i++)
            {
                if (!_present[i].Get(document))
                {
                    return 0;
                }

                numbers[i] = BitConverter.Int64BitsToDouble(_values[i].Get(document));
            }

            return _ranking.Score(numbers);
        }
    }

    /// <summary>Looks each listed id up once per segment, so scoring a document is an array read.</summary>
    private sealed class IdLeafRanking : LeafRanking
    {
        private readonly SortedDocValues? _ids;
        private readonly double[] _scoreByOrdinal = [];

        public IdLeafRanking(IdRanking ranking, AtomicReader reader)
        {
            _ids = reader.GetSortedDocValues(IndexFieldNames.SortKey(LuceneDocumentFactory.IdField));
            if (_ids is null)
            {
                return;
            }

            _scoreByOrdinal = new double[_ids.ValueCount];
            foreach (var (id, score) in ranking.Scores)
            {
                var ordinal = _ids.LookupTerm(new BytesRef(id));
                if (ordinal >= 0)
                {
                    _scoreByOrdinal[ordinal] = score;
                }
            }
        }

        public override double Score(int document)
        {
            var ordinal = _ids?.GetOrd(document) ?? -1;
            return ordinal < 0 ? 0 : _scoreByOrdinal[ordinal];
        }
    }
}
