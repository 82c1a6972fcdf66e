using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Nethereum.Web3;
using NftMarketplace.BuildingBlocks.Errors;
using NftMarketplace.BuildingBlocks.Ethereum;
using NftMarketplace.BuildingBlocks.Mediation;
using NftMarketplace.IntegrationTests.Indexing;
using NftMarketplace.IntegrationTests.Infrastructure;
using NftMarketplace.IntegrationTests.SmartContracts;
using NftMarketplace.IntegrationTests.Support;
using NftMarketplace.Modules.Catalog;
using NftMarketplace.Modules.Catalog.Domain;
using NftMarketplace.Modules.Catalog.Metadata.Refreshing;
using NftMarketplace.Modules.Catalog.Persistence;
using NftMarketplace.Modules.Indexing;
using NftMarketplace.Modules.Media;
using NftMarketplace.Modules.Media.Contracts;
using NftMarketplace.Modules.Registry;
using NftMarketplace.Modules.Users;
using NftMarketplace.Modules.Wallets;
using NftMarketplace.SmartContracts.Collections;
using NftMarketplace.SmartContracts.Collections1155;
using NftMarketplace.SmartContracts.Collections721;
using NftMarketplace.SmartContracts.Factory;

namespace NftMarketplace.IntegrationTests.Catalog;

/// <summary>
/// The Catalog's metadata worker on a private Anvil, behind the real indexer, with Media resolving <c>ipfs://</c>: tokens
/// minted on chain get their documents fetched, normalized and stored with their traits; failures are recorded with their
/// code and retried only when that can help; ERC-4906 updates and refreshes fetch again. A local server on
/// <see cref="DocumentServer.Address"/> (the one loopback address the fetcher is allowed) plays metadata host and IPFS
/// gateway.
/// </summary>
public sealed class MetadataWorkerTests(InfrastructureFixture infrastructure) : IndexerTest(infrastructure)
{
    // "hello world": a well-formed CID Media does not have, so only the gateway can answer it.
    private const string GatewayOnlyCid = "bafkreifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5e";

    private DocumentServer _documents = null!;
    private Web3 _creator = null!;
    private string _factory = null!;

    public override async ValueTask InitializeAsync()
    {
        _documents = await DocumentServer.StartAsync();
        await base.InitializeAsync();
        _creator = await TestChain.NewAccountAsync();
        var (factory, start) = await DeployFactoryAsync(_creator);
        _factory = factory.Address;
        await RegisterChainAsync(factory.Address, start);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _documents.DisposeAsync();
    }

    protected override void AddModules(IHostApplicationBuilder builder) =>
        builder.AddUsersModule().AddWalletsModule().AddRegistryModule().AddIndexingModule().AddMediaModule().AddCatalogModule();

    protected override void Configure(IDictionary<string, string?> settings)
    {
        settings["Catalog:Metadata:AllowedPrivateNetworks:0"] = DocumentServer.Address;
        settings["Catalog:Metadata:IpfsGateways:0"] = _documents.BaseAddress.ToString();
        settings["Catalog:Metadata:Timeout"] = "00:00:05";
        settings["Catalog:Metadata:Worker:PollInterval"] = "00:00:00.100";
        settings["Catalog:Metadata:Worker:RetryDelay"] = "00:00:00.200";
        settings["Catalog:Metadata:Worker:MaxAttempts"] = "4";
        settings["Catalog:Metadata:Worker:RefreshCooldown"] = "00:01:00";
        settings["Media:Moderation:Mode"] = "auto";
    }

    [Fact]
    public async Task Metadata_pinned_through_Media_and_minted_on_chain_is_stored_with_its_normalized_fields_and_traits()
    {
        var json = """
            {"name":"Ape #1","description":"An ape","image":"ipfs://bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku",
             "external_url":"https://example.org/1","attributes":[{"trait_type":"Hat ","value":"Cap"},{"trait_type":"Level","value":7,"display_type":"number","max_value":10}]}
            """;
        var pinned = await SendAsync(new PinMetadata(Guid.CreateVersion7(), json));
        var collection = await CreateCollectionAsync(TokenStandard.Erc721);

        await MintAsync(collection, pinned.Uri);

        var document = await OkAsync(collection, 1);
        Assert.Equal((pinned.Uri, "Ape #1", "An ape", "https://example.org/1"), (document.TokenUri, document.Name, document.Description, document.ExternalUrl));
        Assert.Equal("ipfs://bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku", document.ImageUrl);
        Assert.Equal("Ape #1", JsonDocument.Parse(document.Original!).RootElement.GetProperty("name").GetString());
        Assert.Equal(7, JsonDocument.Parse(document.Normalized!).RootElement.GetProperty("attributes")[1].GetProperty("value").GetDouble());
        var attributes = JsonDocument.Parse(document.Attributes).RootElement;
        Assert.Equal(("Hat ", "Cap", "string"), (attributes[0].GetProperty("traitType").GetString(), attributes[0].GetProperty("value").GetString(), attributes[0].GetProperty("valueType").GetString()));
        Assert.Equal(("number", "number", 10d), (attributes[1].GetProperty("displayType").GetString(), attributes[1].GetProperty("valueType").GetString(), attributes[1].GetProperty("maxValue").GetDouble()));
        Assert.Null(document.NextAttemptAt);

        var traits = await QueryCatalogAsync(db => db.TokenTraits.AsNoTracking()
            .Where(t => t.Contract == collection && t.TokenId == 1).OrderBy(t => t.NormalizedName).ToListAsync(Ct));
        Assert.Equal([("hat", "cap", (double?)null), ("level", "7", 7d)], traits.Select(t => (t.NormalizedName, t.NormalizedValue, t.ValueNumber)));
    }

