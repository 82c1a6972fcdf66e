using NftMarketplace.BuildingBlocks.Messaging;

namespace NftMarketplace.Modules.Auth.Contracts;

/// <summary>
/// A user signed in with SIWE and got a session (<c>user.logged_in</c> on <c>auth.events</c>).
/// <see cref="Method"/> is how the signature was checked: <c>eip191</c>, <c>eip1271</c> or <c>eip6492</c>.
/// </summary>
public sealed record UserLoggedIn(
    Guid UserId,
    Guid SessionId,
    string AccountId,
    string Address,
    string ChainId,
    string Method) : IntegrationEvent, IIntegrationEvent
{
    public const string Key = "user.logged_in";

    public static string Exchange => AuthExchanges.Events;

    public static string Schema => "auth.user_logged_in";

    public static int Version => 1;

    public string RoutingKey => Key;
}

/// <summary>Where Auth publishes.</summary>
public static class AuthExchanges
{
    /// <summary>The topic exchange of Auth's integration events.</summary>
    public const string Events = "auth.events";
}
