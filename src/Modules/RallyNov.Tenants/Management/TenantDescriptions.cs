using RallyNov.Core.Modules;
using RallyNov.Core.Tenants;

namespace RallyNov.Tenants.Management;

/// <summary>French wording of a tenant's address, state and changes (lists, audit trail, command line).</summary>
public static class TenantDescriptions
{
    /// <summary>"/jura", "jura.example.org", "jura.example.org/agenda" or "/" for the portal.</summary>
    public static string Address(TenantSettings tenant)
    {
        var prefix = TenantResolver.NormalizePrefix(tenant.UrlPrefix);
        if (tenant.Hosts.Count == 0)
        {
            return "/" + prefix;
        }

        return string.Join(", ", tenant.Hosts.Select(h => prefix.Length == 0 ? h : h + "/" + prefix));
    }

    public static string State(TenantState state) => state switch
    {
        TenantState.Running => "En service",
        TenantState.Disabled => "Désactivé",
        _ => "En installation",
    };

    /// <summary>"nom affiché : A → B" and the like, for the audit trail.</summary>
    public static List<string> Changes(ModuleCatalog catalog, TenantSettings before, TenantSettings after)
    {
        var changes = new List<string>();
        if (before.DisplayName != after.DisplayName)
        {
            changes.Add($"nom affiché : {before.DisplayName} → {after.DisplayName}");
        }

        if (Address(before) != Address(after))
        {
            changes.Add($"adresse : {Address(before)} → {Address(after)}");
        }

        var had = catalog.EnabledFor(before);
        var has = catalog.EnabledFor(after);
        var on = catalog.Modules.Where(m => has.Contains(m.Id) && !had.Contains(m.Id)).Select(m => m.DisplayName).ToList();
        var off = catalog.Modules.Where(m => had.Contains(m.Id) && !has.Contains(m.Id)).Select(m => m.DisplayName).ToList();
        if (on.Count > 0)
        {
            changes.Add("modules activés : " + string.Join(", ", on));
        }

        if (off.Count > 0)
        {
            changes.Add("modules désactivés : " + string.Join(", ", off));
        }

        if (changes.Count == 0 && !TenantSettings.SameValues(before, after))
        {
            changes.Add("liste des modules");
        }

        return changes;
    }
}
