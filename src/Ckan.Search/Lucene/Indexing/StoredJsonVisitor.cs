using Ckan.Search.Lucene.Schema;
using Lucene.Net.Index;

namespace Ckan.Search.Lucene.Indexing;

/// <summary>Reads only the stored dataset JSON of a document and stops there.</summary>
internal sealed class StoredJsonVisitor : StoredFieldVisitor
{
    /// <summary>The stored UTF-8 JSON, or null when the document has none.</summary>
    public byte[]? Json { get; private set; }

    public override Status NeedsField(FieldInfo fieldInfo)
    {
        if (Json is not null)
        {
            return Status.STOP;
        }

        return fieldInfo.Name == IndexFieldNames.StoredJson ? Status.YES : Status.NO;
    }

    public override void BinaryField(FieldInfo fieldInfo, byte[] value) => Json = value;
}
