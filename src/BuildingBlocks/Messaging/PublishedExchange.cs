namespace NftMarketplace.BuildingBlocks.Messaging;

/// <summary>An exchange a module publishes to, registered by the module so that the topology declares it.</summary>
public sealed record PublishedExchange(string Name);
