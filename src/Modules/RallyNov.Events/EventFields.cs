namespace RallyNov.Events;

/// <summary>Field names of the Event type.</summary>
public static class EventFields
{
    public const string Type = "Event";
    public const string Kind = "Kind";
    public const string Start = "Start";
    public const string End = "End";
    public const string Period = "Period";
    public const string Year = "Year";
    public const string Venue = "Venue";
    public const string City = "City";
    public const string Departement = "Departement";
    public const string Summary = "Summary";
    public const string Programme = "Programme";
    public const string Participants = "Participants";
    public const string Structures = "Structures";
    public const string Speakers = "Speakers";
    public const string Video = "Video";
    public const string Registration = "Registration";
    public const string FreeEntry = "FreeEntry";
    public const string Image = "Image";
}
