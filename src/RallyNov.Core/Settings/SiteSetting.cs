using System.Text.Json.Nodes;

namespace RallyNov.Core.Settings;

/// <summary>One named group of a tenant's settings, stored as JSON ("site", "search"...).</summary>
public sealed class SiteSetting
{
    public string Name { get; set; } = "";

    public JsonObject Value { get; set; } = [];

    public DateTime ModifiedUtc { get; set; }
}
