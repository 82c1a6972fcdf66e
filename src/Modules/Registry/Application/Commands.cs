using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NftMarketplace.BuildingBlocks.Errors;
using NftMarketplace.BuildingBlocks.Ethereum;
using NftMarketplace.BuildingBlocks.Mediation;
using NftMarketplace.Modules.Registry.Contracts;
using NftMarketplace.Modules.Registry.Domain;
using NftMarketplace.Modules.Registry.Persistence;

namespace NftMarketplace.Modules.Registry.Application;

/// <summary>Adds a chain (EIP-155 only for now). A chain that exists already is a <c>CONFLICT</c>.</summary>
internal sealed record AddChain(
    ChainId ChainId,
    string Name,
    string NativeSymbol,
    int Decimals,
    string? ExplorerUrl,
    IReadOnlyList<string>? Features,
    int ConfirmationsRequired,
    bool Enabled) : ICommand<ChainSnapshot>;

internal sealed record EnableChain(ChainId ChainId) : ICommand<ChainSnapshot>;

internal sealed record DisableChain(ChainId ChainId) : ICommand<ChainSnapshot>;

/// <summary>Adds an RPC endpoint to a chain; the same URL twice on one chain is a <c>CONFLICT</c>.</summary>
internal sealed record AddChainEndpoint(ChainId ChainId, string Url, int Priority, int Weight, int? RateLimit, bool Active) : ICommand<ChainSnapshot>;

internal sealed record EnableChainEndpoint(ChainId ChainId, string Url) : ICommand<ChainSnapshot>;

internal sealed record DisableChainEndpoint(ChainId ChainId, string Url) : ICommand<ChainSnapshot>;

/// <summary>Registers a contract on a chain; a name registered already is a <c>CONFLICT</c>.</summary>
internal sealed record AddChainContract(ChainId ChainId, string Name, Address Address, long StartBlock, DateTimeOffset? VerifiedAt) : ICommand<ChainSnapshot>;

/// <summary>Sets a chain's gas policy (gwei), creating it when there is none.</summary>
internal sealed record SetChainGasPolicy(
    ChainId ChainId,
    double? MaxFeeGwei,
    double? PriorityFeeGwei,
    double Multiplier,
    double? LastObservedBaseFeeGwei) : ICommand<ChainSnapshot>;

internal static class RegistryRules
{
    public static bool IsHttpUrl(string? text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    public static bool IsRpcUrl(string? text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeWs || uri.Scheme == Uri.UriSchemeWss)
        && !string.IsNullOrEmpty(uri.Host);
}

internal sealed class AddChainValidator : AbstractValidator<AddChain>
{
    public AddChainValidator()
    {
        RuleFor(x => x.ChainId).Must(id => id.IsEip155).WithMessage("Only eip155 chains are supported.");
        RuleFor(x => x.Name).NotEmpty().MaximumLength(100);
        RuleFor(x => x.NativeSymbol).NotEmpty().MaximumLength(16);
        RuleFor(x => x.Decimals).InclusiveBetween(0, 36);
        RuleFor(x => x.ConfirmationsRequired).GreaterThanOrEqualTo(0);
        RuleFor(x => x.ExplorerUrl).Must(RegistryRules.IsHttpUrl).When(x => x.ExplorerUrl is not null)
            .WithMessage("Explorer URL must be an absolute http(s) URL.").MaximumLength(500);
        RuleForEach(x => x.Features).NotEmpty().MaximumLength(64);
    }
}

internal sealed class AddChainEndpointValidator : AbstractValidator<AddChainEndpoint>
{
    public AddChainEndpointValidator()
    {
        RuleFor(x => x.Url).NotEmpty().MaximumLength(500).Must(RegistryRules.IsRpcUrl)
            .WithMessage("URL must be an absolute http, https, ws or wss URL.");
        RuleFor(x => x.Priority).GreaterThanOrEqualTo(0);
        RuleFor(x => x.Weight).GreaterThan(0);
        RuleFor(x => x.RateLimit).GreaterThan(0).When(x => x.RateLimit is not null);
    }
}

internal sealed class AddChainContractValidator : AbstractValidator<AddChainContract>
{
    public AddChainContractValidator()
    {
        RuleFor(x => x.Name).NotEmpty().MaximumLength(100);
        RuleFor(x => x.Address).Must(a => a != Address.Zero).WithMessage("Address must not be the zero address.");
        RuleFor(x => x.StartBlock).GreaterThanOrEqualTo(0);
    }
}

internal sealed class SetChainGasPolicyValidator : AbstractValidator<SetChainGasPolicy>
{
    public SetChainGasPolicyValidator()
    {
        RuleFor(x => x.MaxFeeGwei).GreaterThanOrEqualTo(0).When(x => x.MaxFeeGwei is not null);
        RuleFor(x => x.PriorityFeeGwei).GreaterThanOrEqualTo(0).When(x => x.PriorityFeeGwei is not null);
        RuleFor(x => x.Multiplier).GreaterThan(0).LessThanOrEqualTo(100);
        RuleFor(x => x.LastObservedBaseFeeGwei).GreaterThanOrEqualTo(0).When(x => x.LastObservedBaseFeeGwei is not null);
    }
}

/// <summary>Loads and saves chains for the commands; maps database clashes to <c>CONFLICT</c>.</summary>
internal sealed class ChainStore(RegistryDbContext db, TimeProvider time)
{
    public DateTimeOffset Now => time.GetUtcNow();

