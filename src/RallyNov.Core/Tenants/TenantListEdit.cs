namespace RallyNov.Core.Tenants;

/// <summary>The one rule for adding or replacing a tenant in a list, shared by every tenant store (file or table).</summary>
internal static class TenantListEdit
{
    /// <summary>Adds <paramref name="tenant"/> or replaces the one of the same name (refused when <paramref name="mustBeNew"/>), after validation against the list.</summary>
    public static bool Upsert(List<TenantSettings> list, TenantSettings tenant, bool mustBeNew)
    {
        var index = list.FindIndex(t => string.Equals(t.Name, tenant.Name, StringComparison.OrdinalIgnoreCase));
        if (index >= 0 && mustBeNew)
        {
            throw new InvalidOperationException($"Un site nommé « {list[index].Name} » existe déjà.");
        }

        TenantValidator.ThrowIfInvalid(tenant, list);
        if (index >= 0)
        {
            list[index] = tenant.Clone();
        }
        else
        {
            list.Add(tenant.Clone());
        }

        return true;
    }
}
