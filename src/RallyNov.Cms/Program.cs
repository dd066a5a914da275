using RallyNov.AdminTheme;
using RallyNov.AuditTrail;
using RallyNov.Cms.CommandLine;
using RallyNov.Contents;
using RallyNov.Core.Web;
using RallyNov.Events;
using RallyNov.Initiatives;
using RallyNov.Laureates;
using RallyNov.Media;
using RallyNov.Pages;
using RallyNov.Partners;
using RallyNov.Proposals;
using RallyNov.Search.Lucene;
using RallyNov.Settings;
using RallyNov.Taxonomies;
using RallyNov.Tenants;
using RallyNov.Theme;
using RallyNov.Users;

var builder = WebApplication.CreateBuilder(CommandLineRunner.HostArguments(args));

// The modules of this host, in no particular order: the catalog sorts them by dependency.
builder.AddRallyNov(
    new ContentsModule(),
    new PagesModule(),
    new TaxonomiesModule(),
    new InitiativesModule(),
    new LaureatesModule(),
    new EventsModule(),
    new PartnersModule(),
    new SearchModule(),
    new ThemeModule(),
    new UsersModule(),
    new AdminThemeModule(),
    new AuditTrailModule(),
    new MediaModule(),
    new ProposalsModule(),
    new TenantsModule(),
    new SettingsModule());

var app = builder.Build();
app.UseRallyNov();

return await CommandLineRunner.RunAsync(app, args);

/// <summary>Entry point type, visible to WebApplicationFactory in the integration tests.</summary>
public partial class Program;
