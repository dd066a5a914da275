using System.ComponentModel.DataAnnotations;

namespace RallyNov.Users.Models;

/// <summary>
/// The create and edit forms of an account. Nobody types another person's password: a new account
/// gets an invitation link and its owner chooses the password.
/// </summary>
public sealed class UserFormViewModel
{
    public string? Id { get; set; }

    [Required(ErrorMessage = "Le nom d'utilisateur est obligatoire.")]
    [StringLength(64, MinimumLength = 2, ErrorMessage = "Le nom d'utilisateur doit contenir entre {2} et {1} caractères.")]
    [RegularExpression(@"^[A-Za-z0-9._@+-]+$", ErrorMessage = "Le nom d'utilisateur ne peut contenir que des lettres non accentuées, des chiffres et - . _ @ +.")]
    [Display(Name = "Nom d'utilisateur")]
    public string UserName { get; set; } = "";

    [Required(ErrorMessage = "L'adresse e-mail est obligatoire.")]
    [EmailAddress(ErrorMessage = "L'adresse e-mail n'est pas valide.")]
    [StringLength(256)]
    [Display(Name = "Adresse e-mail")]
    public string Email { get; set; } = "";

    public List<string> Roles { get; set; } = [];

    /// <summary>Roles offered in the form (filled by the controller, not posted).</summary>
    public IReadOnlyList<string> AvailableRoles { get; set; } = [];

    public bool IsDisabled { get; set; }

    /// <summary>True when the invitation goes by e-mail; otherwise the link is shown once (not posted).</summary>
    public bool CanEmail { get; set; }

    public bool IsNew => string.IsNullOrEmpty(Id);
}
