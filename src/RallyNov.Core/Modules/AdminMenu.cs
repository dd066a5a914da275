namespace RallyNov.Core.Modules;

/// <summary>One entry of the back-office menu, owned by a module.</summary>
public sealed record AdminMenuItem(string ModuleId, string Text, string Url, int Position, string? Permission);

/// <summary>Collects the menu entries of one module; the module id is stamped on each entry.</summary>
public sealed class AdminMenuBuilder
{
    private readonly List<AdminMenuItem> _items = [];

    internal string ModuleId { get; set; } = "";

    public IReadOnlyList<AdminMenuItem> Items => _items;

    /// <param name="url">Path relative to the tenant, e.g. "/admin/contents".</param>
    public AdminMenuBuilder Add(string text, string url, int position = 100, string? permission = null)
    {
        _items.Add(new AdminMenuItem(ModuleId, text, url, position, permission));
        return this;
    }
}
