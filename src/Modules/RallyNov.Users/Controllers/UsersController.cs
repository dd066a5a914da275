using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using RallyNov.Core.Security;
using RallyNov.Users.Data;
using RallyNov.Users.Models;
using RallyNov.Users.Security;
using RallyNov.Users.Services;

namespace RallyNov.Users.Controllers;

/// <summary>Accounts of the tenant: list, create, edit roles, disable, reset a password.</summary>
[Area("Admin")]
[RequirePermission(Permissions.ManageUsers)]
public sealed class UsersController(IUserAdministration administration, UserManager<RallyNovUser> users) : Controller
{
    [HttpGet("/admin/users")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await administration.ListAsync(cancellationToken));

    [HttpGet("/admin/users/new")]
    public async Task<IActionResult> Create(CancellationToken cancellationToken) =>
        View("Form", new UserFormViewModel { AvailableRoles = await administration.RoleNamesAsync(cancellationToken) });

    [HttpPost("/admin/users/new")]
    public async Task<IActionResult> Create(UserFormViewModel model, CancellationToken cancellationToken)
    {
        model.Id = null;
        if (string.IsNullOrEmpty(model.Password))
        {
            ModelState.AddModelError(nameof(model.Password), "Le mot de passe est obligatoire.");
        }

        await ValidatePasswordAsync(nameof(model.Password), model.UserName, model.Password);
        CheckAdministratorRole(model.Roles);
        if (ModelState.IsValid)
        {
            var result = await administration.CreateAsync(model.UserName, model.Email, model.Password, model.Roles, cancellationToken);
            if (result.Succeeded)
            {
                TempData["Message"] = $"Le compte « {model.UserName} » a été créé.";
                return RedirectToAction(nameof(Index));
            }

            AddErrors(result);
        }

        return await RedisplayAsync(model, cancellationToken);
    }

    [HttpGet("/admin/users/{id}")]
    public async Task<IActionResult> Edit(string id, CancellationToken cancellationToken)
    {
        var user = await administration.FindAsync(id, cancellationToken);
        if (!MayManage(user, out var refusal))
        {
            return refusal;
        }

        return View("Form", new UserFormViewModel
        {
            Id = user.Id,
            UserName = user.UserName,
            Email = user.Email,
            Roles = [.. user.Roles],
            IsDisabled = user.IsDisabled,
            AvailableRoles = await administration.RoleNamesAsync(cancellationToken),
        });
    }

    [HttpPost("/admin/users/{id}")]
    public async Task<IActionResult> Edit(string id, UserFormViewModel model, CancellationToken cancellationToken)
    {
        var user = await administration.FindAsync(id, cancellationToken);
        if (!MayManage(user, out var refusal))
        {
            return refusal;
        }

        // The name is fixed once created (content items record it as owner); the password has its own form.
        model.Id = id;
        model.UserName = user.UserName;
        model.IsDisabled = user.IsDisabled;
        ModelState.Remove(nameof(model.UserName));
        ModelState.Remove(nameof(model.Password));
        ModelState.Remove(nameof(model.ConfirmPassword));
        CheckAdministratorRole(model.Roles);
        if (ModelState.IsValid)
        {
            var result = await administration.UpdateAsync(id, model.Email, model.Roles, users.GetUserId(User), cancellationToken);
            if (result.Succeeded)
            {
                TempData["Message"] = $"Le compte « {user.UserName} » a été enregistré.";
                return RedirectToAction(nameof(Index));
            }

            AddErrors(result);
        }

        return await RedisplayAsync(model, cancellationToken);
    }

    [HttpPost("/admin/users/{id}/disable")]
    public Task<IActionResult> Disable(string id, CancellationToken cancellationToken) => SetDisabledAsync(id, true, cancellationToken);

    [HttpPost("/admin/users/{id}/enable")]
    public Task<IActionResult> Enable(string id, CancellationToken cancellationToken) => SetDisabledAsync(id, false, cancellationToken);

