using Ckan.Core.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Ckan.Web.Ui;

/// <summary>
/// Turns the CKAN errors an action throws while a page runs into status codes for the error page.
/// Not found becomes 404 and a bad search query 400. Not authorized becomes 403, or a redirect to the
/// login form for a visitor, as in CKAN.
/// </summary>
public sealed class ActionErrorPageFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Exception is null || executed.ExceptionHandled)
        {
            return;
        }

        var http = context.HttpContext;
        IActionResult? result = executed.Exception switch
        {
            NotFoundException => new NotFoundResult(),
            NotAuthorizedException when http.GetCkanUser() is null => LoginRedirect(http),
            NotAuthorizedException => new StatusCodeResult(StatusCodes.Status403Forbidden),
            SearchQueryException or BadRequestException => new BadRequestResult(),
            _ => null,
        };
        if (result is not null)
        {
            executed.Result = result;
            executed.ExceptionHandled = true;
        }
    }

    private static RedirectResult LoginRedirect(HttpContext http)
    {
        var cameFrom = http.Request.PathBase + http.Request.Path + http.Request.QueryString;
        return new RedirectResult(http.Request.PathBase + "/user/login?came_from=" + Uri.EscapeDataString(cameFrom));
    }
}
