using RallyNov.Cms.CommandLine;
using RallyNov.Contents;
using RallyNov.Core.Web;
using RallyNov.Pages;
using RallyNov.Search.Lucene;
using RallyNov.Theme;

var builder = WebApplication.CreateBuilder(CommandLineRunner.HostArguments(args));

// The modules of this host, in no particular order: the catalog sorts them by dependency.
builder.AddRallyNov(
    new ContentsModule(),
    new PagesModule(),
    new SearchModule(),
    new ThemeModule());

var app = builder.Build();
app.UseRallyNov();

return await CommandLineRunner.RunAsync(app, args);

/// <summary>Entry point type, visible to WebApplicationFactory in the integration tests.</summary>
public partial class Program;
