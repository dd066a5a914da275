using System.ComponentModel.DataAnnotations;
using RallyNov.Users.Services;

namespace RallyNov.Users.Models;

/// <summary>« Mot de passe oublié ? »: one field, a user name or an e-mail address.</summary>
public sealed class ForgotPasswordViewModel
{
    [Required(ErrorMessage = "Saisissez votre nom d'utilisateur ou votre adresse e-mail.")]
    [StringLength(256, ErrorMessage = "Saisissez au plus {1} caractères.")]
    [Display(Name = "Nom d'utilisateur ou adresse e-mail")]
    public string Login { get; set; } = "";

    /// <summary>False when no e-mail can be sent: the page then says to ask an administrator (not posted).</summary>
    public bool CanEmail { get; set; }
}

/// <summary>The page a link opens: an invited person or somebody who forgot chooses a password.</summary>
public sealed class SetPasswordViewModel
{
    /// <summary>The link's secret, carried from the address to the form (never shown).</summary>
    public string Token { get; set; } = "";

    [Required(ErrorMessage = "Saisissez le nouveau mot de passe.")]
    [DataType(DataType.Password)]
    [Display(Name = "Nouveau mot de passe")]
    public string NewPassword { get; set; } = "";

    [Required(ErrorMessage = "Confirmez le nouveau mot de passe.")]
    [DataType(DataType.Password)]
    [Display(Name = "Confirmation du mot de passe")]
    [Compare(nameof(NewPassword), ErrorMessage = "Les deux mots de passe ne correspondent pas.")]
    public string ConfirmPassword { get; set; } = "";

    /// <summary>Shown, not posted: the account the link opens.</summary>
    public string UserName { get; set; } = "";

    public AccountLinkKind Kind { get; set; }

    public DateTime ExpiresUtc { get; set; }
}

/// <summary>« Mon mot de passe »: the signed-in user changes their own.</summary>
public sealed class ChangePasswordViewModel
{
    [Required(ErrorMessage = "Saisissez votre mot de passe actuel.")]
    [DataType(DataType.Password)]
    [Display(Name = "Mot de passe actuel")]
    public string CurrentPassword { get; set; } = "";

    [Required(ErrorMessage = "Saisissez le nouveau mot de passe.")]
    [DataType(DataType.Password)]
    [Display(Name = "Nouveau mot de passe")]
    public string NewPassword { get; set; } = "";

    [Required(ErrorMessage = "Confirmez le nouveau mot de passe.")]
    [DataType(DataType.Password)]
    [Display(Name = "Confirmation du mot de passe")]
    [Compare(nameof(NewPassword), ErrorMessage = "Les deux mots de passe ne correspondent pas.")]
    public string ConfirmPassword { get; set; } = "";
}

/// <summary>A link an administrator must pass on, shown once right after it was made.</summary>
public sealed record AccountLinkShown(string UserId, string UserName, string Email, string Link, DateTime ExpiresUtc, bool IsInvitation, bool EmailFailed);

/// <summary>The « Mot de passe » page of an account in the users screens.</summary>
public sealed record UserPasswordViewModel(UserSummary User, bool CanEmail);
