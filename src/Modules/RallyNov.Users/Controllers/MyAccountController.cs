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

            foreach (var error in result.Errors)
            {
                var key = error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? nameof(model.CurrentPassword) : nameof(model.NewPassword);
                var description = error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "Le mot de passe actuel est incorrect." : error.Description;
                ModelState.AddModelError(key, description);
            }
        }

        model.CurrentPassword = "";
        model.NewPassword = "";
        model.ConfirmPassword = "";
        return View(model);
    }
}
