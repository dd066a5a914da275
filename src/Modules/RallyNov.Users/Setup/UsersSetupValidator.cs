using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using RallyNov.Core.Hosting;
using RallyNov.Users.Data;

namespace RallyNov.Users.Setup;

/// <summary>
/// The administrator a new tenant will get, checked before anything is written: the same rules as
/// the users screen (name characters, e-mail, password policy of every tenant).
/// </summary>
internal sealed partial class UsersSetupValidator(UserManager<RallyNovUser> users) : ITenantSetupValidator
{
    [GeneratedRegex("^[A-Za-z0-9._@+-]{2,64}$")]
    private static partial Regex UserNamePattern();

    public async Task<IReadOnlyList<KeyValuePair<string, string>>> ValidateAsync(TenantSetupContext context, CancellationToken cancellationToken)
    {
        var errors = new List<KeyValuePair<string, string>>();
        if (!UserNamePattern().IsMatch(context.AdminUserName))
        {
            errors.Add(new("AdminUserName", "Le nom d'utilisateur doit contenir de 2 à 64 lettres non accentuées, chiffres ou - . _ @ +."));
        }

        if (string.IsNullOrWhiteSpace(context.AdminEmail) || context.AdminEmail.Length > 256 || !new EmailAddressAttribute().IsValid(context.AdminEmail))
        {
            errors.Add(new("AdminEmail", "L'adresse e-mail de l'administrateur n'est pas valide."));
        }

        if (context.InviteAdministrator)
        {
            // The password is chosen later, through the invitation link, under the same policy.
            return errors;
        }

        if (string.IsNullOrEmpty(context.AdminPassword))
        {
            errors.Add(new("AdminPassword", "Le mot de passe de l'administrateur est obligatoire."));
            return errors;
        }

        // The validators only read the options and the user: no database is touched.
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, new RallyNovUser { UserName = context.AdminUserName }, context.AdminPassword);
            errors.AddRange(result.Errors.Select(e => new KeyValuePair<string, string>("AdminPassword", e.Description)));
        }

        return errors;
    }
}
