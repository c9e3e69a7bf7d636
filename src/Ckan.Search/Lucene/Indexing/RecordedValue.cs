namespace Ckan.Search.Lucene.Indexing;

/// <summary>
/// The tokens of one recorded value, with the position increment and offset its stream reported at the
/// end, which Lucene adds before the field's next value.
/// </summary>
internal readonly record struct RecordedValue(int FirstToken, int TokenCount, int FinalPositionIncrement, int FinalOffset);
