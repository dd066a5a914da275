using Microsoft.Extensions.DependencyInjection;
using RallyNov.Core.Data;
using RallyNov.Core.Hosting;
using RallyNov.Core.Tenants;
using RallyNov.Tenants.Management;
using RallyNov.Tenants.Packages;

namespace RallyNov.Tenants.CommandLine;

/// <summary>
/// `tenants list|create|disable|enable|remove|export|import`: the « Sites » screens for the command
/// line, through the same manager (same rules, same French messages). A running server sees every
/// change within a second (it watches tenants.json). `tenants reset`: the explicit way to set a site
/// up again from its recipe when its database is lost (the old one is kept aside).
/// </summary>
internal sealed class TenantsVerb(IServiceProvider services) : ICommandLineVerb
{
    public string Name => "tenants";

    public IReadOnlyList<string> Usage =>
    [
        "tenants list                                 liste les sites (nom, adresse, état, base)",
        "tenants create --name <Nom> --prefix <préfixe> [--host <hôte>] [--display-name <nom affiché>]",
        "      [--recipe territoire|vide] --admin-user <nom> --admin-email <e-mail> --admin-password <mot de passe>",
        "                                             crée et installe un site",
        "tenants disable|enable --name <Nom>          ferme ou rouvre un site",
        "tenants remove --name <Nom> --confirm <Nom>  supprime un site désactivé et toutes ses données",
        "tenants export --name <Nom> --out <fichier.zip>",
        "                                             exporte un site (recette + médias)",
        "tenants import --name <Nom> --prefix <préfixe> [--host …] [--display-name …] [--admin-… …] <fichier.zip>",
        "                                             crée un site à partir d'un export",
        "tenants reset --name <Nom> --confirm <Nom>   réinstalle un site depuis sa recette (base perdue ou illisible) ;",
        "                                             l'ancienne base est conservée à côté, jamais effacée",
    ];

    public async Task<int> RunAsync(CommandLineContext context, CancellationToken cancellationToken)
    {
        var action = context.Positional.Count > 0 ? context.Positional[0] : "";
        await services.GetRequiredService<TenantSetupService>().EnsureTenantsFileAsync(cancellationToken);
        return action switch
        {
            "list" when context.Positional.Count == 1 && !context.HasOptions => await ListAsync(context, cancellationToken),
            "create" when context.Positional.Count == 1 => await CreateAsync(context, cancellationToken),
            "disable" when context.Positional.Count == 1 => await SetStateAsync(context, enable: false, cancellationToken),
            "enable" when context.Positional.Count == 1 => await SetStateAsync(context, enable: true, cancellationToken),
            "remove" when context.Positional.Count == 1 => await RemoveAsync(context, cancellationToken),
            "export" when context.Positional.Count == 1 => await ExportAsync(context, cancellationToken),
            "import" when context.Positional.Count == 2 => await ImportAsync(context, cancellationToken),
            "reset" when context.Positional.Count == 1 => await ResetAsync(context, cancellationToken),
            _ => throw new CommandLineUsageException("utilisez « tenants list », « tenants create », « tenants disable », « tenants enable », « tenants remove », « tenants export », « tenants import » ou « tenants reset »."),
        };
    }

    private async Task<int> ListAsync(CommandLineContext context, CancellationToken cancellationToken)
    {
        var database = services.GetRequiredService<ITenantDatabase>();
        var output = context.Output;
        await output.WriteLineAsync($"{"Nom",-14} {"Adresse",-24} {"État",-14} {"Base",-8} Nom affiché");
        foreach (var tenant in services.GetRequiredService<ITenantStore>().All)
        {
            await output.WriteLineAsync($"{tenant.Name,-14} {TenantDescriptions.Address(tenant),-24} {tenant.State,-14} {database.ProviderOf(tenant),-8} {tenant.DisplayName}");
            if (tenant.State == TenantState.Running && await database.CheckAsync(tenant, cancellationToken) is { } outage)
            {
                await output.WriteLineAsync($"{"",-14} ⚠ {outage.Message}");
            }
        }

        return 0;
    }

    private async Task<int> CreateAsync(CommandLineContext context, CancellationToken cancellationToken)
    {
        var request = ReadRequest(context, defaultDisplayName: null) with { Recipe = context.Option("recipe") ?? TenantRecipes.Territory };
        if (request.UsesSetupAdministrator)
        {
            throw new CommandLineUsageException("indiquez le premier administrateur : --admin-user, --admin-email et --admin-password.");
        }

        var tenant = (await services.GetRequiredService<ITenantManager>().CreateAsync(request, TenantAudit.CommandLine, Progress(context), cancellationToken)).Tenant;
        await context.Output.WriteLineAsync($"Site « {tenant.DisplayName} » ({tenant.Name}) créé et en service à l'adresse {TenantDescriptions.Address(tenant)} ; administrateur : {request.AdminUserName}.");
        return 0;
    }

    private async Task<int> SetStateAsync(CommandLineContext context, bool enable, CancellationToken cancellationToken)
    {
        var name = context.Required("name");
        var manager = services.GetRequiredService<ITenantManager>();
        if (enable)
        {
            await manager.EnableAsync(name, TenantAudit.CommandLine, cancellationToken);
            await context.Output.WriteLineAsync($"Site « {name} » de nouveau en service.");
        }
        else
        {
            await manager.DisableAsync(name, TenantAudit.CommandLine, cancellationToken);
            await context.Output.WriteLineAsync($"Site « {name} » désactivé : ses pages répondent 503, ses données sont intactes.");
        }

        return 0;
    }

