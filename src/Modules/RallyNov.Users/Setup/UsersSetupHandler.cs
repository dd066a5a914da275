using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using RallyNov.Core.Auditing;
using RallyNov.Core.Hosting;
using RallyNov.Core.Tenants;
using RallyNov.Users.Data;
using RallyNov.Users.Security;

namespace RallyNov.Users.Setup;

/// <summary>First start of a tenant: its roles and its administrator (from RallyNov:Setup:*), in its own database.</summary>
internal sealed class UsersSetupHandler(
    IRolePermissionService roles,
    UserManager<RallyNovUser> users,
    TimeProvider clock,
    IAuditTrail audit,
    IAuditEventFactory auditEvents,
    ILogger<UsersSetupHandler> logger) : ITenantSetupHandler
{
    public async Task SetupAsync(TenantContext tenant, TenantSetupContext context, CancellationToken cancellationToken)
    {
        await roles.EnsureBuiltInRolesAsync(cancellationToken);

        // An invited administrator is created by the invitation itself, without a password.
        if (context.InviteAdministrator || await users.FindByNameAsync(context.AdminUserName) is not null)
        {
            return;
        }

        var admin = new RallyNovUser
        {
            UserName = context.AdminUserName,
            Email = context.AdminEmail,
            EmailConfirmed = true,
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        var created = await users.CreateAsync(admin, context.AdminPassword);
        if (!created.Succeeded)
        {
            // A weak RallyNov:Setup:AdminPassword must stop the setup rather than open a weak account.
            throw new InvalidOperationException(
                $"Site « {tenant.Name} » : l'administrateur « {context.AdminUserName} » n'a pas pu être créé : "
                + string.Join(" ", created.Errors.Select(e => e.Description)));
        }

        var role = await users.AddToRoleAsync(admin, BuiltInRoles.Administrator);
        if (!role.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", role.Errors.Select(e => e.Description)));
        }

        // Setup runs outside any request: the event's author is the system.
        await audit.RecordAsync(
            auditEvents.Create(AuditCategories.Users, AuditActions.UserCreated, admin.UserName, admin.UserName, $"Rôles : {BuiltInRoles.DisplayName(BuiltInRoles.Administrator)} (installation du site)"),
            cancellationToken);
        logger.LogInformation("Administrator {User} created in tenant {Tenant}.", context.AdminUserName, tenant.Name);
    }
}
