namespace RallyNov.Initiatives.OpenData;

/// <summary>A column of the open data files: its name, its Table Schema type and what it holds, in French.</summary>
public sealed record OpenDataColumn(string Name, string Type, string Title, string Description);

/// <summary>
/// The published initiatives' open data: one definition of the columns feeds the CSV header, the
/// JSON keys, the Table Schema file and the /donnees page, so they cannot disagree.
/// </summary>
public static class OpenDataColumns
{
    public const string Licence = "Licence Ouverte / Etalab 2.0";
    public const string LicenceUrl = "https://www.etalab.gouv.fr/licence-ouverte-open-licence/";

    /// <summary>Separator of the values of a multi-valued column (thèmes).</summary>
    public const string ListSeparator = "|";

    public static readonly IReadOnlyList<OpenDataColumn> All =
    [
        new("identifiant", "string", "Identifiant", "Identifiant stable de l'initiative sur le site qui la publie."),
        new("titre", "string", "Titre", "Nom de l'initiative."),
        new("structure", "string", "Structure porteuse", "Nom de la structure qui mène l'initiative."),
        new("type_structure", "string", "Type de structure", "Entreprise, association, coopérative, collectivité, établissement public ou autre."),
        new("commune", "string", "Commune", "Commune de la structure."),
        new("code_departement", "string", "Code du département", "Code officiel du département (21, 25, 39, 58, 70, 71, 89, 90)."),
        new("themes", "string", "Thèmes", "Thèmes de l'initiative, séparés par « | »."),
        new("annee", "integer", "Année de repérage", "Année où rally'nov a repéré l'initiative."),
        new("url", "string", "Adresse de la page", "Adresse de la page de l'initiative sur le site rally'nov."),
        new("resume", "string", "Résumé", "Deux ou trois phrases qui présentent l'initiative."),
        new("emplois", "integer", "Emplois créés ou maintenus", "Impact déclaré par la structure : nombre d'emplois créés ou maintenus (vide si non renseigné)."),
        new("personnes_touchees", "integer", "Personnes touchées", "Impact déclaré : nombre de personnes touchées par l'initiative (vide si non renseigné)."),
        new("benevoles", "integer", "Bénévoles", "Impact déclaré : nombre de bénévoles engagés (vide si non renseigné)."),
        new("partenaires", "integer", "Partenaires", "Impact déclaré : nombre de partenaires de l'initiative (vide si non renseigné)."),
        new("annee_mesure_impact", "integer", "Année de mesure de l'impact", "Année à laquelle se rapportent les chiffres d'impact (vide si non renseignée)."),
        new("site", "string", "Site rally'nov", "Le site rally'nov qui publie l'initiative."),
        new("derniere_modification", "datetime", "Dernière modification", "Date et heure de la dernière publication, en UTC (ISO 8601)."),
    ];
}
