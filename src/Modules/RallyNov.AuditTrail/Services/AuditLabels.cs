using System.Globalization;
using System.Text.RegularExpressions;
using RallyNov.Core.Auditing;
using RallyNov.Core.Time;

namespace RallyNov.AuditTrail.Services;

/// <summary>French names of the action codes and categories for the back office.</summary>
public static partial class AuditLabels
{
    private static readonly Dictionary<string, string> Actions = new(StringComparer.Ordinal)
    {
        [AuditActions.ContentCreated] = "Contenu créé",
        [AuditActions.ContentSaved] = "Contenu enregistré",
        [AuditActions.ContentPublished] = "Contenu publié",
        [AuditActions.ContentUnpublished] = "Contenu dépublié",
        [AuditActions.ContentDeleted] = "Contenu mis à la corbeille",
        [AuditActions.ContentRestored] = "Contenu restauré",
        [AuditActions.ContentSubmitted] = "Contenu soumis à relecture",
        [AuditActions.ContentScheduled] = "Publication programmée",
        [AuditActions.ContentUnscheduled] = "Programmation annulée",
        [AuditActions.ProposalSubmitted] = "Proposition du public reçue",
        [AuditActions.ProposalAccepted] = "Proposition acceptée",
        [AuditActions.ProposalRejected] = "Proposition refusée",
        [AuditActions.ProposalMerged] = "Proposition fusionnée avec une initiative",
        [AuditActions.ProposalErased] = "Coordonnées d'une proposition effacées",
        [AuditActions.LoginSucceeded] = "Connexion réussie",
        [AuditActions.LoginFailed] = "Échec de connexion",
        [AuditActions.LoginLockedOut] = "Compte bloqué après des échecs",
        [AuditActions.Logout] = "Déconnexion",
        [AuditActions.PasswordResetRequested] = "Mot de passe oublié : lien demandé",
        [AuditActions.PasswordChanged] = "Mot de passe changé",
        [AuditActions.UserCreated] = "Utilisateur créé",
        [AuditActions.UserUpdated] = "Utilisateur modifié",
        [AuditActions.UserDisabled] = "Utilisateur désactivé",
        [AuditActions.UserEnabled] = "Utilisateur réactivé",
        [AuditActions.UserPasswordReset] = "Mot de passe réinitialisé",
        [AuditActions.PasswordResetLinkCreated] = "Lien de réinitialisation créé",
        [AuditActions.UserInvited] = "Invitation envoyée",
        [AuditActions.UserInvitationRevoked] = "Invitation révoquée",
        [AuditActions.UserInvitationAccepted] = "Invitation acceptée",
        [AuditActions.RolePermissionsChanged] = "Permissions d'un rôle modifiées",
        [AuditActions.SettingsChanged] = "Réglages modifiés",
        [AuditActions.TermCreated] = "Terme ajouté",
        [AuditActions.TermUpdated] = "Terme renommé",
        [AuditActions.TermMoved] = "Terme déplacé",
        [AuditActions.TermMerged] = "Termes fusionnés",
        [AuditActions.TermDeleted] = "Terme supprimé",
        [AuditActions.MediaUploaded] = "Média ajouté",
        [AuditActions.MediaUpdated] = "Média modifié",
        [AuditActions.MediaDeleted] = "Média supprimé",
        [AuditActions.TenantCreated] = "Site créé",
        [AuditActions.TenantUpdated] = "Site modifié",
        [AuditActions.TenantDisabled] = "Site désactivé",
        [AuditActions.TenantEnabled] = "Site réactivé",
        [AuditActions.TenantRemoved] = "Site supprimé",
        [AuditActions.TenantExported] = "Site exporté",
        [AuditActions.TenantImported] = "Site importé",
    };

    /// <summary>The categories in display order.</summary>
    public static IReadOnlyList<(string Code, string Label)> Categories { get; } =
    [
        (AuditCategories.Content, "Contenus"),
        (AuditCategories.Security, "Connexions"),
        (AuditCategories.Users, "Utilisateurs et rôles"),
        (AuditCategories.Settings, "Réglages"),
        (AuditCategories.Taxonomies, "Vocabulaires"),
        (AuditCategories.Media, "Médiathèque"),
        (AuditCategories.Tenants, "Sites"),
    ];

    /// <summary>Every known action code, in display order.</summary>
    public static IReadOnlyList<string> KnownActions { get; } = [.. Actions.Keys];

    /// <summary>The French label, or the code itself for an action a newer module records.</summary>
    public static string Action(string code) => Actions.TryGetValue(code, out var label) ? label : code;

    public static string Category(string code) => Categories.FirstOrDefault(c => c.Code == code).Label ?? code;

    /// <summary>
    /// The details as the page shows them: a UTC time written in them ("2026-11-24 09:05 UTC", as
    /// events recorded before details spoke Paris time did) is shown in Paris time like the rest of
    /// the page.
    /// </summary>
    public static string Details(string? details) =>
        string.IsNullOrEmpty(details) ? "" : UtcTime().Replace(details, match =>
        {
            var format = match.Groups["seconds"].Success ? "yyyy-MM-dd HH:mm:ss" : "yyyy-MM-dd HH:mm";
            if (!DateTime.TryParseExact(match.Groups["time"].Value.Replace('T', ' '), format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var utc))
            {
                return match.Value;
            }

            var paris = ParisTimeZone.FromUtc(utc);
            return paris.ToString(match.Groups["seconds"].Success ? "dd/MM/yyyy 'à' HH:mm:ss" : "dd/MM/yyyy 'à' HH:mm", CultureInfo.InvariantCulture) + " (heure de Paris)";
        });

    [GeneratedRegex(@"(?<time>\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(?<seconds>:\d{2})?)\s*UTC")]
    private static partial Regex UtcTime();
}
