using Ckan.Core.Errors;
using Ckan.Search.Lucene.Schema;
using Lucene.Net.Search;

namespace Ckan.Search.Lucene.Sorting;

/// <summary>
/// Turns package_search sort clauses into a Lucene sort, always ending with the dataset id so that equal
/// keys come back in the same order on every call and every page. Dates and integers compare through
/// <see cref="NumericSortValues"/>; names and titles through Lucene's sorted doc values.
/// </summary>
internal sealed class SortFactory(NumericSortValues numericValues)
{
    private static readonly HashSet<string> NumericFields = new(StringComparer.Ordinal)
    {
        "metadata_modified", "metadata_created", "num_resources", "num_tags",
    };

    private static readonly HashSet<string> StringFields = new(StringComparer.Ordinal) { "name", "title_string" };

    private static readonly IReadOnlyList<(string Field, bool Descending)> DefaultSort =
    [
        ("score", true),
        ("metadata_modified", true),
    ];

    private readonly NumericSortSource _numericSource = new(numericValues);

    /// <summary>
    /// Builds the sort; an empty list means CKAN's default, <c>score desc, metadata_modified desc</c>.
    /// Raises <see cref="SearchQueryException"/> for a field that cannot be sorted on.
    /// </summary>
    public Sort Create(IReadOnlyList<(string Field, bool Descending)> clauses)
    {
        var fields = new List<SortField>();
        foreach (var (field, descending) in clauses.Count == 0 ? DefaultSort : clauses)
        {
            fields.Add(CreateField(field, descending));
        }

        fields.Add(new SortField(IndexFieldNames.SortKey("id"), SortFieldType.STRING));
        return new Sort([.. fields]);
    }

    private SortField CreateField(string field, bool descending)
    {
        if (field == "score")
        {
            // Lucene's natural score order is highest first.
            return new SortField(null, SortFieldType.SCORE, !descending);
        }

        if (NumericFields.Contains(field))
        {
            return new SortField(IndexFieldNames.SortKey(field), _numericSource, descending);
        }

        if (!StringFields.Contains(field))
        {
            var sortable = string.Join(", ", NumericFields.Concat(StringFields).Prepend("score"));
            throw new SearchQueryException(
                $"'Invalid \"sort\" parameter': cannot sort on {field}; sortable fields are {sortable}.");
        }

        var sortField = new SortField(IndexFieldNames.SortKey(field), SortFieldType.STRING, descending);

        // Solr's string type sorts missing values last in both directions; Lucene applies the
        // direction to the missing marker too, so it flips for descending sorts.
        sortField.SetMissingValue(descending ? SortField.STRING_FIRST : SortField.STRING_LAST);
        return sortField;
    }
}
