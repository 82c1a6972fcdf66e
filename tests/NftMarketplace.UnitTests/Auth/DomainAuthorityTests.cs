using NftMarketplace.Modules.Auth.Configuration;

namespace NftMarketplace.UnitTests.Auth;

public sealed class DomainAuthorityTests
{
    [Theory]
    [InlineData("app.example.com")]
    [InlineData("localhost:3000")]
    [InlineData("127.0.0.1:5080")]
    [InlineData("example.com:443")]
    [InlineData("[::1]:8080")]
    public void Host_and_port_authorities_are_sign_in_domains(string domain) => Assert.True(DomainAuthority.IsValid(domain));

    [Theory]
    [InlineData("")]
    [InlineData("https://app.example.com")]
    [InlineData("app.example.com/login")]
    [InlineData("user@app.example.com")]
    [InlineData("app example.com")]
    [InlineData("#notrfc4501")]
    public void Anything_else_is_not(string domain) => Assert.False(DomainAuthority.IsValid(domain));

    [Fact]
    public void Options_name_the_bad_domain_and_the_bad_lifetime()
    {
        var problems = new SiweOptions { AllowedDomains = ["ok.example", "https://bad.example"], NonceLifetime = TimeSpan.Zero }.Validate().ToList();

        Assert.Contains(problems, p => p.Contains("AllowedDomains:1", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("NonceLifetime", StringComparison.Ordinal));
        Assert.Equal(2, problems.Count);
    }
}
