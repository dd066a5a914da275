using Microsoft.Extensions.DependencyInjection;
using RallyNov.Contents;
using RallyNov.Core.Modules;

namespace RallyNov.Taxonomies;

/// <summary>
/// Vocabularies (départements, thèmes, kinds) as the public site uses them. The tables, the
/// storage service and the "taxonomies" recipe step are in the Core; this module adds the
/// display side: resolving the terms stored in content to their French names.
/// </summary>
public sealed class TaxonomiesModule : ModuleBase
{
    public const string ModuleId = "RallyNov.Taxonomies";

    public override string Id => ModuleId;

    public override string DisplayName => "Taxonomies";

    public override IReadOnlyList<string> Dependencies => [ContentsModule.ModuleId];

    public override void ConfigureServices(IServiceCollection services)
    {
        services.AddScoped<ITermNames, TermNames>();
    }
}
