using RallyNov.Core.Tenants;

namespace RallyNov.Core.Hosting;

/// <summary>
/// Module hook run once when a tenant is set up (after migrations, before its recipe), e.g. the
/// users module creating the tenant's administrator. Runs in a scope of that tenant.
/// </summary>
public interface ITenantSetupHandler
{
    Task SetupAsync(TenantContext tenant, TenantSetupContext context, CancellationToken cancellationToken);
}

/// <summary>Values shared by all setup handlers of one run.</summary>
public sealed class TenantSetupContext
{
    public required string AdminUserName { get; init; }

    public required string AdminEmail { get; init; }

    /// <summary>Empty when <see cref="InviteAdministrator"/>.</summary>
    public required string AdminPassword { get; init; }

    /// <summary>
    /// The administrator chooses a password through an invitation link: setup handlers create no
    /// account for them (nor check a password), and whoever asked for the setup invites them in its
    /// seed step (IAccountInvitations, in the new tenant's scope).
    /// </summary>
    public bool InviteAdministrator { get; init; }
}

/// <summary>Where a tenant's setup stands, for the progress shown to whoever creates it.</summary>
public sealed record TenantSetupProgress(int Step, int Steps, string Label)
{
    public const int StepCount = 6;
}

/// <summary>
/// Checks a setup's values before anything is written (the users module: the administrator's name,
/// e-mail and password rules), so a refused password never leaves a half-created tenant.
/// </summary>
public interface ITenantSetupValidator
{
    /// <returns>French messages keyed by the setup value they concern ("AdminUserName", "AdminEmail", "AdminPassword").</returns>
    Task<IReadOnlyList<KeyValuePair<string, string>>> ValidateAsync(TenantSetupContext context, CancellationToken cancellationToken);
}
