using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace RallyNov.Proposals.Public;

/// <summary>What the « Proposer une initiative » form posts. Limits are checked by <see cref="Validate"/>.</summary>
public sealed partial class ProposalForm
{
    public const int NameMax = 200;
    public const int TextMax = 3000;
    public const int TextMin = 30;

    public string? StructureName { get; set; }

    public string? StructureKind { get; set; }

    public string? ContactName { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }

    public string? City { get; set; }

    public string? Departement { get; set; }

    public List<string> Themes { get; set; } = [];

    public string? WhatItDoes { get; set; }

    public string? WhatIsNew { get; set; }

    public string? Website { get; set; }

    public bool Consent { get; set; }

    /// <summary>An optional picture of the initiative; its type and content are checked by the media library of the site that receives it.</summary>
    public IFormFile? Image { get; set; }

    /// <summary>What the picture shows, for people who cannot see it (required with a picture).</summary>
    public string? ImageAlt { get; set; }

    public bool HasImage => Image is { Length: > 0 };

    /// <summary>Honeypot: hidden from people, filled by robots.</summary>
    public string? Commentaire { get; set; }

    /// <summary>Protected time the form was displayed (minimum fill time).</summary>
    public string? Jeton { get; set; }

    /// <summary>French errors per field name; empty when the form can be saved.</summary>
    public Dictionary<string, string> Validate(IReadOnlySet<string> departements, IReadOnlySet<string> themes, IReadOnlySet<string> kinds, long maxImageBytes)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        Required(errors, nameof(StructureName), StructureName, "Indiquez le nom de la structure.", NameMax);
        if (!string.IsNullOrWhiteSpace(StructureKind) && !kinds.Contains(StructureKind))
        {
            errors[nameof(StructureKind)] = "Choisissez un type de structure dans la liste.";
        }

        Required(errors, nameof(ContactName), ContactName, "Indiquez votre nom : nous en avons besoin pour vous répondre.", 100);
        if (string.IsNullOrWhiteSpace(Email))
        {
            errors[nameof(Email)] = "Indiquez votre adresse électronique : nous en avons besoin pour vous répondre.";
        }
        else if (Email.Trim().Length > 254 || !EmailPattern().IsMatch(Email.Trim()))
        {
            errors[nameof(Email)] = "Cette adresse électronique n'est pas valide (exemple : prenom.nom@exemple.fr).";
        }

        if (!string.IsNullOrWhiteSpace(Phone) && (Phone.Trim().Length > 30 || !PhonePattern().IsMatch(Phone.Trim())))
        {
            errors[nameof(Phone)] = "Ce numéro de téléphone n'est pas valide (exemple : 03 81 00 00 00).";
        }

        Required(errors, nameof(City), City, "Indiquez la commune de la structure.", 100);
        if (string.IsNullOrWhiteSpace(Departement) || !departements.Contains(Departement))
        {
            errors[nameof(Departement)] = "Choisissez le département de la structure.";
        }

        if (Themes.Any(t => !themes.Contains(t)) || Themes.Count > 5)
        {
            errors[nameof(Themes)] = "Choisissez au plus cinq thèmes de la liste.";
        }

        LongText(errors, nameof(WhatItDoes), WhatItDoes, "Décrivez ce que fait l'initiative.");
        LongText(errors, nameof(WhatIsNew), WhatIsNew, "Dites ce qui est nouveau dans cette initiative.");
        if (!string.IsNullOrWhiteSpace(Website)
            && (Website.Trim().Length > 300 || !Uri.TryCreate(Website.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)))
        {
            errors[nameof(Website)] = "Indiquez une adresse complète, commençant par https:// (exemple : https://www.exemple.fr).";
        }

        if (HasImage && Image!.Length > maxImageBytes)
        {
            errors[nameof(Image)] = $"Cette image pèse {Megabytes(Image.Length)} : {Megabytes(maxImageBytes)} au plus. Choisissez une image plus légère.";
        }

        if (HasImage && string.IsNullOrWhiteSpace(ImageAlt))
        {
            errors[nameof(ImageAlt)] = "Décrivez en quelques mots ce que montre l'image, pour les personnes qui ne la voient pas.";
        }
        else if (ImageAlt?.Trim().Length > 250)
        {
            errors[nameof(ImageAlt)] = $"250 caractères au plus ({ImageAlt.Trim().Length} saisis).";
        }

        if (!Consent)
        {
            errors[nameof(Consent)] = "Cochez cette case pour que nous puissions enregistrer votre proposition.";
        }

        return errors;
    }

    private static string Megabytes(long bytes) => (bytes / 1024d / 1024d).ToString("0.#", System.Globalization.CultureInfo.GetCultureInfo("fr-FR")) + " Mo";

    private static void Required(Dictionary<string, string> errors, string field, string? value, string message, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors[field] = message;
        }
        else if (value.Trim().Length > max)
        {
            errors[field] = $"{max} caractères au plus ({value.Trim().Length} saisis).";
        }
    }

    private static void LongText(Dictionary<string, string> errors, string field, string? value, string message)
    {
        var length = value?.Trim().Length ?? 0;
        if (length == 0)
        {
            errors[field] = message;
        }
        else if (length < TextMin)
        {
            errors[field] = $"Quelques phrases, s'il vous plaît : {TextMin} caractères au moins ({length} saisis).";
        }
        else if (length > TextMax)
        {
            errors[field] = $"{TextMax} caractères au plus ({length} saisis).";
        }
    }

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^\+?[0-9 .()-]{6,30}$")]
    private static partial Regex PhonePattern();
}
