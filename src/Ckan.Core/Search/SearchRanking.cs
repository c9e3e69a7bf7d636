namespace Ckan.Core.Search;

/// <summary>
/// A score per dataset that both filters and ranks a search: only datasets with a score above zero match,
/// and the score is added to the relevance score of <c>q</c>, so the default sort (score first) orders by it.
/// An explicit sort on other fields still applies.
/// </summary>
public abstract record SearchRanking;

/// <summary>
/// Scores each dataset from numbers that <see cref="IndexDocumentFields.SetNumber"/> stored for it.
/// Datasets lacking any of the fields do not match.
/// </summary>
/// <param name="Fields">The number names, in the order <paramref name="Score"/> receives their values.</param>
/// <param name="Score">Returns the score of one dataset; it must be thread safe and free of side effects.</param>
public sealed record NumericFieldRanking(
    IReadOnlyList<string> Fields,
    Func<IReadOnlyList<double>, double> Score) : SearchRanking;

/// <summary>Scores datasets by id from a table computed elsewhere, such as a spatial database.</summary>
/// <param name="Scores">Score by dataset id; datasets not listed do not match.</param>
public sealed record IdRanking(IReadOnlyDictionary<string, double> Scores) : SearchRanking;
