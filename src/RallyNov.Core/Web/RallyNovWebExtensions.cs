using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.WebEncoders;
using RallyNov.Core.Caching;
using RallyNov.Core.Cluster;
using RallyNov.Core.Hosting;
using RallyNov.Core.Modules;

namespace RallyNov.Core.Web;

public static class RallyNovWebExtensions
{
    /// <summary>Registers the framework, MVC with the modules' controllers and views, and the given modules.</summary>
    public static WebApplicationBuilder AddRallyNov(this WebApplicationBuilder builder, params IModule[] modules)
    {
        // Serve the modules' and themes' files (_content/...) from the build output in every
        // environment, not only Development; a published app has them in wwwroot anyway.
        builder.WebHost.UseStaticWebAssets();

        var services = builder.Services;
        services.AddRallyNovCore(builder.Configuration, modules);

        var options = builder.Configuration.GetSection(RallyNovOptions.Section).Get<RallyNovOptions>() ?? new RallyNovOptions();
        var dataPath = Path.GetFullPath(Path.Combine(builder.Environment.ContentRootPath, options.DataPath));

        // Databases, media, keys: nobody but the site's account reads the data folder.
        DataFolder.RestrictNewFiles();
        DataFolder.RestrictDirectory(dataPath);
        DataFolder.RestrictDirectory(Path.Combine(dataPath, "DataProtection-Keys"));

        // Keys on disk (or in Redis when nodes share it): sign-ins and antiforgery tokens survive a
        // restart and, with Redis, are read by every node. One application name for all nodes.
        services.AddDataProtection()
            .SetApplicationName("RallyNov.Cms")
            .PersistKeysForRallyNov(options.Redis, Path.Combine(dataPath, "DataProtection-Keys"));

        // Every request body is bounded; the forms that need more say so ([RequestSizeLimit]).
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = RequestLimits.DefaultBody;

            // No "Server: Kestrel" banner telling what to attack.
            kestrel.AddServerHeader = false;
        });

        // Behind a TLS proxy the sign-in and antiforgery cookies are Secure (see UseForwardedHeaders).
        services.AddAntiforgery(o => o.Cookie.SecurePolicy = Microsoft.AspNetCore.Http.CookieSecurePolicy.SameAsRequest);
        services.AddRallyNovRateLimiting();

        // Razor would otherwise write "é" as "&#xE9;" in every French page.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));

        var mvc = services.AddControllersWithViews(o =>
        {
            o.Filters.Add(new FormFirstFilter());
            o.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
        });
        foreach (var assembly in modules.Select(m => m.GetType().Assembly).Distinct())
        {
            if (!mvc.PartManager.ApplicationParts.Any(p => p.Name == assembly.GetName().Name))
            {
                mvc.AddApplicationPart(assembly);
            }
        }

        services.AddSingleton<ModuleControllerConvention>();
        services.AddSingleton<EndpointCatalog>();
        services.AddOptions<MvcOptions>().Configure<ModuleControllerConvention>((o, convention) => o.Conventions.Add(convention));
        services.AddRouting(o => o.LowercaseUrls = true);

        // Brotli first, gzip for older clients; HTML, CSS, JS, JSON, XML, Atom, iCalendar and SVG.
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["image/svg+xml", "application/atom+xml", "text/calendar", "application/manifest+json"]);
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Fastest);
        services.AddSecurityHeaderPolicies(SecurityHeadersSetup.Configure);
        return builder;
    }

    /// <summary>The request pipeline: proxy headers and host check, tenant, then static files, routing, module gate, endpoints.</summary>
    public static WebApplication UseRallyNov(this WebApplication app)
    {
        app.MapGet("/health", HealthEndpoint.HandleAsync);

        // First, so that every answer carries them, refusals and error pages included.
        app.UseSecurityHeaders();

        // First: the client address (rate limits, audit) and https scheme (Secure cookies, links)
        // as the trusted proxy saw them; then no request for an unknown host goes further.
        app.UseForwardedHeaders(ForwardedHeadersSetup.Options(app.Configuration));
        app.UseMiddleware<HostValidationMiddleware>();
        app.UseMiddleware<HeadRequestMiddleware>();
        app.UseMiddleware<TenantMiddleware>();
        app.UseMiddleware<CanonicalUrlMiddleware>();

        // Never the back office: its pages carry antiforgery tokens, which compression over TLS
        // would expose to BREACH-style guessing. Public pages hold no secret. Outside compression,
        // the output cache keeps compressed bytes and validators (docs/operations.md, Caching).
        app.UseWhen(context => !context.Request.Path.StartsWithSegments("/admin", StringComparison.OrdinalIgnoreCase), branch =>
        {
            branch.UseRallyNovCaching();
            branch.UseResponseCompression();
        });

        // After the tenant middleware, so the re-executed error page keeps the tenant and its prefix.
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/erreur/500");
        }

        app.UseStatusCodePagesWithReExecute("/erreur/{0}");


        // The host's own endpoints (/health) have no tenant, hence no error page to show.
        app.Use((context, next) =>
        {
            if (context.RequestServices.GetRequiredService<Tenants.ITenantAccessor>().Current is null
                && context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>() is { } pages)
            {
                pages.Enabled = false;
            }

            return next(context);
        });

        app.UseMiddleware<RequestBodyErrorMiddleware>();

        // Inside the exception handler: a request failing on a missing or corrupt database gets the
        // tenant's 503 page, and the error page (which would read that database too) is not tried.
        app.UseMiddleware<TenantOutageMiddleware>();

        // Files linked with their content hash (?v=..., asp-append-version) never change: cache them for a year.
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = file =>
            {
                if (file.Context.Request.Query.ContainsKey("v"))
                {
                    file.Context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
                }
            },
        });
        app.UseRouting();
        app.UseMiddleware<ModuleGateMiddleware>();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        var catalog = app.Services.GetRequiredService<ModuleCatalog>();
        foreach (var module in catalog.Modules)
        {
            var group = app.MapGroup("").WithMetadata(new ModuleEndpointMetadata(module.Id));
            AdminAntiforgery.RequireForAdminWrites(group);
            module.MapEndpoints(group);
        }

        app.MapControllers();
        app.Services.GetRequiredService<EndpointCatalog>().Capture(app);
        return app;
    }
}
