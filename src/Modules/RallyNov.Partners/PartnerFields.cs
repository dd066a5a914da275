namespace RallyNov.Partners;

/// <summary>Field names of the Partner type.</summary>
public static class PartnerFields
{
    public const string Type = "Partner";
    public const string Kind = "Kind";
    public const string Logo = "Logo";
    public const string Website = "Website";
    public const string Description = "Description";
    public const string Involvement = "Involvement";
    public const string Order = "Order";
}
