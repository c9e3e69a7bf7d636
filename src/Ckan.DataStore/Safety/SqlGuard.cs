using Ckan.Core.Errors;

namespace Ckan.DataStore.Safety;

/// <summary>
/// The checks datastore_search_sql makes before the database sees the query, with CKAN's errors:
/// one statement only, and only functions from the allow-list.
/// </summary>
public sealed class SqlGuard(AllowedFunctions allowed)
{
    /// <summary>Checks the statement count and the called functions.</summary>
    /// <exception cref="ValidationException">More than one statement, or text that cannot be read.</exception>
    /// <exception cref="NotAuthorizedException">A function outside the allow-list.</exception>
    public void Check(string sql)
    {
        ArgumentNullException.ThrowIfNull(sql);
        if (!SqlScanner.IsSingleStatement(sql))
        {
            throw ValidationException.ForField("query", "Query is not a single statement.");
        }

        var functions = SqlScanner.FunctionNames(sql)
            ?? throw ValidationException.ForField("query", "Query is not a single statement.");
        foreach (var function in functions.Where(function => !allowed.Allows(function)))
        {
            throw new NotAuthorizedException("Not authorized to call function " + function.Trim('"'));
        }
    }

    /// <summary>Returns whether the allow-list contains the function.</summary>
    public bool Allows(string function) => allowed.Allows(function);

    /// <summary>Returns the statement without the trailing semicolons a wrapping SELECT cannot hold.</summary>
    public static string TrimStatement(string sql) => sql.Trim().TrimEnd(';', ' ', '\n', '\r', '\t');

    /// <summary>Refuses a system table by its schema or name, as CKAN does for <c>pg_*</c>.</summary>
    /// <exception cref="NotAuthorizedException">Always, naming no table.</exception>
    public static NotAuthorizedException SystemTables() => new("Not authorized to access system tables");
}
