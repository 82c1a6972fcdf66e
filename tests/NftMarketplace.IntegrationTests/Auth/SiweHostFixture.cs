using NftMarketplace.IntegrationTests.Infrastructure;
using NftMarketplace.IntegrationTests.Support;

namespace NftMarketplace.IntegrationTests.Auth;

/// <summary>The Host of the sign-in tests (see <see cref="SignInHostFixture"/>), logging enough to be searched for secrets.</summary>
public sealed class SiweHostFixture(InfrastructureFixture infrastructure) : SignInHostFixture(infrastructure)
{
    protected override void Configure(Dictionary<string, string?> configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        // Verbose enough that a secret written to any log would show up in the output the tests search.
        configuration["Logging__LogLevel__Default"] = "Information";
    }
}
