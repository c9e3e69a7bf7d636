namespace Ckan.Core.Search;

/// <summary>
/// One term of a search query: a bare word (<see cref="Field"/> null) or <c>field:value</c>, possibly
/// negated with a leading <c>-</c>.
/// </summary>
public sealed record QueryTerm(string? Field, string Value, bool IsNegated);
