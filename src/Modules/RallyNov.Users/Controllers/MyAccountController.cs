using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using RallyNov.Core.Auditing;
using RallyNov.Users.Data;
using RallyNov.Users.Models;

namespace RallyNov.Users.Controllers;

/// <summary>« Mon mot de passe »: any signed-in user changes their own password.</summary>
[Area("Admin")]
public sealed class MyAccountController(
    UserManager<RallyNovUser> users,
    SignInManager<RallyNovUser> signIn,
    IAuditTrail audit,
    IAuditEventFactory auditEvents) : Controller
{
    [HttpGet("/admin/account/password")]
    public IActionResult Password() => View(new ChangePasswordViewModel());

    [HttpPost("/admin/account/password")]
    public async Task<IActionResult> Password(ChangePasswordViewModel model, CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        // Every problem at once: the policy is checked even when another field failed.
        var policy = new List<string>();
        if (!string.IsNullOrEmpty(model.NewPassword))
        {
            foreach (var validator in users.PasswordValidators)
            {
                policy.AddRange((await validator.ValidateAsync(users, user, model.NewPassword)).Errors.Select(e => e.Description));
            }
        }

        if (policy.Count > 0)
        {
            ModelState.AddModelError(nameof(model.NewPassword), string.Join(" ", policy));
            if (!string.IsNullOrEmpty(model.CurrentPassword) && !await users.CheckPasswordAsync(user, model.CurrentPassword))
            {
                ModelState.AddModelError(nameof(model.CurrentPassword), "Le mot de passe actuel est incorrect.");
            }
        }

        if (ModelState.IsValid)
        {
            // Checks the current password and the policy, then renews the security stamp: every other
            // session of the account ends at its next request.
            var result = await users.ChangePasswordAsync(user, model.CurrentPassword, model.NewPassword);
            if (result.Succeeded)
            {
                // This browser keeps its session, with a cookie that carries the new stamp.
                await signIn.RefreshSignInAsync(user);
                await audit.RecordAsync(
                    auditEvents.Create(AuditCategories.Security, AuditActions.PasswordChanged, user.UserName, user.UserName, "Par l'utilisateur ; ses autres sessions sont fermées"),
                    cancellationToken);
                TempData["Message"] = "Votre mot de passe est changé. Vos sessions ouvertes sur d'autres appareils sont fermées.";
                return Redirect(Url.Content("~/admin"));
            }

            var mismatch = result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch));
            ModelState.AddModelError(
                mismatch ? nameof(model.CurrentPassword) : "",
                mismatch ? "Le mot de passe actuel est incorrect." : string.Join(" ", result.Errors.Select(e => e.Description)));
        }

        model.CurrentPassword = "";
        model.NewPassword = "";
        model.ConfirmPassword = "";
        return View(model);
    }
}
