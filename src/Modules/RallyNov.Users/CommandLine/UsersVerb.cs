using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using RallyNov.Core.Hosting;
using RallyNov.Core.Tenants;
using RallyNov.Users.Security;
using RallyNov.Users.Services;

namespace RallyNov.Users.CommandLine;

/// <summary>
/// `users list --tenant X` and `users reset-password --tenant X --user NAME`, for the operator who
/// has lost the way into a site's back office. The new password is generated and printed, never
/// typed on the command line (it would stay in the shell history), and the account is unlocked.
/// </summary>
internal sealed class UsersVerb(IServiceProvider services) : ICommandLineVerb
{
    public string Name => "users";

    public IReadOnlyList<string> Usage =>
    [
        "users list --tenant <Nom>                    liste les comptes du back-office d'un site",
        "users reset-password --tenant <Nom> --user <nom>  nouveau mot de passe (affiché), compte débloqué",
    ];

    public async Task<int> RunAsync(CommandLineContext context, CancellationToken cancellationToken)
    {
        var action = context.Positional.Count > 0 ? context.Positional[0] : null;
        if (action is not ("list" or "reset-password"))
        {
            throw new CommandLineUsageException("utilisez « users list --tenant <Nom> » ou « users reset-password --tenant <Nom> --user <nom> ».");
        }

        var tenant = await services.GetRequiredService<TenantSetupService>().StartForCommandLineAsync(context.Required("tenant"), cancellationToken);
        await using var scope = services.GetRequiredService<ITenantScopeFactory>().CreateScope(tenant);
        var administration = scope.ServiceProvider.GetRequiredService<IUserAdministration>();
        return action == "list"
            ? await ListAsync(context.Output, administration, cancellationToken)
            : await ResetPasswordAsync(context.Output, administration, tenant, context.Required("user"), cancellationToken);
    }

    private static async Task<int> ListAsync(TextWriter output, IUserAdministration administration, CancellationToken cancellationToken)
    {
        await output.WriteLineAsync($"{"Nom",-24} {"État",-12} {"Rôles",-30} E-mail");
        foreach (var user in await administration.ListAsync(cancellationToken))
        {
            var state = user.IsDisabled ? "désactivé" : !user.HasPassword ? "invité" : user.IsLockedOut ? "bloqué" : "actif";
            var roles = string.Join(", ", user.Roles.Select(BuiltInRoles.DisplayName));
            await output.WriteLineAsync($"{user.UserName,-24} {state,-12} {roles,-30} {user.Email}");
        }

        return 0;
    }

    private static async Task<int> ResetPasswordAsync(TextWriter output, IUserAdministration administration, TenantSettings tenant, string userName, CancellationToken cancellationToken)
    {
        var user = await administration.FindByNameAsync(userName, cancellationToken)
            ?? throw new CommandLineUsageException($"aucun compte « {userName} » dans le site « {tenant.Name} ».");

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
