namespace NftMarketplace.IntegrationTests.Support;

/// <summary>
/// Tests that take a server of the shared infrastructure away (freeze it) run in this collection, alone: any test
/// running beside them would see the outage too.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SharedServerOutage
{
    public const string Name = "shared server outage";
}
