namespace RallyNov.Initiatives;

/// <summary>Field names of the Initiative type: used by the definition, views, recipes and tests alike.</summary>
public static class InitiativeFields
{
    public const string Type = "Initiative";
    public const string Summary = "Summary";
    public const string Body = "Body";
    public const string StructureName = "StructureName";
    public const string StructureKind = "StructureKind";
    public const string City = "City";
    public const string Departement = "Departement";
    public const string Themes = "Themes";
    public const string YearIdentified = "YearIdentified";
    public const string YearFounded = "YearFounded";
    public const string Image = "Image";
    public const string Website = "Website";
    public const string Source = "Source";

    // Impact indicators: optional, declared by the structure, summed per territory.
    public const string ImpactJobs = "ImpactJobs";
    public const string ImpactPeople = "ImpactPeople";
    public const string ImpactVolunteers = "ImpactVolunteers";
    public const string ImpactPartners = "ImpactPartners";
    public const string ImpactYear = "ImpactYear";

    public const string SourceEditorial = "Repérage éditorial";
    public const string SourceProposal = "Proposition publique";
}
