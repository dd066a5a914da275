namespace RallyNov.Core.Content;

/// <summary>Which version of an item a load returns.</summary>
public enum VersionOptions
{
    /// <summary>The version visitors see; null when the item is not published.</summary>
    Published,

    /// <summary>The newest version, draft or published (what editors edit).</summary>
    Latest,

    /// <summary>The newest version only when it is a draft.</summary>
    DraftRequired,
}