    [HttpGet("/admin/users/{id}/password")]
    public async Task<IActionResult> Password(string id, CancellationToken cancellationToken)
    {
        var user = await administration.FindAsync(id, cancellationToken);
        return MayManage(user, out var refusal) ? View(new PasswordResetViewModel { Id = user.Id, UserName = user.UserName }) : refusal;
    }

    [HttpPost("/admin/users/{id}/password")]
    public async Task<IActionResult> Password(string id, PasswordResetViewModel model, CancellationToken cancellationToken)
    {
        var user = await administration.FindAsync(id, cancellationToken);
        if (!MayManage(user, out var refusal))
        {
            return refusal;
        }

        model.Id = id;
        model.UserName = user.UserName;
        await ValidatePasswordAsync(nameof(model.NewPassword), user.UserName, model.NewPassword);
        if (ModelState.IsValid)
        {
            var result = await administration.ResetPasswordAsync(id, model.NewPassword, cancellationToken);
            if (result.Succeeded)
            {
                TempData["Message"] = $"Le mot de passe de « {user.UserName} » a été changé.";
                return RedirectToAction(nameof(Index));
            }

            AddErrors(result, nameof(model.NewPassword));
        }

        return View(model);
    }

    private async Task<IActionResult> SetDisabledAsync(string id, bool disabled, CancellationToken cancellationToken)
    {
        var user = await administration.FindAsync(id, cancellationToken);
        if (!MayManage(user, out var refusal))
        {
            return refusal;
        }

        var result = await administration.SetDisabledAsync(id, disabled, users.GetUserId(User), cancellationToken);
        TempData[result.Succeeded ? "Message" : "Error"] = result.Succeeded
            ? $"Le compte « {user.UserName} » a été {(disabled ? "désactivé" : "réactivé")}."
            : string.Join(" ", result.Errors.Select(e => e.Description));
        return RedirectToAction(nameof(Index));
    }

    private async Task<IActionResult> RedisplayAsync(UserFormViewModel model, CancellationToken cancellationToken)
    {
        // The typed values stay in the form; passwords are never sent back to the browser.
        model.Password = null;
        model.ConfirmPassword = null;
        model.AvailableRoles = await administration.RoleNamesAsync(cancellationToken);
        return View("Form", model);
    }

    /// <summary>
    /// ManageUsers may be granted to other roles; it must not become a way to take over the site.
    /// Only administrators manage administrator accounts (edit, disable, reset their password).
    /// </summary>
    private bool MayManage([NotNullWhen(true)] UserSummary? user, [NotNullWhen(false)] out IActionResult? refusal)
    {
        refusal = user is null ? NotFound()
            : IsAdministrator(user.Roles) && !User.IsInRole(BuiltInRoles.Administrator) ? Forbid()
            : null;
        return refusal is null;
    }

    /// <summary>Only administrators hand out the administrator role.</summary>
    private void CheckAdministratorRole(IEnumerable<string> roles)
    {
        if (IsAdministrator(roles) && !User.IsInRole(BuiltInRoles.Administrator))
        {
            ModelState.AddModelError(nameof(UserFormViewModel.Roles), "Seul un administrateur peut donner le rôle Administrateur.");
        }
    }

    private static bool IsAdministrator(IEnumerable<string> roles) => roles.Contains(BuiltInRoles.Administrator, StringComparer.OrdinalIgnoreCase);

    /// <summary>The password policy is checked with the other fields, so every problem shows at once.</summary>
    private async Task ValidatePasswordAsync(string key, string? userName, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return;
        }

        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, new RallyNovUser { UserName = userName }, password);
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(key, error.Description);
            }
        }
    }

    private void AddErrors(IdentityResult result, string? passwordField = null)
    {
        foreach (var error in result.Errors)
        {
            var key = error.Code switch
            {
                "DuplicateUserName" or "InvalidUserName" => nameof(UserFormViewModel.UserName),
                "DuplicateEmail" or "InvalidEmail" => nameof(UserFormViewModel.Email),
                _ when error.Code.StartsWith("Password", StringComparison.Ordinal) => passwordField ?? nameof(UserFormViewModel.Password),
                _ => "",
            };
            ModelState.AddModelError(key, error.Description);
        }
    }
}
