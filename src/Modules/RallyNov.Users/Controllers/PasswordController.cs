using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using RallyNov.Core.Web;
using RallyNov.Users.Models;
using RallyNov.Users.Security;
using RallyNov.Users.Services;

namespace RallyNov.Users.Controllers;

/// <summary>
/// The pages people reach without being signed in: « Mot de passe oublié ? », and the pages that
/// single-use links open (password reset, invitation) where a password is chosen.
/// </summary>
[Area("Admin")]
[AllowAnonymous]
public sealed class PasswordController(IPasswordLinks links) : Controller
{
    [HttpGet("/admin/forgot-password")]
    public IActionResult Forgot() => View(new ForgotPasswordViewModel { CanEmail = links.CanEmail });

    [HttpPost("/admin/forgot-password")]
    [EnableRateLimiting(RateLimitPolicies.PasswordReset)]
    [RequestSizeLimit(RequestLimits.SignInForm)]
    public async Task<IActionResult> Forgot(ForgotPasswordViewModel model, CancellationToken cancellationToken)
    {
        model.CanEmail = links.CanEmail;
        if (!model.CanEmail)
        {
            return View(model);
        }

        if (!ModelState.IsValid)
        {
            return View(model);
        }

        // Same answer whatever the login names: the page must not tell which accounts exist, nor
        // its timing — a real account costs a database write (the e-mail itself is queued), so every
        // answer waits until the same minimum time has passed.
        var started = AnswerFloor.Start();
        await links.RequestResetAsync(model.Login, cancellationToken);
        await AnswerFloor.WaitAsync(started, AnswerFloor.PasswordResetRequest, cancellationToken);

        return RedirectToAction(nameof(Sent));
    }

    [HttpGet("/admin/forgot-password/sent")]
    public IActionResult Sent() => View();

    [HttpGet("/admin/reset-password")]
    public Task<IActionResult> Reset(string? token, CancellationToken cancellationToken) => ShowAsync(token, AccountLinkKind.PasswordReset, cancellationToken);

    [HttpPost("/admin/reset-password")]
    [EnableRateLimiting(RateLimitPolicies.SignIn)]
    [RequestSizeLimit(RequestLimits.SignInForm)]
    public Task<IActionResult> Reset(SetPasswordViewModel model, CancellationToken cancellationToken) => SetAsync(model, AccountLinkKind.PasswordReset, cancellationToken);

    [HttpGet("/admin/invitation")]
    public Task<IActionResult> Invitation(string? token, CancellationToken cancellationToken) => ShowAsync(token, AccountLinkKind.Invitation, cancellationToken);

    [HttpPost("/admin/invitation")]
    [EnableRateLimiting(RateLimitPolicies.SignIn)]
    [RequestSizeLimit(RequestLimits.SignInForm)]
    public Task<IActionResult> Invitation(SetPasswordViewModel model, CancellationToken cancellationToken) => SetAsync(model, AccountLinkKind.Invitation, cancellationToken);

    /// <summary>Only looks: opening the link (a mail client's preview included) never uses it up.</summary>
    private async Task<IActionResult> ShowAsync(string? token, AccountLinkKind kind, CancellationToken cancellationToken)
    {
        KeepSecret();
        var target = await links.FindAsync(token, kind, cancellationToken);
        if (target is null)
        {
            return Invalid(kind);
        }

        return View("SetPassword", new SetPasswordViewModel { Token = token!, UserName = target.UserName, Kind = kind, ExpiresUtc = target.ExpiresUtc });
    }

    private async Task<IActionResult> SetAsync(SetPasswordViewModel model, AccountLinkKind kind, CancellationToken cancellationToken)
    {
        KeepSecret();
        var target = await links.FindAsync(model.Token, kind, cancellationToken);
        if (target is null)
        {
            return Invalid(kind);
        }

        model.Kind = kind;
        model.UserName = target.UserName;
        model.ExpiresUtc = target.ExpiresUtc;
        if (ModelState.IsValid)
        {
            var result = await links.SetPasswordAsync(model.Token, kind, model.NewPassword, cancellationToken);
            if (result.Succeeded)
            {
                TempData["Message"] = kind == AccountLinkKind.Invitation
                    ? $"Bienvenue ! Votre mot de passe est enregistré : connectez-vous avec le nom d'utilisateur « {target.UserName} »."
                    : $"Votre mot de passe est changé : connectez-vous avec le nom d'utilisateur « {target.UserName} » et ce nouveau mot de passe.";
                return Redirect(Url.Content("~/admin/login"));
            }

            if (result.Errors.Any(e => e.Code == "InvalidLink"))
            {
                return Invalid(kind);
            }

            // One message with every rule that failed: the field shows only its first error.
            ModelState.AddModelError(nameof(model.NewPassword), string.Join(" ", result.Errors.Select(e => e.Description)));
        }
        else if (!string.IsNullOrEmpty(model.NewPassword) && ModelState[nameof(model.NewPassword)]?.Errors.Count is null or 0)
        {
            // The confirmation failed: say at once what the policy thinks of the password too.
            var policy = await links.PolicyErrorsAsync(model.Token, kind, model.NewPassword, cancellationToken);
            if (policy.Count > 0)
            {
                ModelState.AddModelError(nameof(model.NewPassword), string.Join(" ", policy));
            }
        }

        // Passwords are never sent back to the browser.
        model.NewPassword = "";
        model.ConfirmPassword = "";
        return View("SetPassword", model);
    }

    private ViewResult Invalid(AccountLinkKind kind)
    {
        ViewData["CanEmail"] = links.CanEmail;
        return View("LinkInvalid", kind);
    }

    /// <summary>The link's secret is in the address: no cache keeps the page, no other site gets it as referrer.</summary>
    private void KeepSecret()
    {
        Response.Headers.CacheControl = "no-store";
        Response.Headers["Referrer-Policy"] = "no-referrer";
    }
}