    public Task<Chain?> FindAsync(ChainId chainId, CancellationToken cancellationToken) =>
        db.Chains.AsSplitQuery()
            .Include(c => c.Endpoints)
            .Include(c => c.Contracts)
            .Include(c => c.GasPolicy)
            .FirstOrDefaultAsync(c => c.Caip2 == chainId.Value, cancellationToken);

    /// <summary>The chain a mutation refers to; an unknown one is bad input naming <c>chainId</c>.</summary>
    public async Task<Chain> RequireAsync(ChainId chainId, CancellationToken cancellationToken) =>
        await FindAsync(chainId, cancellationToken)
            ?? throw new BadInputException($"Chain '{chainId}' is not registered.", "input.chainId");

    public void Add(Chain chain) => db.Chains.Add(chain);

    /// <summary>
    /// Bumps the chain's version and saves, when anything changed: a command that changes nothing (enabling an enabled
    /// chain, an unchanged gas observation) must not invalidate every cached copy of the chain.
    /// </summary>
    public async Task<ChainSnapshot> SaveAsync(Chain chain, CancellationToken cancellationToken)
    {
        if (!db.ChangeTracker.HasChanges())
        {
            return ChainReader.ToSnapshot(chain);
        }

        chain.Touch(Now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            throw new AppException(ErrorCode.Conflict, $"Chain '{chain.Caip2}' was changed at the same time; try again.", inner: ex);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } unique)
        {
            throw new AppException(ErrorCode.Conflict, ConflictMessage(chain, unique.ConstraintName), inner: ex);
        }

        return ChainReader.ToSnapshot(chain);
    }

    private static string ConflictMessage(Chain chain, string? constraint) => constraint switch
    {
        { } c when c.Contains("endpoints", StringComparison.Ordinal) => $"Chain '{chain.Caip2}' already has this endpoint.",
        { } c when c.Contains("contracts", StringComparison.Ordinal) => $"Chain '{chain.Caip2}' already has a contract of this name.",
        _ => $"Chain '{chain.Caip2}' is already registered.",
    };
}

internal sealed class AddChainHandler(ChainStore store) : IRequestHandler<AddChain, ChainSnapshot>
{
    public async Task<ChainSnapshot> Handle(AddChain request, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(request.ChainId, cancellationToken) is not null)
        {
            throw new AppException(ErrorCode.Conflict, $"Chain '{request.ChainId}' is already registered.");
        }

        var chain = new Chain
        {
            Caip2 = request.ChainId.Value,
            ChainNumber = request.ChainId.ToEip155Number(),
            Name = request.Name,
            NativeSymbol = request.NativeSymbol,
            Decimals = request.Decimals,
            ExplorerUrl = request.ExplorerUrl,
            Features = [.. (request.Features ?? []).Distinct(StringComparer.Ordinal)],
            ConfirmationsRequired = request.ConfirmationsRequired,
            Enabled = request.Enabled,
        };
        store.Add(chain);
        return await store.SaveAsync(chain, cancellationToken);
    }
}

internal sealed class EnableChainHandler(ChainStore store) : IRequestHandler<EnableChain, ChainSnapshot>
{
    public async Task<ChainSnapshot> Handle(EnableChain request, CancellationToken cancellationToken)
    {
        var chain = await store.RequireAsync(request.ChainId, cancellationToken);
        chain.Enabled = true;
        return await store.SaveAsync(chain, cancellationToken);
    }
}

