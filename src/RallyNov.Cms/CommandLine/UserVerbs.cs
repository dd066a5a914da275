using Microsoft.AspNetCore.Identity;
using RallyNov.Core.Hosting;
using RallyNov.Core.Tenants;
using RallyNov.Users.Security;
using RallyNov.Users.Services;

namespace RallyNov.Cms.CommandLine;

/// <summary>
/// The users verbs, for the operator who has lost the way into a site's back office:
/// list the accounts, or give one a new password (which also unlocks and re-enables it).
/// </summary>
internal sealed class UserVerbs(IServiceProvider services, TextWriter output)
{
    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        if (args.Length == 0)
        {
            throw new CommandLineException("utilisez « users list --tenant <Nom> » ou « users reset-password --tenant <Nom> --user <nom> ».");
        }

        var options = CommandArguments.Parse(args[1..]);
        var tenant = await new TenantVerbs(services, output).StartTenantAsync(options.Required("tenant"), cancellationToken);
        await using var scope = services.GetRequiredService<ITenantScopeFactory>().CreateScope(tenant);
        var administration = scope.ServiceProvider.GetRequiredService<IUserAdministration>();
        return args[0] switch
        {
            "list" => await ListAsync(administration, cancellationToken),
            "reset-password" => await ResetPasswordAsync(administration, tenant, options.Required("user"), cancellationToken),
            _ => throw new CommandLineException($"commande « users {args[0]} » inconnue."),
        };
    }

    private async Task<int> ListAsync(IUserAdministration administration, CancellationToken cancellationToken)
    {
        await output.WriteLineAsync($"{"Nom",-24} {"État",-12} {"Rôles",-30} E-mail");
        foreach (var user in await administration.ListAsync(cancellationToken))
        {
            var state = user.IsDisabled ? "désactivé" : user.IsLockedOut ? "bloqué" : "actif";
            var roles = string.Join(", ", user.Roles.Select(BuiltInRoles.DisplayName));
            await output.WriteLineAsync($"{user.UserName,-24} {state,-12} {roles,-30} {user.Email}");
        }

        return 0;
    }

    private async Task<int> ResetPasswordAsync(IUserAdministration administration, TenantSettings tenant, string userName, CancellationToken cancellationToken)
    {
        var user = await administration.FindByNameAsync(userName, cancellationToken)
            ?? throw new CommandLineException($"aucun compte « {userName} » dans le site « {tenant.Name} ».");

        // Generated rather than typed: a password given as an argument would stay in the shell history.
        var password = PasswordGenerator.Generate();
        Check(await administration.ResetPasswordAsync(user.Id, password, cancellationToken));
        Check(await administration.SetDisabledAsync(user.Id, false, actingUserId: null, cancellationToken));
        await output.WriteLineAsync($"Nouveau mot de passe de « {user.UserName} » (site « {tenant.Name} ») : {password}");
        await output.WriteLineAsync("Changez-le après la connexion ; les sessions ouvertes de ce compte sont fermées.");
        return 0;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
