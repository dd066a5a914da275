namespace RallyNov.Users.Services;

/// <summary>Lifetimes of the single-use links (<c>RallyNov:Users</c> section).</summary>
public sealed class AccountLinkOptions
{
    public const string Section = "RallyNov:Users";

    /// <summary>Invitations, and reset links an administrator makes for somebody: they travel through a person.</summary>
    public int InvitationLifetimeHours { get; set; } = 72;

    /// <summary>Links of « Mot de passe oublié ? », asked by the person themself and used at once.</summary>
    public int PasswordResetLifetimeMinutes { get; set; } = 120;

    public TimeSpan InvitationLifetime => TimeSpan.FromHours(Math.Max(1, InvitationLifetimeHours));

    public TimeSpan PasswordResetLifetime => TimeSpan.FromMinutes(Math.Max(5, PasswordResetLifetimeMinutes));
}
