namespace Ckan.DataStore.Writing;

/// <summary>How datastore_upsert applies records.</summary>
public enum WriteMethod
{
    /// <summary>Update the record matched by its key, or insert it when none matches.</summary>
    Upsert,

    /// <summary>Insert every record.</summary>
    Insert,

    /// <summary>Update records matched by key; one that matches nothing is an error.</summary>
    Update,
}
