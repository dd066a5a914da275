using Microsoft.AspNetCore.Http;
using RallyNov.Core.Tenants;

namespace RallyNov.Tenants.Admin;

/// <summary>Where a site answers, as a link from the portal's back office.</summary>
public static class TenantLinks
{
    /// <summary>"/jura/" on this host for a prefix; "https://jura.example.org/" for a host name (its first one).</summary>
    public static string PublicUrl(TenantSettings tenant, HttpRequest request)
    {
        var prefix = TenantResolver.NormalizePrefix(tenant.UrlPrefix);
        var path = prefix.Length == 0 ? "/" : "/" + prefix + "/";
        if (tenant.Hosts.Count == 0)
        {
            return path;
        }

        var host = tenant.Hosts[0].StartsWith("*.", StringComparison.Ordinal) ? tenant.Hosts[0][2..] : tenant.Hosts[0];
        return $"{request.Scheme}://{host}{path}";
    }

    private static readonly TimeZoneInfo Paris = FindParis();

    /// <summary>« 6 décembre 2026 à 10:15 », Paris time, for the people who read it.</summary>
    public static string ParisTime(DateTime? utc) =>
        utc is not { } value ? "" : TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(value, DateTimeKind.Utc), Paris)
            .ToString("d MMMM yyyy 'à' HH:mm", System.Globalization.CultureInfo.GetCultureInfo("fr-FR"));

    private static TimeZoneInfo FindParis()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.Utc;
        }
    }
}
