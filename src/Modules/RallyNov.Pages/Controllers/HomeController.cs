using Microsoft.AspNetCore.Mvc;
using RallyNov.Core.Settings;
using RallyNov.Pages.Home;
using RallyNov.Pages.Models;

namespace RallyNov.Pages.Controllers;

/// <param name="home">The sections of the enabled modules; optional so the page still renders (welcome text only) without it.</param>
public sealed class HomeController(ISiteIdentityService identities, HomePageBuilder? home = null) : Controller
{
    [HttpGet("/")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var identity = await identities.GetAsync(cancellationToken);
        return View(new HomeViewModel
        {
            SiteName = identity.DisplayName,
            Tagline = identity.Tagline,
            HeroImage = identity.HeroImagePath,
            Intro = HomeIntro.Paragraphs(identity.HomeIntro),
            Sections = home is null ? [] : await home.SectionsAsync(cancellationToken),
        });
    }
}
