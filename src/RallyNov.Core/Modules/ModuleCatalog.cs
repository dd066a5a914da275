using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using RallyNov.Core.Tenants;

namespace RallyNov.Core.Modules;

/// <summary>
/// The modules the host was built with, ordered so that dependencies come first, and the
/// per-tenant answer to "is this module on?".
/// </summary>
public sealed class ModuleCatalog
{
    private readonly Dictionary<string, IModule> _byId;
    private readonly Dictionary<System.Reflection.Assembly, IModule> _byAssembly;
    private readonly ConditionalWeakTable<TenantSettings, EnabledMemo> _enabled = new();

    public ModuleCatalog(IEnumerable<IModule> modules)
    {
        var list = modules.ToList();
        _byId = new Dictionary<string, IModule>(StringComparer.OrdinalIgnoreCase);
        foreach (var module in list)
        {
            if (!_byId.TryAdd(module.Id, module))
            {
                throw new InvalidOperationException($"Module '{module.Id}' is registered twice.");
            }
        }

        Modules = Sort(list);
        _byAssembly = [];
        foreach (var module in Modules)
        {
            _byAssembly.TryAdd(module.GetType().Assembly, module);
        }
    }

    /// <summary>Modules in dependency order.</summary>
    public IReadOnlyList<IModule> Modules { get; }

    public IModule? Find(string id) => _byId.GetValueOrDefault(id);

    public IModule? FindByAssembly(System.Reflection.Assembly assembly) => _byAssembly.GetValueOrDefault(assembly);

    /// <summary>
    /// The modules enabled for a tenant: always-on modules, the listed ones and everything they
    /// depend on. A tenant with no list gets every module.
    /// </summary>
    public IReadOnlySet<string> EnabledFor(TenantSettings tenant)
    {
        // Asked several times by every page (layout, menus, gates): computed once per settings
        // object, again whenever its list or kind is not the one the answer was computed from.
        if (_enabled.TryGetValue(tenant, out var memo) && memo.IsFor(tenant))
        {
            return memo.Enabled;
        }

        var fresh = new EnabledMemo(tenant.IsDefault, tenant.EnabledModules?.ToArray(), Compute(tenant).ToFrozenSet(StringComparer.OrdinalIgnoreCase));
        _enabled.AddOrUpdate(tenant, fresh);
        return fresh.Enabled;
    }

    private HashSet<string> Compute(TenantSettings tenant)
    {
        var enabled = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        IEnumerable<string> wanted = tenant.EnabledModules is null
            ? Modules.Select(m => m.Id)
            : tenant.EnabledModules.Concat(Modules.Where(m => m.AlwaysEnabled).Select(m => m.Id));
        var pending = new Stack<string>(wanted);
        while (pending.Count > 0)
        {
            var id = pending.Pop();
            if (_byId.TryGetValue(id, out var module) && (tenant.IsDefault || !module.DefaultTenantOnly) && enabled.Add(module.Id))
            {
                foreach (var dependency in module.Dependencies)
                {
                    pending.Push(dependency);
                }
            }
        }

        return enabled;
    }

    public bool IsEnabled(TenantSettings tenant, string moduleId) => EnabledFor(tenant).Contains(moduleId);

    /// <summary>The admin menu of a tenant: only entries of its enabled modules, by position.</summary>
    public IReadOnlyList<AdminMenuItem> AdminMenuFor(TenantSettings tenant) =>
        Ordered(BuildMenu(tenant).Items);

    /// <summary>The dashboard's quick actions of a tenant: only those of its enabled modules, by position.</summary>
    public IReadOnlyList<AdminMenuItem> QuickActionsFor(TenantSettings tenant) =>
        Ordered(BuildMenu(tenant).QuickActions);

    private static List<AdminMenuItem> Ordered(IEnumerable<AdminMenuItem> items) =>
        items.OrderBy(i => i.Position).ThenBy(i => i.Text, StringComparer.CurrentCulture).ToList();

    private AdminMenuBuilder BuildMenu(TenantSettings tenant)
    {
        var enabled = EnabledFor(tenant);
        var builder = new AdminMenuBuilder();
        foreach (var module in Modules.Where(m => enabled.Contains(m.Id)))
        {
            builder.ModuleId = module.Id;
            module.BuildAdminMenu(builder);
        }

        return builder;
    }

    private IReadOnlyList<IModule> Sort(List<IModule> modules)
    {
        var sorted = new List<IModule>(modules.Count);
        var state = new Dictionary<string, bool>(StringComparer.OrdinalIgnoreCase); // false = visiting, true = done
        foreach (var module in modules)
        {
            Visit(module, sorted, state);
        }

        return sorted;
    }

    private void Visit(IModule module, List<IModule> sorted, Dictionary<string, bool> state)
    {
        if (state.TryGetValue(module.Id, out var done))
        {
            if (!done)
            {
                throw new InvalidOperationException($"Module dependency cycle through '{module.Id}'.");
            }

            return;
        }

        state[module.Id] = false;
        foreach (var dependency in module.Dependencies)
        {
            if (!_byId.TryGetValue(dependency, out var required))
            {
                throw new InvalidOperationException($"Module '{module.Id}' depends on '{dependency}', which the host does not register.");
            }

            Visit(required, sorted, state);
        }

        state[module.Id] = true;
        sorted.Add(module);
    }

    private sealed record EnabledMemo(bool IsDefault, string[]? Modules, FrozenSet<string> Enabled)
    {
        public bool IsFor(TenantSettings tenant) =>
            tenant.IsDefault == IsDefault
            && (tenant.EnabledModules is null ? Modules is null : Modules is not null && tenant.EnabledModules.SequenceEqual(Modules, StringComparer.Ordinal));
    }
}
