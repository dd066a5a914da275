using System.ComponentModel.DataAnnotations;

namespace RallyNov.Users.Models;

public sealed class LoginViewModel
{
    [Required(ErrorMessage = "Saisissez votre nom d'utilisateur ou votre adresse e-mail.")]
    [Display(Name = "Nom d'utilisateur ou e-mail")]
    [StringLength(256)]
    public string UserName { get; set; } = "";

    [Required(ErrorMessage = "Saisissez votre mot de passe.")]
    [DataType(DataType.Password)]
    [Display(Name = "Mot de passe")]
    public string Password { get; set; } = "";

    [Display(Name = "Rester connecté sur cet appareil")]
    public bool RememberMe { get; set; }

    public string? ReturnUrl { get; set; }
}
