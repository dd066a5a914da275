using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Logging;
using RallyNov.Core.Auditing;
using RallyNov.Core.Tenants;
using RallyNov.Core.Web;
using RallyNov.Users.Data;
using RallyNov.Users.Models;
using RallyNov.Users.Security;

namespace RallyNov.Users.Controllers;

/// <summary>Sign-in and sign-out of the tenant's back office.</summary>
[Area("Admin")]
[AllowAnonymous]
public sealed class AccountController(
    SignInManager<RallyNovUser> signIn,
    UserManager<RallyNovUser> users,
    ISignInThrottle throttle,
    TenantContext tenant,
    IAuditTrail audit,
    IAuditEventFactory auditEvents,
    ILogger<AccountController> logger) : Controller
{
    // One message for every failure (unknown user, wrong password, locked or disabled account):
    // the form must not tell an attacker which accounts exist.
    internal const string FailureMessage =
        "Connexion impossible : identifiant ou mot de passe incorrect, ou compte temporairement bloqué après plusieurs échecs.";

    [HttpGet("/admin/login")]
    public IActionResult Login(string? returnUrl)
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            return LocalRedirect(SafeReturnUrl(returnUrl));
        }

        return View(new LoginViewModel { ReturnUrl = LocalOrNull(returnUrl) });
    }

    [HttpPost("/admin/login")]
    [EnableRateLimiting(RateLimitPolicies.SignIn)]
    [RequestSizeLimit(RequestLimits.SignInForm)]
    public async Task<IActionResult> Login(LoginViewModel model)
    {
        // Every refusal, whatever its cause, takes the same time (AnswerFloor.SignInRefusal).
        var started = AnswerFloor.Start();
        model.ReturnUrl = LocalOrNull(model.ReturnUrl);
        if (!ModelState.IsValid)
        {
            return View(model);
        }

        var client = HttpContext.Connection.RemoteIpAddress;
        var user = await FindUserAsync(model.UserName);
        if (user is null)
        {
            // Spend the time of a real password check, so response times do not reveal unknown names.
            users.PasswordHasher.HashPassword(new RallyNovUser(), model.Password);
            await AuditAsync(AuditActions.LoginFailed, null, model.UserName, "Identifiant inconnu");
            return await FailedAsync(model, started);
        }

        if (throttle.IsBlocked(tenant.Name, user.UserName!, client))
        {
            // Blocked for this address only: the password is not even tried (but its cost is paid).
            SpendPasswordCheck(user, model.Password);
            await AuditAsync(AuditActions.LoginFailed, null, user.UserName, "Adresse bloquée pour ce compte après plusieurs échecs");
            return await FailedAsync(model, started);
        }

        var result = await signIn.PasswordSignInAsync(user, model.Password, model.RememberMe, lockoutOnFailure: true);
        if (!result.Succeeded)
        {
            if (result.IsLockedOut || result.IsNotAllowed)
            {
                // Identity answers a locked account before checking the password: pay for it anyway.
                SpendPasswordCheck(user, model.Password);
            }

            var blocked = !result.IsLockedOut && throttle.RecordFailure(tenant.Name, user.UserName!, client);
            logger.LogWarning("Failed sign-in for {User} in tenant {Tenant} (locked out: {LockedOut}, address blocked: {Blocked}).", user.UserName, tenant.Name, result.IsLockedOut, blocked);
            await AuditAsync(
                result.IsLockedOut || blocked ? AuditActions.LoginLockedOut : AuditActions.LoginFailed,
                null,
                user.UserName,
                result.IsLockedOut ? "Compte bloqué ou désactivé" : blocked ? "Adresse bloquée 15 minutes pour ce compte après 5 échecs" : "Mot de passe incorrect");
            return await FailedAsync(model, started);
        }

        throttle.Reset(tenant.Name, user.UserName!, client);
        logger.LogInformation("{User} signed in to tenant {Tenant}.", user.UserName, tenant.Name);
        await AuditAsync(AuditActions.LoginSucceeded, user.UserName, user.UserName, null);
        return LocalRedirect(SafeReturnUrl(model.ReturnUrl));
    }

    [HttpPost("/admin/logout")]
    public async Task<IActionResult> Logout()
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            await AuditAsync(AuditActions.Logout, User.Identity.Name, User.Identity.Name, null);

            // Deleting this browser's cookie is not enough: a copy of it (another device, a stolen
            // value) would still open the back office. A new security stamp ends every session of the
            // account at its next request (TenantCookieEvents checks the stamp on each one).
            if (await users.GetUserAsync(User) is { } user)
            {
                await users.UpdateSecurityStampAsync(user);
            }
        }

        await signIn.SignOutAsync();
        return Redirect(Url.Content("~/admin/login"));
    }

    private async Task<RallyNovUser?> FindUserAsync(string login)
    {
        var trimmed = login.Trim();
        return await users.FindByNameAsync(trimmed) ?? (trimmed.Contains('@', StringComparison.Ordinal) ? await users.FindByEmailAsync(trimmed) : null);
    }

    /// <summary>The attempted name goes in the item, never the password; a failure has no author.</summary>
    private Task AuditAsync(string action, string? userName, string? attempted, string? details) =>
        audit.RecordAsync(
            auditEvents.Create(AuditCategories.Security, action, itemId: attempted?.Trim(), itemTitle: attempted?.Trim(), details: details) with { UserName = userName },
            HttpContext.RequestAborted);

    private async Task<ViewResult> FailedAsync(LoginViewModel model, long started)
    {
        await AnswerFloor.WaitAsync(started, AnswerFloor.SignInRefusal, HttpContext.RequestAborted);
        model.Password = "";
        ModelState.Remove(nameof(LoginViewModel.Password));
        ModelState.AddModelError("", FailureMessage);
        return View(model);
    }

    private void SpendPasswordCheck(RallyNovUser user, string password) =>
        _ = users.PasswordHasher.VerifyHashedPassword(user, user.PasswordHash ?? users.PasswordHasher.HashPassword(user, password), password);

    /// <summary>Only a local path ("/bourgogne/admin/users") may come back from the query string; "//evil" and "https://..." are dropped.</summary>
    private string? LocalOrNull(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) && !returnUrl.StartsWith('~') ? returnUrl : null;

    private string SafeReturnUrl(string? returnUrl) => LocalOrNull(returnUrl) ?? Url.Content("~/admin");
}
