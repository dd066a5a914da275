using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using RallyNov.Core.Accounts;
using RallyNov.Core.Email;
using RallyNov.Core.Security;
using RallyNov.Users.Data;
using RallyNov.Users.Models;
using RallyNov.Users.Security;
using RallyNov.Users.Services;

namespace RallyNov.Users.Controllers;

/// <summary>
/// Accounts of the tenant: list, invite, edit roles, disable, send a reset link. Nobody types
/// another person's password: links are e-mailed, or shown once to pass on without SMTP.
/// </summary>
[Area("Admin")]
[RequirePermission(Permissions.ManageUsers)]
public sealed class UsersController(
    IUserAdministration administration,
    IAccountInvitations invitations,
    IPasswordLinks passwordLinks,
    IEmailSender mail,
    UserManager<RallyNovUser> users) : Controller
{
    private const string ShownLinkKey = "AccountLinkShown";

    [HttpGet("/admin/users")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await administration.ListAsync(cancellationToken));

    [HttpGet("/admin/users/new")]
    public async Task<IActionResult> Create(CancellationToken cancellationToken) =>
        View("Form", new UserFormViewModel { AvailableRoles = await administration.RoleNamesAsync(cancellationToken), CanEmail = mail.IsConfigured });

    /// <summary>Creates the account without a password and invites its owner to choose one.</summary>
    [HttpPost("/admin/users/new")]
    public async Task<IActionResult> Create(UserFormViewModel model, CancellationToken cancellationToken)
    {
        model.Id = null;
        CheckAdministratorRole(model.Roles);
        if (ModelState.IsValid)
        {
            var result = await invitations.InviteAsync(new AccountInvitation(model.UserName, model.Email, model.Roles), InvitationDelivery.EmailWhenConfigured, cancellationToken);
            if (result.Succeeded)
            {
                return Invited(result, $"Le compte « {result.UserName} » a été créé");
            }

            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Field ?? "", error.Description);
            }
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

    /// <summary>The administrator never types the password: the page offers a reset link (or a new invitation).</summary>
    [HttpGet("/admin/users/{id}/password")]
    public async Task<IActionResult> Password(string id, CancellationToken cancellationToken)
    {
        var user = await administration.FindAsync(id, cancellationToken);
        return MayManage(user, out var refusal) ? View(new UserPasswordViewModel(user, mail.IsConfigured)) : refusal;
    }

    [HttpPost("/admin/users/{id}/password")]
    public async Task<IActionResult> SendResetLink(string id, CancellationToken cancellationToken)
    {
        var user = await administration.FindAsync(id, cancellationToken);
        if (!MayManage(user, out var refusal))
        {
            return refusal;
        }

        if (!user.HasPassword)
        {
            return await ResendInvitation(id, cancellationToken);
        }

        var result = await passwordLinks.CreateResetLinkAsync(id, cancellationToken);
        if (result is null)
        {
            TempData["Error"] = $"Le compte « {user.UserName} » n'a pas d'adresse e-mail : ajoutez-en une avant d'envoyer un lien.";
            return RedirectToAction(nameof(Index));
        }

        if (result.EmailStatus == EmailSendStatus.Sent)
        {
            TempData["Message"] = $"Un lien de réinitialisation a été envoyé à {result.Email}. Le mot de passe actuel reste valable jusqu'à ce que « {user.UserName} » en choisisse un nouveau.";
            return RedirectToAction(nameof(Index));
        }

        return ShowLinkOnce(new AccountLinkShown(user.Id, result.UserName, result.Email, result.Link, result.ExpiresUtc, IsInvitation: false, result.EmailStatus == EmailSendStatus.Failed));
    }

    /// <summary>A new invitation link (e-mailed, or shown once); the links sent before stop working.</summary>
    [HttpPost("/admin/users/{id}/invitation")]
    public async Task<IActionResult> ResendInvitation(string id, CancellationToken cancellationToken)
    {
        var user = await administration.FindAsync(id, cancellationToken);
        if (!MayManage(user, out var refusal))
        {
            return refusal;
        }

        var result = await invitations.ReissueAsync(user.UserName, InvitationDelivery.EmailWhenConfigured, cancellationToken);
        if (!result.Succeeded)
        {
            TempData["Error"] = string.Join(" ", result.Errors.Select(e => e.Description));
            return RedirectToAction(nameof(Index));
        }

        return Invited(result, $"Une nouvelle invitation a été créée pour « {user.UserName} »");
    }

    [HttpPost("/admin/users/{id}/invitation/revoke")]
    public async Task<IActionResult> RevokeInvitation(string id, CancellationToken cancellationToken)
    {
        var user = await administration.FindAsync(id, cancellationToken);
        if (!MayManage(user, out var refusal))
        {
            return refusal;
        }

        var revoked = await invitations.RevokeAsync(user.UserName, cancellationToken);
        TempData[revoked ? "Message" : "Error"] = revoked
            ? $"L'invitation de « {user.UserName} » est révoquée : son lien ne fonctionne plus."
            : $"« {user.UserName} » n'avait pas d'invitation en cours.";
        return RedirectToAction(nameof(Index));
    }

    /// <summary>The link made for the administrator to pass on, shown once: only its hash is kept.</summary>
    [HttpGet("/admin/users/{id}/link")]
    public async Task<IActionResult> Link(string id, CancellationToken cancellationToken)
    {
        var user = await administration.FindAsync(id, cancellationToken);
        if (!MayManage(user, out var refusal))
        {
            return refusal;
        }

        Response.Headers.CacheControl = "no-store";
        var shown = TempData[ShownLinkKey] is string json ? JsonSerializer.Deserialize<AccountLinkShown>(json) : null;
        ViewData["User"] = user;
        return View(shown?.UserId == user.Id ? shown : null);
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

    private IActionResult Invited(InvitationResult result, string done)
    {
        if (result.EmailSent)
        {
            TempData["Message"] = $"{done} : une invitation a été envoyée à {result.Email}. Elle est valable jusqu'au {AccountEmails.ParisDate(result.ExpiresUtc!.Value)}.";
            return RedirectToAction(nameof(Index));
        }

        return ShowLinkOnce(new AccountLinkShown(
            result.UserId!, result.UserName!, result.Email!, result.Link!, result.ExpiresUtc!.Value, IsInvitation: true, result.EmailStatus == EmailSendStatus.Failed));
    }

    /// <summary>
    /// Post/redirect/get: the link travels to the next page in the (encrypted, HTTP-only) temp-data
    /// cookie, which is deleted once read, so a reload does not show it again.
    /// </summary>
    private RedirectToActionResult ShowLinkOnce(AccountLinkShown link)
    {
        TempData[ShownLinkKey] = JsonSerializer.Serialize(link);
        return RedirectToAction(nameof(Link), new { id = link.UserId });
    }

    private async Task<IActionResult> RedisplayAsync(UserFormViewModel model, CancellationToken cancellationToken)
    {
        model.AvailableRoles = await administration.RoleNamesAsync(cancellationToken);
        model.CanEmail = mail.IsConfigured;
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

    private void AddErrors(IdentityResult result)
    {
        foreach (var error in result.Errors)
        {
            var key = error.Code switch
            {
                "DuplicateUserName" or "InvalidUserName" => nameof(UserFormViewModel.UserName),
                "DuplicateEmail" or "InvalidEmail" => nameof(UserFormViewModel.Email),
                _ => "",
            };
            ModelState.AddModelError(key, error.Description);
        }
    }
}
