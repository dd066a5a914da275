using Microsoft.Extensions.DependencyInjection;
using RallyNov.AuditTrail.Data;
using RallyNov.AuditTrail.Services;
using RallyNov.AuditTrail.Setup;
using RallyNov.Core.Auditing;
using RallyNov.Core.Content;
using RallyNov.Core.Data;
using RallyNov.Core.Hosting;
using RallyNov.Core.Modules;
using RallyNov.Core.Security;

namespace RallyNov.AuditTrail;

/// <summary>
/// Who did what, when and from where, per tenant: sign-ins, content, users and roles, settings.
/// Always on: an audit trail that an administrator could switch off would prove little.
/// </summary>
public sealed class AuditTrailModule : ModuleBase
{
    public const string ModuleId = "RallyNov.AuditTrail";

    public override string Id => ModuleId;

    public override string DisplayName => "Journal d'audit";

    public override bool AlwaysEnabled => true;

    public override void ConfigureServices(IServiceCollection services)
    {
        services.AddOptions<AuditTrailOptions>().BindConfiguration(AuditTrailOptions.Section);
        services.AddScoped(sp => AuditTrailDbContextFactory.Create(sp.GetRequiredService<RallyNovDbContext>()));
        services.AddScoped(sp => new Lazy<AuditTrailDbContext>(sp.GetRequiredService<AuditTrailDbContext>));
        services.AddSingleton<AuditRetention>();
        services.AddScoped<IAuditTrail, DatabaseAuditTrail>();
        services.AddScoped<IAuditLog, AuditLog>();
        services.AddScoped<IContentHandler, ContentAuditHandler>();
        services.AddScoped<ITenantMigration, AuditTrailSchemaMigration>();
    }

    public override void BuildAdminMenu(AdminMenuBuilder menu) =>
        menu.Add("Journal d'audit", "/admin/audit", position: 95, permission: Permissions.ViewAuditTrail);
}
