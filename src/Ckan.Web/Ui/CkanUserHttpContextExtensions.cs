using Ckan.Core.Model;
using Microsoft.AspNetCore.Http;

namespace Ckan.Web.Ui;

/// <summary>Reads the logged-in user that <see cref="CkanUserMiddleware"/> put on the request.</summary>
public static class CkanUserHttpContextExtensions
{
    /// <summary>Returns the logged-in user, or null for a visitor.</summary>
    public static UserRow? GetCkanUser(this HttpContext http) => CkanUserMiddleware.GetUser(http);
}
