using RallyNov.Core.Tenants;

namespace RallyNov.Core.Hosting;

/// <summary>A set-up tenant whose database is missing or unreadable: it stays closed (503) until repaired.</summary>
public sealed class TenantUnavailableException : InvalidOperationException
{
    public TenantUnavailableException()
    {
    }

    public TenantUnavailableException(string message)
        : base(message)
    {
    }

    public TenantUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public TenantUnavailableException(string tenant, TenantOutage outage)
        : base($"Le site « {tenant} » est fermé : {outage.Message} Restaurez sa base depuis une sauvegarde, ou repartez de sa recette avec « tenants reset --name {tenant} --confirm {tenant} ».")
    {
        Outage = outage;
    }

    public TenantOutage? Outage { get; }
}
