using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RallyNov.Core.Data;
using RallyNov.Core.Hosting;
using RallyNov.Core.Media;
using RallyNov.Core.Modules;
using RallyNov.Core.Security;
using RallyNov.Media.Data;
using RallyNov.Media.Imaging;
using RallyNov.Media.Serving;
using RallyNov.Media.Services;
using RallyNov.Media.Setup;
using RallyNov.Media.Storage;

namespace RallyNov.Media;

/// <summary>Media library: uploads per tenant, metadata in the tenant's database, /media serving with resized variants.</summary>
public sealed class MediaModule : ModuleBase
{
    public const string ModuleId = "RallyNov.Media";

    public override string Id => ModuleId;

    public override string DisplayName => "Médiathèque";

    public override void ConfigureServices(IServiceCollection services)
    {
        services.AddOptions<MediaOptions>().BindConfiguration(MediaOptions.Section);
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped(sp => MediaDbContextFactory.Create(sp.GetRequiredService<RallyNovDbContext>()));
        services.AddSingleton<MediaFolders>();
        services.AddSingleton<Core.Tenants.ITenantChangeHandler, SharedMediaTenantChangeHandler>();
        services.AddSingleton<Core.Hosting.ITenantResetHandler, SharedMediaResetHandler>();
        services.AddScoped<IMediaStore, MediaStore>();
        services.AddSingleton<IImageProcessor, NetVipsImageProcessor>();
        services.AddScoped<IMediaVariantCache, MediaVariantCache>();
        services.AddScoped<IMediaLibrary, MediaLibrary>();
        services.AddScoped<IMediaUsageFinder, MediaUsageFinder>();
        services.AddScoped<IMediaUploads, MediaUploads>();
        services.AddScoped<ITenantMigration, MediaSchemaMigration>();
        services.AddRecipeStep<Recipes.MediaStep>();
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) => MediaEndpoints.Map(endpoints);

    public override void BuildAdminMenu(AdminMenuBuilder menu) => menu
        .Add("Médiathèque", "/admin/media", position: 40, permission: Permissions.ManageMedia)
        .QuickAction("Téléverser", "/admin/media#televerser", position: 20, permission: Permissions.ManageMedia);
}
