namespace Ckan.Search.Lucene.Indexing;

/// <summary>One token as the analysis left it: where its text sits, its position increment and offsets.</summary>
internal readonly record struct RecordedToken(
    int CharStart,
    int Length,
    int PositionIncrement,
    int StartOffset,
    int EndOffset);
