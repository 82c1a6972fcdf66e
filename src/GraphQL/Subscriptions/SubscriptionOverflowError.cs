using GraphQL;
using NftMarketplace.BuildingBlocks.Errors;

namespace NftMarketplace.GraphQL.Subscriptions;

/// <summary>A subscription whose events arrived faster than this replica could deliver them; the client may subscribe again.</summary>
public sealed class SubscriptionOverflowError : ExecutionError
{
    public SubscriptionOverflowError()
        : base("Events for this subscription arrived faster than they could be delivered, so it was ended; subscribe again.") =>
        Code = ErrorCode.Internal.ToWire();
}
