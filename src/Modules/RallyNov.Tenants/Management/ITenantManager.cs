using RallyNov.Core.Hosting;
using RallyNov.Core.Tenants;

namespace RallyNov.Tenants.Management;

/// <summary>
/// Everything the portal's « Sites » screens and `tenants ...` do, with the same rules and French
/// messages for both. Changes apply at once: the store notifies this server's components, and other
/// processes pick tenants.json up within a second.
/// </summary>
public interface ITenantManager
{
    Task<TenantValidation> ValidateCreateAsync(TenantCreateRequest request, CancellationToken cancellationToken);

    /// <summary>Creates and sets up a site (and invites its administrator when asked); throws <see cref="TenantManagementException"/> (nothing left behind) when refused or failed.</summary>
    /// <param name="actor">Who asks (recorded in the portal's audit trail); null from the command line.</param>
    Task<TenantCreated> CreateAsync(TenantCreateRequest request, string? actor, IProgress<TenantSetupProgress>? progress, CancellationToken cancellationToken);

    /// <summary>A new invitation link for an account of the site (the previous ones stop working); e-mailed when possible.</summary>
    Task<RallyNov.Core.Accounts.InvitationResult> InviteAgainAsync(string name, string userName, string? actor, CancellationToken cancellationToken);

    /// <summary>Display name, addresses and modules; the validation carries the errors, or the notes of what was added.</summary>
    Task<TenantValidation> UpdateAsync(string name, TenantUpdateRequest request, string? actor, CancellationToken cancellationToken);

    Task DisableAsync(string name, string? actor, CancellationToken cancellationToken);

    Task EnableAsync(string name, string? actor, CancellationToken cancellationToken);

    /// <summary>Deletes a disabled site and all its data, once <paramref name="confirmation"/> repeats its name.</summary>
    Task RemoveAsync(string name, string confirmation, string? actor, CancellationToken cancellationToken);

    /// <summary>What removing the site would delete, for the confirmation page.</summary>
    IReadOnlyList<string> WhatRemovalDeletes(TenantSettings tenant);
}
