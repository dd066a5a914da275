using System.ComponentModel.DataAnnotations;

namespace RallyNov.Users.Models;

/// <summary>The create and edit forms of an account (the password only on creation).</summary>
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

    [DataType(DataType.Password)]
    [Display(Name = "Mot de passe")]
    public string? Password { get; set; }

    [DataType(DataType.Password)]
    [Display(Name = "Confirmation du mot de passe")]
    [Compare(nameof(Password), ErrorMessage = "Les deux mots de passe ne correspondent pas.")]
    public string? ConfirmPassword { get; set; }

    public List<string> Roles { get; set; } = [];

    /// <summary>Roles offered in the form (filled by the controller, not posted).</summary>
    public IReadOnlyList<string> AvailableRoles { get; set; } = [];

    public bool IsDisabled { get; set; }

    public bool IsNew => string.IsNullOrEmpty(Id);
}
