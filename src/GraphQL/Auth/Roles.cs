namespace NftMarketplace.GraphQL.Auth;

/// <summary>
/// The roles access tokens carry: granted by the Auth module, required by other modules' fields, so both name them
/// from here.
/// </summary>
public static class Roles
{
    /// <summary>Operators: the addresses of <c>Auth:Admins</c>.</summary>
    public const string Admin = "admin";
}
