using Microsoft.AspNetCore.Http;

namespace RallyNov.Core.Auditing;

/// <summary>
/// Starts an <see cref="AuditEvent"/> with who (the signed-in user, or <see cref="SystemUser"/>
/// outside a request), from where (the client address) and when, so callers only say what.
/// </summary>
public interface IAuditEventFactory
{
    /// <summary>The user name recorded for background jobs, recipes and command-line verbs.</summary>
    const string SystemUser = "système";

    AuditEvent Create(string category, string action, string? itemId = null, string? itemTitle = null, string? details = null);
}

internal sealed class AuditEventFactory(TimeProvider clock, IHttpContextAccessor? http = null) : IAuditEventFactory
{
    public AuditEvent Create(string category, string action, string? itemId = null, string? itemTitle = null, string? details = null)
    {
        var context = http?.HttpContext;

        // An anonymous request has no author (a failed sign-in); no request at all is the system.
        var user = context is null ? IAuditEventFactory.SystemUser
            : context.User.Identity?.IsAuthenticated == true ? context.User.Identity.Name
            : null;
        return new AuditEvent
        {
            Category = category,
            Action = action,
            UserName = user,
            ItemId = itemId,
            ItemTitle = itemTitle,
            Details = details,
            IpAddress = ClientAddress(context),
            UtcTime = clock.GetUtcNow().UtcDateTime,
        };
    }

    // "::ffff:127.0.0.1" reads as the IPv4 address people know. Behind a reverse proxy the host
    // must enable forwarded headers for this to be the visitor's address.
    private static string? ClientAddress(HttpContext? context) =>
        context?.Connection.RemoteIpAddress is not { } address ? null
        : address.IsIPv4MappedToIPv6 ? address.MapToIPv4().ToString()
        : address.ToString();
}
