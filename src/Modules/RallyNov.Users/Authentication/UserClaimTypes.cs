namespace RallyNov.Users.Authentication;

public static class UserClaimTypes
{
    /// <summary>Name of the tenant that issued the sign-in; checked on every request.</summary>
    public const string Tenant = "rallynov:tenant";
}
