using NftMarketplace.BuildingBlocks.Messaging;

namespace NftMarketplace.Modules.Wallets.Contracts;

/// <summary>An account was linked to a user for the first time (<c>wallet.linked</c> on <c>wallets.events</c>).</summary>
public sealed record WalletLinked(
    Guid WalletId,
    Guid UserId,
    string AccountId,
    string Address,
    string ChainId,
    string Type,
    bool IsPrimary) : IntegrationEvent, IIntegrationEvent
{
    public const string Key = "wallet.linked";

    public static string Exchange => WalletsExchanges.Events;

    public static string Schema => "wallets.wallet_linked";

    public static int Version => 1;

    public string RoutingKey => Key;
}

/// <summary>A user's primary wallet changed (a later link marked primary, or <c>setPrimaryWallet</c>).</summary>
public sealed record PrimaryWalletChanged(Guid WalletId, Guid UserId, string AccountId) : IntegrationEvent, IIntegrationEvent
{
    public const string Key = "wallet.primary_changed";

    public static string Exchange => WalletsExchanges.Events;

    public static string Schema => "wallets.primary_wallet_changed";

    public static int Version => 1;

    public string RoutingKey => Key;
}

/// <summary>
/// A wallet was unlinked from its user: the account no longer signs in as that user, and the sessions it signed in end.
/// <see cref="AddressStillLinked"/> is true when another link of the user has the same address (an EOA linked on several
/// chains), which keeps the key's access through that link.
/// </summary>
public sealed record WalletUnlinked(
    Guid WalletId,
    Guid UserId,
    string AccountId,
    string Address,
    string ChainId,
    string Type,
    bool AddressStillLinked) : IntegrationEvent, IIntegrationEvent
{
    public const string Key = "wallet.unlinked";

    public static string Exchange => WalletsExchanges.Events;

    public static string Schema => "wallets.wallet_unlinked";

    public static int Version => 1;

    public string RoutingKey => Key;
}

/// <summary>Where Wallets publishes.</summary>
public static class WalletsExchanges
{
    /// <summary>The topic exchange of Wallets' integration events.</summary>
    public const string Events = "wallets.events";
}
