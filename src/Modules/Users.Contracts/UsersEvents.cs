using NftMarketplace.BuildingBlocks.Messaging;

namespace NftMarketplace.Modules.Users.Contracts;

/// <summary>A user was created by its first sign-in; <see cref="AccountId"/> is the CAIP-10 account it signed in with.</summary>
public sealed record UserCreated(Guid UserId, string AccountId) : IntegrationEvent, IIntegrationEvent
{
    public const string Key = "user.created";

    public static string Exchange => UsersExchanges.Events;

    public static string Schema => "users.user_created";

    public static int Version => 1;

    public string RoutingKey => Key;
}

/// <summary>Where Users publishes.</summary>
public static class UsersExchanges
{
    /// <summary>The topic exchange of Users' integration events.</summary>
    public const string Events = "users.events";
}
