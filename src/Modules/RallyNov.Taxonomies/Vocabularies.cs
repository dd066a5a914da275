namespace RallyNov.Taxonomies;

/// <summary>
/// Names of the vocabularies the content types refer to. They are data (seeded by the recipes,
/// editable), but these keys are the contract between fields and recipes.
/// </summary>
public static class Vocabularies
{
    /// <summary>Terms: slug = code ("21"), data { "code", "region" }.</summary>
    public const string Departements = "departements";

    public const string Themes = "themes";

    public const string StructureKinds = "types-structure";

    public const string EventKinds = "types-evenement";

    public const string PartnerKinds = "types-partenaire";
}
