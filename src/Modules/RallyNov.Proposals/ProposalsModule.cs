using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RallyNov.Contents;
using RallyNov.Contents.Admin;
using RallyNov.Core.Data;
using RallyNov.Core.Hosting;
using RallyNov.Core.Modules;
using RallyNov.Core.Settings;
using RallyNov.Initiatives;
using RallyNov.Proposals.Data;
using RallyNov.Proposals.Public;
using RallyNov.Proposals.Services;
using RallyNov.Taxonomies;

namespace RallyNov.Proposals;

/// <summary>
/// « Proposer une initiative »: the public form of every site (/proposer), routed by département
/// to the territory's site, and the back office's moderation (« Propositions »). Contact details
/// live in their own table, never in the content item.
/// </summary>
public sealed class ProposalsModule : ModuleBase
{
    public const string ModuleId = "RallyNov.Proposals";

    public override string Id => ModuleId;

    public override string DisplayName => "Propositions du public";

    public override IReadOnlyList<string> Dependencies => [ContentsModule.ModuleId, TaxonomiesModule.ModuleId, InitiativesModule.ModuleId];

    public override void ConfigureServices(IServiceCollection services)
    {
        services.AddOptions<ProposalsOptions>().BindConfiguration(ProposalsOptions.Section);
        services.AddScoped(sp => ProposalsDbContextFactory.Create(sp.GetRequiredService<RallyNovDbContext>()));
        services.AddScoped<ITenantMigration, ProposalsSchemaMigration>();
        services.AddSingleton<SubmissionGuard>();
        services.AddScoped<ProposalRouter>();
        services.AddScoped<ProposalSubmission>();
        services.AddScoped<ProposalModeration>();
        services.AddScoped<ProposalMerge>();
        services.AddScoped<IDashboardNotice, PendingProposalsNotice>();
        services.AddHostedService<ProposalRetentionService>();
        services.AddSiteMapEntry(new SiteMapEntry(ModuleId, "/proposer", "Proposer une initiative", 20));
    }

    public override void BuildAdminMenu(AdminMenuBuilder menu) =>
        menu.Add("Propositions", "/admin/proposals", position: 12, permission: "PublishContent");
}

/// <summary>« N propositions à examiner » on the dashboard.</summary>
internal sealed class PendingProposalsNotice(ProposalModeration moderation) : IDashboardNotice
{
    public string Permission => "PublishContent";

    public async Task<DashboardNoticeItem?> GetAsync(CancellationToken cancellationToken)
    {
        var count = await moderation.PendingCountAsync(cancellationToken);
        return new DashboardNoticeItem(
            count switch { 0 => "Aucune proposition du public à examiner", 1 => "1 proposition du public à examiner", _ => $"{count} propositions du public à examiner" },
            "/admin/proposals",
            count);
    }
}
