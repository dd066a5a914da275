using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using RallyNov.Core.Tenants;
using RallyNov.Core.Web;
using RallyNov.Search.Lucene.Models;
using RallyNov.Search.Lucene.Querying;

namespace RallyNov.Search.Lucene.Controllers;

/// <summary>The /recherche page: works without JavaScript (plain links for facets and pages).</summary>
public sealed class SearchController(ISearchService search, TenantContext tenant, ITenantStore tenants) : Controller
{
    [HttpGet("/recherche")]
    [EnableRateLimiting(RateLimitPolicies.Search)]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var request = SearchRequestReader.Read(Request.Query);
        var response = await search.SearchAsync(request, cancellationToken);
        if (response.Unavailable)
        {
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            Response.Headers.RetryAfter = "60";
        }

        return View(new SearchPageViewModel
        {
            Request = request,
            Response = response,
            CanSearchAllTenants = tenant.Settings.IsDefault,
            TenantNames = tenants.All.ToDictionary(t => t.Name, t => t.DisplayName, StringComparer.OrdinalIgnoreCase),
            Query = Request.Query,
        });
    }
}
