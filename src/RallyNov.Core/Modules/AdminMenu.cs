namespace RallyNov.Core.Modules;

/// <summary>One entry of the back-office menu, owned by a module.</summary>
public sealed record AdminMenuItem(string ModuleId, string Text, string Url, int Position, string? Permission);

/// <summary>Collects the menu entries and dashboard quick actions of one module; the module id is stamped on each.</summary>
public sealed class AdminMenuBuilder
{
    private readonly List<AdminMenuItem> _items = [];
    private readonly List<AdminMenuItem> _quickActions = [];

    internal string ModuleId { get; set; } = "";

    public IReadOnlyList<AdminMenuItem> Items => _items;

    /// <summary>The buttons at the top of the dashboard (« Nouvelle initiative », « Téléverser »...).</summary>
    public IReadOnlyList<AdminMenuItem> QuickActions => _quickActions;

    /// <summary>Adds a dashboard button; hidden, like a menu entry, from users without <paramref name="permission"/>.</summary>
    /// <param name="url">Path relative to the tenant, e.g. "/admin/contents/new/Initiative".</param>
    public AdminMenuBuilder QuickAction(string text, string url, int position = 100, string? permission = null)
    {
        _quickActions.Add(new AdminMenuItem(ModuleId, text, url, position, permission));
        return this;
    }

    /// <param name="url">Path relative to the tenant, e.g. "/admin/contents".</param>
    public AdminMenuBuilder Add(string text, string url, int position = 100, string? permission = null)
    {
        _items.Add(new AdminMenuItem(ModuleId, text, url, position, permission));
        return this;
    }
}