    private async Task<int> RemoveAsync(CommandLineContext context, CancellationToken cancellationToken)
    {
        var name = context.Required("name");
        var confirmation = context.Required("confirm");
        await services.GetRequiredService<ITenantManager>().RemoveAsync(name, confirmation, TenantAudit.CommandLine, cancellationToken);
        await context.Output.WriteLineAsync($"Site « {name} » supprimé avec sa base de données, ses médias, son index et ses réglages.");
        return 0;
    }

    private async Task<int> ResetAsync(CommandLineContext context, CancellationToken cancellationToken)
    {
        // --tenant: the spelling of the first release of this verb, still in old notes and scripts.
        var name = context.Option("name") ?? context.Option("tenant") ?? throw new CommandLineUsageException("l'option --name est obligatoire.");
        if (!string.Equals(context.Option("confirm"), name, StringComparison.Ordinal))
        {
            throw new CommandLineUsageException(
                $"réinstaller « {name} » remplace tout son contenu par celui de sa recette : confirmez avec --confirm {name}.");
        }

        var tenant = services.GetRequiredService<ITenantStore>().Find(name)
            ?? throw new CommandLineUsageException($"site inconnu « {name} ».");
        if (tenant.State == TenantState.Disabled)
        {
            // A reset ends with the site in service: a site closed on purpose is reopened first, knowingly.
            throw new InvalidOperationException($"Le site « {tenant.Name} » est désactivé : réactivez-le (« tenants enable --name {tenant.Name} ») avant de le réinstaller.");
        }

        if (tenant.State == TenantState.Running && await services.GetRequiredService<ITenantDatabase>().CheckAsync(tenant, cancellationToken) is null)
        {
            // Only for a lost database: replacing a working site by its recipe is never one command away.
            throw new InvalidOperationException(
                $"La base de « {tenant.Name} » répond normalement : « tenants reset » ne sert qu'à réinstaller un site dont la base est perdue ou illisible. " +
                $"Pour repartir de zéro volontairement, exportez-le si besoin, désactivez-le puis supprimez-le (« tenants remove ») et recréez-le.");
        }

        var aside = await services.GetRequiredService<TenantSetupService>().ResetAsync(tenant.Name, cancellationToken);
        await context.Output.WriteLineAsync(aside is null
            ? $"Site « {name} » réinstallé depuis sa recette (il n'avait pas de base)."
            : $"Site « {name} » réinstallé depuis sa recette. L'ancienne base est conservée : {aside}");
        await context.Output.WriteLineAsync("Un serveur en cours d'exécution reprend ce site en quelques secondes ; son index de recherche est reconstruit.");
        return 0;
    }

    private async Task<int> ExportAsync(CommandLineContext context, CancellationToken cancellationToken)
    {
        var name = context.Required("name");
        var file = Path.GetFullPath(context.Required("out"));
        if (services.GetRequiredService<ITenantStore>().Find(name) is null)
        {
            throw new TenantManagementException($"Site inconnu : « {name} ».");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var temp = file + ".tmp";
        try
        {
            await using (var stream = File.Create(temp))
            {
                await services.GetRequiredService<ITenantPackages>().ExportAsync(name, stream, TenantAudit.CommandLine, cancellationToken);
            }

            File.Move(temp, file, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }

        await context.Output.WriteLineAsync($"Site « {name} » exporté dans {file} ({new FileInfo(file).Length / 1024} Ko).");
        return 0;
    }

    private async Task<int> ImportAsync(CommandLineContext context, CancellationToken cancellationToken)
    {
        var file = context.Positional[1];
        if (!File.Exists(file))
        {
            throw new TenantManagementException($"Fichier introuvable : {file}.");
        }

        await using var package = File.OpenRead(file);
        var packages = services.GetRequiredService<ITenantPackages>();
        var info = packages.Inspect(package);
        package.Position = 0;
        var request = ReadRequest(context, info.DisplayName.Length > 0 ? info.DisplayName : null) with { Recipe = TenantRecipes.Empty };
        var tenant = await packages.ImportAsync(request, package, TenantAudit.CommandLine, Progress(context), cancellationToken);
        var admin = request.UsesSetupAdministrator ? services.GetRequiredService<Microsoft.Extensions.Options.IOptions<RallyNovOptions>>().Value.Setup.AdminUserName : request.AdminUserName;
        await context.Output.WriteLineAsync($"Site « {tenant.DisplayName} » ({tenant.Name}) importé et en service à l'adresse {TenantDescriptions.Address(tenant)} ; administrateur : {admin}.");
        return 0;
    }

    private static TenantCreateRequest ReadRequest(CommandLineContext context, string? defaultDisplayName)
    {
        var name = context.Required("name");
        var admin = new[] { context.Option("admin-user"), context.Option("admin-email"), context.Option("admin-password") };
        if (admin.Any(a => a is not null) && admin.Any(a => a is null))
        {
            throw new CommandLineUsageException("--admin-user, --admin-email et --admin-password vont ensemble.");
        }

        return new TenantCreateRequest
        {
            Name = name,
            DisplayName = context.Option("display-name") ?? defaultDisplayName ?? "rally'nov " + name,
            UrlPrefix = context.Option("prefix") ?? "",
            Hosts = TenantCreateRequest.ParseHosts(context.Option("host")),
            AdminUserName = admin[0],
            AdminEmail = admin[1],
            AdminPassword = admin[2],
        };
    }

    private static IProgress<TenantSetupProgress> Progress(CommandLineContext context) =>
        new ConsoleStepProgress(context.Output);

    private sealed class ConsoleStepProgress(TextWriter output) : IProgress<TenantSetupProgress>
    {
        public void Report(TenantSetupProgress value) => output.WriteLine($"[{value.Step}/{value.Steps}] {value.Label}");
    }
}