internal sealed class DisableChainHandler(ChainStore store) : IRequestHandler<DisableChain, ChainSnapshot>
{
    public async Task<ChainSnapshot> Handle(DisableChain request, CancellationToken cancellationToken)
    {
        var chain = await store.RequireAsync(request.ChainId, cancellationToken);
        chain.Enabled = false;
        return await store.SaveAsync(chain, cancellationToken);
    }
}

internal sealed class AddChainEndpointHandler(ChainStore store) : IRequestHandler<AddChainEndpoint, ChainSnapshot>
{
    public async Task<ChainSnapshot> Handle(AddChainEndpoint request, CancellationToken cancellationToken)
    {
        var chain = await store.RequireAsync(request.ChainId, cancellationToken);
        if (chain.Endpoints.Any(e => e.Url == request.Url))
        {
            throw new AppException(ErrorCode.Conflict, $"Chain '{chain.Caip2}' already has this endpoint.");
        }

        chain.Endpoints.Add(new ChainEndpoint
        {
            Url = request.Url,
            Priority = request.Priority,
            Weight = request.Weight,
            RateLimit = request.RateLimit,
            Active = request.Active,
        });
        return await store.SaveAsync(chain, cancellationToken);
    }
}

internal sealed class EnableChainEndpointHandler(ChainStore store) : IRequestHandler<EnableChainEndpoint, ChainSnapshot>
{
    public async Task<ChainSnapshot> Handle(EnableChainEndpoint request, CancellationToken cancellationToken) =>
        await EndpointSwitch.SetAsync(store, request.ChainId, request.Url, active: true, cancellationToken);
}

internal sealed class DisableChainEndpointHandler(ChainStore store) : IRequestHandler<DisableChainEndpoint, ChainSnapshot>
{
    public async Task<ChainSnapshot> Handle(DisableChainEndpoint request, CancellationToken cancellationToken) =>
        await EndpointSwitch.SetAsync(store, request.ChainId, request.Url, active: false, cancellationToken);
}

internal static class EndpointSwitch
{
    public static async Task<ChainSnapshot> SetAsync(ChainStore store, ChainId chainId, string url, bool active, CancellationToken cancellationToken)
    {
        var chain = await store.RequireAsync(chainId, cancellationToken);
        var endpoint = chain.Endpoints.FirstOrDefault(e => e.Url == url)
            ?? throw new BadInputException($"Chain '{chain.Caip2}' has no endpoint '{url}'.", "input.url");
        endpoint.Active = active;
        return await store.SaveAsync(chain, cancellationToken);
    }
}

internal sealed class AddChainContractHandler(ChainStore store) : IRequestHandler<AddChainContract, ChainSnapshot>
{
    public async Task<ChainSnapshot> Handle(AddChainContract request, CancellationToken cancellationToken)
    {
        var chain = await store.RequireAsync(request.ChainId, cancellationToken);
        if (chain.Contracts.Any(c => c.Name == request.Name))
        {
            throw new AppException(ErrorCode.Conflict, $"Chain '{chain.Caip2}' already has a contract named '{request.Name}'.");
        }

        chain.Contracts.Add(new ChainContract
        {
            Name = request.Name,
            Address = request.Address.ToChecksumString(),
            StartBlock = request.StartBlock,
            VerifiedAt = request.VerifiedAt,
        });
        return await store.SaveAsync(chain, cancellationToken);
    }
}

internal sealed class SetChainGasPolicyHandler(ChainStore store) : IRequestHandler<SetChainGasPolicy, ChainSnapshot>
{
    public async Task<ChainSnapshot> Handle(SetChainGasPolicy request, CancellationToken cancellationToken)
    {
        var chain = await store.RequireAsync(request.ChainId, cancellationToken);
        chain.GasPolicy ??= new ChainGasPolicy { ChainId = chain.Id };
        chain.GasPolicy.MaxFeeGwei = ToDecimal(request.MaxFeeGwei);
        chain.GasPolicy.PriorityFeeGwei = ToDecimal(request.PriorityFeeGwei);
        chain.GasPolicy.Multiplier = (decimal)request.Multiplier;
        chain.GasPolicy.LastObservedBaseFeeGwei = ToDecimal(request.LastObservedBaseFeeGwei);
        chain.GasPolicy.UpdatedAt = store.Now;
        return await store.SaveAsync(chain, cancellationToken);
    }

    private static decimal? ToDecimal(double? value) => value is { } v ? Math.Round((decimal)v, 9) : null;
}
