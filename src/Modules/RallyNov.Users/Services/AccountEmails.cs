using System.Globalization;
using System.Net;
using RallyNov.Core.Email;
using RallyNov.Core.Tenants;
using RallyNov.Core.Time;

namespace RallyNov.Users.Services;

/// <summary>The French e-mails of the accounts: invitation and password reset, as text and simple HTML.</summary>
internal sealed class AccountEmails(TenantContext tenant)
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public EmailMessage Invitation(string userName, string email, string link, DateTime expiresUtc, string? invitedBy)
    {
        var site = tenant.Settings.DisplayName;
        var who = string.IsNullOrEmpty(invitedBy) ? "Un administrateur" : invitedBy;
        var until = ParisDate(expiresUtc);
        var text = $"""
            Bonjour,

            {who} vous invite à rejoindre le back-office du site « {site} » avec le nom d'utilisateur « {userName} ».

            Pour choisir votre mot de passe et activer votre compte, ouvrez ce lien :
            {link}

            Ce lien ne sert qu'une fois et reste valable jusqu'au {until} (heure de Paris).
            Si vous n'attendiez pas cette invitation, ignorez ce message : le compte ne sera pas activé sans vous.

            — {site}
            """;
        var html = Html(
            $"{Enc(who)} vous invite à rejoindre le back-office du site « {Enc(site)} » avec le nom d'utilisateur « <strong>{Enc(userName)}</strong> ».",
            "Pour choisir votre mot de passe et activer votre compte, ouvrez ce lien :",
            link,
            "Choisir mon mot de passe",
            $"Ce lien ne sert qu'une fois et reste valable jusqu'au {Enc(until)} (heure de Paris). Si vous n'attendiez pas cette invitation, ignorez ce message : le compte ne sera pas activé sans vous.",
            site);
        return new EmailMessage(email, $"Invitation au back-office de {site}", text, html) { ToName = userName, SenderName = site };
    }

    public EmailMessage PasswordReset(string userName, string email, string link, DateTime expiresUtc)
    {
        var site = tenant.Settings.DisplayName;
        var until = ParisDate(expiresUtc);
        var text = $"""
            Bonjour {userName},

            Une réinitialisation du mot de passe de votre compte « {userName} » sur le back-office du site « {site} » a été demandée.

            Pour choisir un nouveau mot de passe, ouvrez ce lien :
            {link}

            Ce lien ne sert qu'une fois et reste valable jusqu'au {until} (heure de Paris).
            Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre mot de passe actuel reste valable.

            — {site}
            """;
        var html = Html(
            $"Une réinitialisation du mot de passe de votre compte « <strong>{Enc(userName)}</strong> » sur le back-office du site « {Enc(site)} » a été demandée.",
            "Pour choisir un nouveau mot de passe, ouvrez ce lien :",
            link,
            "Choisir un nouveau mot de passe",
            $"Ce lien ne sert qu'une fois et reste valable jusqu'au {Enc(until)} (heure de Paris). Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre mot de passe actuel reste valable.",
            site);
        return new EmailMessage(email, $"Réinitialisation de votre mot de passe – {site}", text, html) { ToName = userName, SenderName = site };
    }

    /// <summary>"6 mars 2026 à 14 h 30", Paris time.</summary>
    public static string ParisDate(DateTime utc) => ParisTimeZone.FromUtc(utc).ToString("d MMMM yyyy 'à' H' h 'mm", French);

    /// <summary>"6 déc. à 14 h 30", Paris time, for tables.</summary>
    public static string ShortParisDate(DateTime utc) => ParisTimeZone.FromUtc(utc).ToString("d MMM 'à' H' h 'mm", French);

    /// <summary>A plain, single-column message that mail clients render alike; the link is also written out for copying.</summary>
    private static string Html(string intro, string action, string link, string button, string footer, string site) => $"""
        <!DOCTYPE html>
        <html lang="fr">
        <head><meta charset="utf-8"><title>{Enc(site)}</title></head>
        <body style="font-family: Arial, Helvetica, sans-serif; color: #1f2933; line-height: 1.5;">
        <p>Bonjour,</p>
        <p>{intro}</p>
        <p>{Enc(action)}</p>
        <p><a href="{Enc(link)}" style="display: inline-block; padding: 10px 18px; background: #00566f; color: #ffffff; text-decoration: none; border-radius: 4px;">{Enc(button)}</a></p>
        <p style="font-size: 14px;">Si le bouton ne fonctionne pas, copiez cette adresse dans votre navigateur :<br><a href="{Enc(link)}">{Enc(link)}</a></p>
        <p style="font-size: 14px; color: #52606d;">{footer}</p>
        <p>— {Enc(site)}</p>
        </body>
        </html>
        """;

    private static string Enc(string value) => WebUtility.HtmlEncode(value);
}