    [Fact]
    public async Task An_erc1155_uri_gets_the_token_id_as_64_hex_digits_in_place_of_its_id_placeholder()
    {
        var hexPath = "/meta/" + new string('0', 63) + "1.json";
        _documents.Serve(hexPath, """{"name":"Sword","attributes":[{"trait_type":"Kind","value":"Blade"}]}""");
        var collection = await CreateCollectionAsync(TokenStandard.Erc1155);

        await _creator.SendAsync(collection, new Mint1155Function { To = Me, Amount = 3, MaxSupply = 0, Uri = _documents.BaseAddress + "meta/{id}.json" });

        var document = await OkAsync(collection, 1);
        Assert.Equal("Sword", document.Name);
        Assert.EndsWith("/meta/{id}.json", document.TokenUri, StringComparison.Ordinal);
        // The mint and its URI log each make the document due: it may be read twice, never under the template's path.
        Assert.InRange(_documents.Hits(hexPath), 1, 2);
        Assert.DoesNotContain(_documents.Paths, p => p.Contains("id", StringComparison.OrdinalIgnoreCase) || p.Contains('%', StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_data_uri_is_read_from_the_uri_itself()
    {
        var collection = await CreateCollectionAsync(TokenStandard.Erc721);
        var uri = "data:application/json;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes("""{"name":"Inline","attributes":[]}"""));

        await MintAsync(collection, uri);

        Assert.Equal("Inline", (await OkAsync(collection, 1)).Name);
    }

    [Fact]
    public async Task A_loopback_address_is_refused_as_blocked_and_not_tried_again()
    {
        var collection = await CreateCollectionAsync(TokenStandard.Erc721);
        var port = _documents.BaseAddress.Port;

        await MintAsync(collection, $"http://127.0.0.1:{port}/token.json");

        var document = await Eventually.Until(() => DocumentAsync(collection, 1), d => d?.Status == "FAILED", "the fetch refused");
        Assert.Equal("BLOCKED_ADDRESS", document!.ErrorCode);
        Assert.Contains("127.0.0.1", document.Error, StringComparison.Ordinal);
        // A permanent failure has no next attempt: it is not retried, however long one waits.
        Assert.Null(document.NextAttemptAt);
        Assert.Equal(1, document.Attempts);
        Assert.DoesNotContain("/token.json", _documents.Paths);
    }

    [Fact]
    public async Task A_gateway_that_answers_500_then_200_is_tried_again_after_a_back_off_and_the_document_stored()
    {
        var path = "/ipfs/" + GatewayOnlyCid;
        _documents.Answer(path, n => n == 1 ? (500, "{}") : (200, """{"name":"Second time lucky"}"""));
        var collection = await CreateCollectionAsync(TokenStandard.Erc721);

        await MintAsync(collection, "ipfs://" + GatewayOnlyCid);

        var document = await OkAsync(collection, 1);
        Assert.Equal("Second time lucky", document.Name);
        Assert.Equal(2, document.Attempts);
        Assert.Equal(2, _documents.Hits(path));
        Assert.Null(document.ErrorCode);
    }

    [Fact]
    public async Task A_document_that_keeps_failing_is_tried_max_attempts_times_then_left_failed()
    {
        var path = "/always-500.json";
        _documents.Answer(path, _ => (500, "{}"));
        var collection = await CreateCollectionAsync(TokenStandard.Erc721);

        await MintAsync(collection, new Uri(_documents.BaseAddress, path).ToString());

        var document = await Eventually.Until(
            () => DocumentAsync(collection, 1), d => d is { Status: "FAILED", NextAttemptAt: null }, "the attempts used up");
        Assert.Equal(("HTTP_STATUS", 4), (document!.ErrorCode, document.Attempts));
        Assert.Equal(4, _documents.Hits(path));
    }

    [Fact]
    public async Task An_erc4906_metadata_update_fetches_the_token_again()
    {
        var collection = await CreateCollectionAsync(TokenStandard.Erc721);
        await MintAsync(collection, Inline("Before"));
        Assert.Equal("Before", (await OkAsync(collection, 1)).Name);

        await _creator.SendAsync(collection, new SetTokenUriFunction { TokenId = 1, Uri = Inline("After") });

        var document = await Eventually.Until(() => DocumentAsync(collection, 1), d => d?.Name == "After", "the token fetched again");
        Assert.Equal("OK", document!.Status);
    }

    [Fact]
    public async Task A_refresh_is_accepted_once_per_cooldown_for_a_token_of_the_catalog()
    {
        var collection = await CreateCollectionAsync(TokenStandard.Erc721);
        await MintAsync(collection, Inline("Refreshed"));
        var first = await OkAsync(collection, 1);
        await SeedTokenAsync(collection, 1);
        var user = Guid.CreateVersion7();

        await SendAsync(new RefreshTokenMetadata(user, Chain, Address.Parse(collection), 1));

        var again = await Eventually.Until(() => DocumentAsync(collection, 1), d => d!.FetchedAt > first.FetchedAt, "the refreshed fetch");
        Assert.Equal(("OK", "Refreshed"), (again!.Status, again.Name));
        Assert.NotNull(again.RefreshRequestedAt);

        var limited = await Assert.ThrowsAsync<AppException>(() => SendAsync(new RefreshTokenMetadata(Guid.CreateVersion7(), Chain, Address.Parse(collection), 1)));
        Assert.Equal(ErrorCode.RateLimited, limited.Code);
        Assert.InRange(limited.RetryAfter!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));

        var missing = await Assert.ThrowsAsync<AppException>(() => SendAsync(new RefreshTokenMetadata(user, Chain, Address.Parse(collection), 2)));
        Assert.Equal(ErrorCode.NotFound, missing.Code);
        var anonymous = await Assert.ThrowsAsync<AppException>(() => SendAsync(new RefreshTokenMetadata(Guid.Empty, Chain, Address.Parse(collection), 1)));
        Assert.Equal(ErrorCode.Unauthenticated, anonymous.Code);
        var outOfRange = await Assert.ThrowsAsync<RequestValidationException>(() => SendAsync(new RefreshTokenMetadata(user, Chain, Address.Parse(collection), BigInteger.MinusOne)));
        Assert.Equal("input.tokenId", outOfRange.Field);
    }

    private string Me => _creator.TransactionManager.Account.Address;

    private static string Inline(string name) =>
        "data:application/json;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes($$"""{"name":"{{name}}"}"""));

    private async Task<string> CreateCollectionAsync(TokenStandard standard) =>
        (await Collections.CreateAsync(_creator, _factory, standard)).Address.ToLowerInvariant();

    private async Task MintAsync(string collection, string uri) => await _creator.SendAsync(collection, new Mint721Function { To = Me, Uri = uri });

    private Task<MetadataDoc?> DocumentAsync(string collection, BigInteger tokenId) =>
        QueryCatalogAsync(db => db.MetadataDocs.AsNoTracking().SingleOrDefaultAsync(d => d.ChainId == Chain.Value && d.Contract == collection && d.TokenId == tokenId, Ct));

    private async Task<MetadataDoc> OkAsync(string collection, BigInteger tokenId) =>
        (await Eventually.Until(() => DocumentAsync(collection, tokenId), d => d?.Status == "OK", $"token {tokenId} of {collection} fetched", TimeSpan.FromSeconds(60)))!;

    /// <summary>The token's catalog row, as the catalog's consumers write it once a transfer of it was applied.</summary>
    private async Task SeedTokenAsync(string collection, BigInteger tokenId) => await QueryCatalogAsync(db => db.Database.ExecuteSqlInterpolatedAsync(
        $"""
        INSERT INTO catalog.tokens (chain_id, contract, token_id, standard, supply, burned, created_at, updated_at)
        VALUES ({Chain.Value}, {collection}, {tokenId.ToString(CultureInfo.InvariantCulture)}::numeric, 'erc721', 1, false, now(), now())
        ON CONFLICT DO NOTHING
        """, Ct));

    private async Task<T> QueryCatalogAsync<T>(Func<CatalogDbContext, Task<T>> query)
    {
        await using var scope = Server.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<CatalogDbContext>());
    }
}
