using RallyNov.Core.Hosting;

namespace RallyNov.Cms.CommandLine;

/// <summary>
/// Verbs on the same executable as the site: `tenants list`, `export`, `import`. Without a verb
/// the web server runs. Verbs work on the same data as a running server (SQLite WAL + busy timeout).
/// </summary>
internal static class CommandLineRunner
{
    private static readonly string[] HelpWords = ["help", "--help", "-h"];

    /// <summary>Arguments for the web host: verbs and their options are not configuration.</summary>
    public static string[] HostArguments(string[] args) => IsVerb(args) ? [] : args;

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        if (!IsVerb(args))
        {
            await app.RunAsync();
            return 0;
        }

        var output = Console.Out;
        var error = Console.Error;
        var moduleVerbs = app.Services.GetServices<ICommandLineVerb>().ToList();
        try
        {
            var verbs = new TenantVerbs(app.Services, output);
            var moduleVerb = moduleVerbs.FirstOrDefault(v => v.Name == args[0]);
            return args[0] switch
            {
                "tenants" => await verbs.TenantsAsync(args[1..], CancellationToken.None),
                "export" => await verbs.ExportAsync(CommandArguments.Parse(args[1..]), CancellationToken.None),
                "import" => await verbs.ImportAsync(CommandArguments.Parse(args[1..]), CancellationToken.None),
                _ when moduleVerb is not null => await moduleVerb.RunAsync(new CommandLineContext(args[1..], output), CancellationToken.None),
                _ when HelpWords.Contains(args[0]) => Usage(output, 0, moduleVerbs),
                _ => throw new CommandLineException($"commande inconnue « {args[0]} »."),
            };
        }
        catch (Exception ex) when (ex is CommandLineException or CommandLineUsageException)
        {
            await error.WriteLineAsync("Erreur : " + ex.Message);
            Usage(error, 2, moduleVerbs);
            return 2;
        }
        catch (Exception ex) when (ex is Core.Recipes.RecipeException or InvalidOperationException or IOException)
        {
            await error.WriteLineAsync("Erreur : " + ex.Message);
            return 1;
        }
    }

    /// <summary>A first argument that is not an option ("--urls ...") names a verb.</summary>
    private static bool IsVerb(string[] args) =>
        args.Length > 0 && (HelpWords.Contains(args[0]) || !args[0].StartsWith('-'));

    internal static int Usage(TextWriter writer, int code, IEnumerable<ICommandLineVerb>? moduleVerbs = null)
    {
        writer.WriteLine("""
            Utilisation : dotnet run --project src/RallyNov.Cms -- <commande>

            Sans commande, le site démarre (http://localhost:5000).

            Commandes :
              tenants list                                 liste les sites (nom, préfixe, état, base)
              export --tenant <Nom> --out <fichier.json>   exporte réglages, vocabulaires et contenus d'un site
              import --tenant <Nom> <fichier.json>         importe une recette dans un site (ré-exécutable sans doublon)
              help                                         affiche cette aide
            """);
        foreach (var line in (moduleVerbs ?? []).SelectMany(v => v.Usage))
        {
            writer.WriteLine("  " + line);
        }

        return code;
    }
}

/// <summary>A usage error: wrong or missing arguments.</summary>
internal sealed class CommandLineException(string message) : Exception(message)
{
    public CommandLineException()
        : this("arguments invalides")
    {
    }

    public CommandLineException(string message, Exception inner)
        : this(message + " " + inner.Message)
    {
    }
}
