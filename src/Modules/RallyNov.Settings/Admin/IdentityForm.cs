using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace RallyNov.Settings.Admin;

/// <summary>The « Identité » form: every input is a string, so nothing the person typed is lost on an error.</summary>
public sealed class IdentityForm
{
    public const int MaxSocialLinks = 8;

    [Display(Name = "Nom du site")]
    public string? SiteName { get; set; }

    [Display(Name = "Slogan")]
    public string? Tagline { get; set; }

    [Display(Name = "Couleur principale")]
    public string? PrimaryColor { get; set; }

    [Display(Name = "Couleur d'accent")]
    public string? AccentColor { get; set; }

    [Display(Name = "Adresse e-mail de contact")]
    public string? ContactEmail { get; set; }

    [Display(Name = "Adresse postale")]
    public string? ContactAddress { get; set; }

    [Display(Name = "Téléphone de l'éditeur")]
    public string? ContactPhone { get; set; }

    [Display(Name = "Directeur ou directrice de la publication")]
    public string? PublicationDirector { get; set; }

    [Display(Name = "Nom ou raison sociale de l'hébergeur")]
    public string? HostName { get; set; }

    [Display(Name = "Adresse de l'hébergeur")]
    public string? HostAddress { get; set; }

    [Display(Name = "Téléphone de l'hébergeur")]
    public string? HostPhone { get; set; }

    [Display(Name = "Texte du pied de page")]
    public string? FooterText { get; set; }

    public List<SocialLinkInput> SocialLinks { get; set; } = [];

    [Display(Name = "Retirer le logo (l'en-tête montre alors les initiales du site)")]
    public bool RemoveLogo { get; set; }

    /// <summary>The stored logo's media path, shown beside the upload field.</summary>
    [BindNever]
    public string? CurrentLogo { get; set; }

    /// <summary>False when the media library is off in this site.</summary>
    [BindNever]
    public bool LogoAvailable { get; set; }

    /// <summary>Largest accepted logo, for the hint.</summary>
    [BindNever]
    public string? MaxLogoSize { get; set; }
}

public sealed class SocialLinkInput
{
    public string? Network { get; set; }

    public string? Url { get; set; }
}
