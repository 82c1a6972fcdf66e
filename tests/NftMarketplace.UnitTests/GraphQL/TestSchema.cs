using FluentValidation;
using GraphQL;
using GraphQL.Types;
using NftMarketplace.BuildingBlocks.Errors;
using NftMarketplace.BuildingBlocks.Mediation;
using NftMarketplace.GraphQL.Composition;
using NftMarketplace.GraphQL.Scalars;

namespace NftMarketplace.UnitTests.GraphQL;

/// <summary>A module's worth of fields: one echo per scalar, failures of each kind, a slow field and a mutation.</summary>
public sealed class TestFields : IGraphQLContributor
{
    public void Contribute(GraphQLRoots roots)
    {
        Echo<AddressGraphType>(roots, "echoAddress");
        Echo<ChainIdGraphType>(roots, "echoChainId");
        Echo<HexGraphType>(roots, "echoHex");
        Echo<UtcDateTimeGraphType>(roots, "echoDateTime");
        Echo<BigIntegerGraphType>(roots, "echoBigInt");

        roots.Query.Field<StringGraphType>("fail")
            .Argument<NonNullGraphType<StringGraphType>>("kind")
            .Resolve(context => context.GetArgument<string>("kind") switch
            {
                "notFound" => throw new AppException(ErrorCode.NotFound, "No such collection.", "input.id"),
                "deliberate" => throw new ExecutionError("Already taken.") { Code = "CONFLICT" },
                "foreign" => throw new ExecutionError("Engine says no.") { Code = "SOMETHING_ELSE" },
                _ => throw new InvalidOperationException("Connection string Host=db;Password=secret is wrong."),
            });

        roots.Query.Field<StringGraphType>("slow")
            .ResolveAsync(async context =>
            {
                await Task.Delay(TimeSpan.FromSeconds(30), context.CancellationToken);
                return "done";
            });

        roots.Query.Field<NonNullGraphType<GreetingType>>("greeting")
            .Argument<NonNullGraphType<StringGraphType>>("name")
            .ResolveSend(context => new Greet(context.GetArgument<string>("name"), 1));

        roots.Mutation.Field<NonNullGraphType<GreetingType>>("greet")
            .Argument<NonNullGraphType<GreetInputType>>(GraphQLConventions.InputArgument)
            .ResolveSend(context => context.GetInput<Greet>());
    }

    private static void Echo<TScalar>(GraphQLRoots roots, string name)
        where TScalar : ScalarGraphType =>
        roots.Query.Field<TScalar>(name)
            .Argument<TScalar>("value")
            .Resolve(context => context.GetArgument<object>("value"));
}

public sealed record Greet(string Name, int Times) : IQuery<Greeting>;

public sealed record Greeting(string Text);

public sealed class GreetInputType : InputObjectGraphType<Greet>
{
    public GreetInputType()
    {
        Field(x => x.Name);
        Field(x => x.Times);
    }
}

public sealed class GreetingType : ObjectGraphType<Greeting>
{
    public GreetingType() => Field(x => x.Text);
}

public sealed class GreetHandler : IRequestHandler<Greet, Greeting>
{
    public Task<Greeting> Handle(Greet request, CancellationToken cancellationToken) =>
        Task.FromResult(new Greeting(string.Concat(Enumerable.Repeat($"hello {request.Name} ", request.Times)).TrimEnd()));
}

public sealed class GreetValidator : AbstractValidator<Greet>
{
    public GreetValidator()
    {
        RuleFor(g => g.Name).NotEmpty().WithMessage("A name is required.");
        RuleFor(g => g.Times).InclusiveBetween(1, 3).WithMessage("Greet one to three times.");
    }
}
