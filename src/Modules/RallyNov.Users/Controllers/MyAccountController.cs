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

            if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)))
            {
                ModelState.AddModelError(nameof(model.CurrentPassword), "Le mot de passe actuel est incorrect.");
            }

            // One message with every rule that failed: the field shows only its first error.
            var policy = result.Errors.Where(e => e.Code != nameof(IdentityErrorDescriber.PasswordMismatch)).Select(e => e.Description).ToList();
            if (policy.Count > 0)
            {
                ModelState.AddModelError(nameof(model.NewPassword), string.Join(" ", policy));
            }
        }

        model.CurrentPassword = "";
        model.NewPassword = "";
        model.ConfirmPassword = "";
        return View(model);
    }
}
