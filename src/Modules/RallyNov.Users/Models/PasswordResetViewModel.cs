using System.ComponentModel.DataAnnotations;

namespace RallyNov.Users.Models;

public sealed class PasswordResetViewModel
{
    public string Id { get; set; } = "";

    public string UserName { get; set; } = "";

    [Required(ErrorMessage = "Saisissez le nouveau mot de passe.")]
    [DataType(DataType.Password)]
    [Display(Name = "Nouveau mot de passe")]
    public string NewPassword { get; set; } = "";

    [Required(ErrorMessage = "Confirmez le nouveau mot de passe.")]
    [DataType(DataType.Password)]
    [Display(Name = "Confirmation")]
    [Compare(nameof(NewPassword), ErrorMessage = "Les deux mots de passe ne correspondent pas.")]
    public string ConfirmPassword { get; set; } = "";
}
