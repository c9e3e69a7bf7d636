using Ckan.Core.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Ckan.Web.Ui;

/// <summary>
/// Turns the CKAN errors an action throws while a page runs into status codes, which the error page
/// then renders: not found is 404, not authorized is 403 (a visitor is sent to the login form instead,
/// as CKAN does), a bad search query is 400.
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
