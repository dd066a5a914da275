using RallyNov.Core.Modules;
using RallyNov.Core.Tenants;

namespace RallyNov.Tenants.Management;

/// <summary>One module as the edit form shows it.</summary>
public sealed record ModuleChoice(string Id, string DisplayName, bool Enabled, bool AlwaysEnabled, IReadOnlyList<string> Requires, IReadOnlyList<string> RequiredBy);

/// <summary>
/// Turns the ticked modules into a tenant's module list: what a ticked module needs is switched on
/// with it, and the person is told why (« Lauréats nécessite Initiatives »). Modules that are always
/// on or only for the portal are not choices.
/// </summary>
public static class ModuleSelection
{
    public static IReadOnlyList<ModuleChoice> Choices(ModuleCatalog catalog, TenantSettings tenant)
    {
        var enabled = catalog.EnabledFor(tenant);
        var offered = Offered(catalog, tenant).ToList();
        return offered.Select(m => new ModuleChoice(
                m.Id,
                m.DisplayName,
                enabled.Contains(m.Id),
                m.AlwaysEnabled,
                m.Dependencies.Select(catalog.Find).OfType<IModule>().Where(d => !d.AlwaysEnabled).Select(d => d.Id).ToList(),
                offered.Where(o => o.Dependencies.Contains(m.Id, StringComparer.OrdinalIgnoreCase)).Select(o => o.Id).ToList()))
            .ToList();
    }

    /// <summary>
    /// The list to store for the ticked modules (null = every module, so modules added to the host
    /// later are on too) and the French notes for each dependency that had to be added.
    /// </summary>
    public static (List<string>? Modules, IReadOnlyList<string> Notes) Resolve(ModuleCatalog catalog, TenantSettings tenant, IEnumerable<string> ticked)
    {
        var offered = Offered(catalog, tenant).Where(m => !m.AlwaysEnabled).ToList();
        var chosen = new HashSet<string>(ticked.Where(id => offered.Any(m => string.Equals(m.Id, id, StringComparison.OrdinalIgnoreCase)))
            .Select(id => catalog.Find(id)!.Id), StringComparer.OrdinalIgnoreCase);
        // Each dependency added for the person is explained once, naming every ticked module that needs it.
        var addedFor = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        var pending = new Stack<string>(chosen);
        while (pending.Count > 0)
        {
            var module = catalog.Find(pending.Pop())!;
            foreach (var dependency in module.Dependencies.Select(catalog.Find).OfType<IModule>().Where(d => !d.AlwaysEnabled))
            {
                if (chosen.Add(dependency.Id))
                {
                    addedFor[dependency.Id] = [];
                    pending.Push(dependency.Id);
                }

                if (addedFor.TryGetValue(dependency.Id, out var requirers) && !requirers.Contains(module.Id))
                {
                    requirers.Add(module.Id);
                }
            }
        }

        var notes = offered.Where(m => addedFor.ContainsKey(m.Id)).Select(dependency =>
        {
            var names = offered.Where(m => addedFor[dependency.Id].Contains(m.Id)).Select(m => m.DisplayName).ToList();
            var who = names.Count == 1 ? names[0] : string.Join(", ", names[..^1]) + " et " + names[^1];
            return $"{who} {(names.Count == 1 ? "nécessite" : "nécessitent")} {dependency.DisplayName} : {dependency.DisplayName} a été activé aussi.";
        }).ToList();

        var list = offered.Where(m => chosen.Contains(m.Id)).Select(m => m.Id).ToList();
        return (list.Count == offered.Count ? null : list, notes);
    }

    private static IEnumerable<IModule> Offered(ModuleCatalog catalog, TenantSettings tenant) =>
        catalog.Modules.Where(m => tenant.IsDefault || !m.DefaultTenantOnly);
}
