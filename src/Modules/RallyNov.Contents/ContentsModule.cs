using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RallyNov.Contents.Admin;
using RallyNov.Contents.Admin.Editor;
using RallyNov.Contents.Api;
using RallyNov.Contents.Display;
using RallyNov.Contents.Querying;
using RallyNov.Contents.Scheduling;
using RallyNov.Contents.Syndication;
using RallyNov.Core.Modules;
using RallyNov.Core.Security;

namespace RallyNov.Contents;

/// <summary>Generic content services every tenant needs: display conventions, error pages,
/// shared list reading and the public JSON API.</summary>
public sealed class ContentsModule : ModuleBase
{
    public const string ModuleId = "RallyNov.Contents";

    public override string Id => ModuleId;

    public override string DisplayName => "Contenus";

    public override bool AlwaysEnabled => true;

    public override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<ContentViewLocator>();
        services.AddScoped<IPublishedContentReader, PublishedContentReader>();
        services.AddScoped<IPublishedViews, PublishedViews>();
        services.AddSingleton<PublishedItemStore>();
        services.AddScoped<IPublishedItems, PublishedItems>();
        services.AddScoped<IContentAuthorization, ContentAuthorization>();
        services.AddSingleton<IScheduledPublisher, ScheduledPublisher>();
        services.AddHostedService<ScheduledPublishingBackgroundService>();
        services.AddScoped<IContentEditorModelFactory, ContentEditorModelFactory>();
        services.Replace(ServiceDescriptor.Singleton<Core.Web.ITenantUnavailablePage, Controllers.ThemedUnavailablePage>());
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        ContentApiEndpoints.Map(endpoints);
        SyndicationEndpoints.Map(endpoints);
    }

    public override void BuildAdminMenu(AdminMenuBuilder menu)
    {
        menu.Add("Tableau de bord", "/admin", position: 0, permission: Permissions.ViewContent);
        menu.Add("Tous les contenus", "/admin/contents", position: 10, permission: Permissions.ViewContent);
        menu.Add("Nouveau contenu", "/admin/contents/new", position: 11, permission: Permissions.EditOwnContent);
        menu.QuickAction("Voir le site", "/", position: 90);
    }
}
