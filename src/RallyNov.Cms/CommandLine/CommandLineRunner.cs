using RallyNov.Core.Hosting;

namespace RallyNov.Cms.CommandLine;

/// <summary>
/// Verbs on the same executable as the site: the host's own (`export`, `import`) and those modules
/// register (`tenants ...` by the tenants module) as <see cref="ICommandLineVerb"/>. Without a verb the web server
/// runs. Verbs work on the same data as a running server (SQLite WAL + busy timeout).
/// </summary>
internal static class CommandLineRunner
{
    private static readonly string[] HelpWords = ["help", "--help", "-h"];

    /// <summary>Arguments for the web host: verbs and their options are not configuration.</summary>
    public static string[] HostArguments(string[] args) => IsVerb(args) ? [] : args;

    /// <summary>The host's verbs first, then the modules' ones, in registration order.</summary>
    public static IReadOnlyList<ICommandLineVerb> Verbs(IServiceProvider services) =>
        [new ExportVerb(services), new ImportVerb(services), .. services.GetServices<ICommandLineVerb>()];

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        if (!IsVerb(args))
        {
            await app.RunAsync();
            return 0;
        }

        var verbs = Verbs(app.Services);
        if (HelpWords.Contains(args[0]))
        {
            return Usage(Console.Out, 0, verbs);
        }

        try
        {
            var verb = verbs.FirstOrDefault(v => v.Name == args[0])
                ?? throw new CommandLineUsageException($"commande inconnue « {args[0]} ».");
            return await verb.RunAsync(new CommandLineContext(args[1..], Console.Out), CancellationToken.None);
        }
        catch (CommandLineUsageException ex)
        {
            await Console.Error.WriteLineAsync("Erreur : " + ex.Message);
            return Usage(Console.Error, 2, verbs);
        }
        catch (Exception ex) when (ex is Core.Recipes.RecipeException or InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync("Erreur : " + ex.Message);
            return 1;
        }
    }

    /// <summary>A first argument that is not an option ("--urls ...") names a verb.</summary>
    private static bool IsVerb(string[] args) =>
        args.Length > 0 && (HelpWords.Contains(args[0]) || !args[0].StartsWith('-'));

    internal static int Usage(TextWriter writer, int code, IEnumerable<ICommandLineVerb> verbs)
    {
        writer.WriteLine("""
            Utilisation : dotnet run --project src/RallyNov.Cms -- <commande>

            Sans commande, le site démarre (http://localhost:5000).

            Commandes :
            """);
        foreach (var line in verbs.SelectMany(v => v.Usage))
        {
            writer.WriteLine("  " + line);
        }

        writer.WriteLine("  help                                         affiche cette aide");
        return code;
    }
}
