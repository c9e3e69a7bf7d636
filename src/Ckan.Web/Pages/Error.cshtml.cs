using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Logging;

namespace Ckan.Web.Pages;

/// <summary>
/// The error page for every status the pages end with (404, 403, 400, 500). It never shows exception
/// details; an unexpected failure is logged here once.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel(ILogger<ErrorModel> logger) : PageModel
{
    public int Code { get; private set; }

    public IActionResult OnGet(int code) => Show(code);

    public IActionResult OnPost(int code) => Show(code);

    private PageResult Show(int code)
    {
        Code = code is >= 400 and <= 599 ? code : StatusCodes.Status404NotFound;
        var failure = HttpContext.Features.Get<IExceptionHandlerPathFeature>();
        if (failure is not null)
        {
            Code = StatusCodes.Status500InternalServerError;
            Log.PageFailed(logger, failure.Path, failure.Error);
        }

        Response.StatusCode = Code;
        return Page();
    }
}
