using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using NftMarketplace.BuildingBlocks.Mediation;

namespace NftMarketplace.UnitTests.Mediation;

public sealed class MediatorTests
{
    public sealed record Greet(string Name) : IQuery<string>;

    private sealed class GreetHandler(List<string> trace) : IRequestHandler<Greet, string>
    {
        public Task<string> Handle(Greet request, CancellationToken cancellationToken)
        {
            trace.Add("handler");
            return Task.FromResult($"hello {request.Name}");
        }
    }

    private sealed class Tracing<TRequest, TResponse>(List<string> trace, string name) : IPipelineBehavior<TRequest, TResponse>
        where TRequest : IRequest<TResponse>
    {
        public async Task<TResponse> Handle(TRequest request, RequestHandlerDelegate<TResponse> next, CancellationToken cancellationToken)
        {
            trace.Add($"{name} in");
            var response = await next();
            trace.Add($"{name} out");
            return response;
        }
    }

    private sealed class GreetValidator : AbstractValidator<Greet>
    {
        public GreetValidator() => RuleFor(g => g.Name).NotEmpty().WithMessage("A name is required.");
    }

    private static (ISender Sender, List<string> Trace) Build(bool withValidator = false)
    {
        var trace = new List<string>();
        var services = new ServiceCollection();
        services.AddSingleton(trace);
        services.AddScoped<ISender, Mediator>();
        services.AddScoped<IRequestHandler<Greet, string>, GreetHandler>();
        services.AddSingleton<IPipelineBehavior<Greet, string>>(new Tracing<Greet, string>(trace, "outer"));
        services.AddSingleton<IPipelineBehavior<Greet, string>>(new Tracing<Greet, string>(trace, "inner"));
        services.AddTransient(typeof(IPipelineBehavior<,>), typeof(ValidationBehavior<,>));
        services.AddTransient(typeof(IPipelineBehavior<,>), typeof(LoggingBehavior<,>));
        services.AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>));
        if (withValidator)
        {
            services.AddScoped<IValidator<Greet>, GreetValidator>();
        }

        return (services.BuildServiceProvider().CreateScope().ServiceProvider.GetRequiredService<ISender>(), trace);
    }

    [Fact]
    public async Task Behaviours_wrap_the_handler_in_registration_order()
    {
        var (sender, trace) = Build();

        var response = await sender.Send(new Greet("ada"), TestContext.Current.CancellationToken);

        Assert.Equal("hello ada", response);
        Assert.Equal(["outer in", "inner in", "handler", "inner out", "outer out"], trace);
    }

    [Fact]
    public async Task Invalid_requests_never_reach_the_handler_and_name_the_field()
    {
        var (sender, trace) = Build(withValidator: true);

        var error = await Assert.ThrowsAsync<RequestValidationException>(() => sender.Send(new Greet(""), TestContext.Current.CancellationToken));

        Assert.Equal("Name", error.Field);
        Assert.Equal("A name is required.", error.Message);
        Assert.DoesNotContain("handler", trace);
    }

    [Fact]
    public async Task A_request_without_a_handler_is_a_clear_error()
    {
        var services = new ServiceCollection().AddScoped<ISender, Mediator>().BuildServiceProvider();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => services.CreateScope().ServiceProvider.GetRequiredService<ISender>().Send(new Greet("x"), TestContext.Current.CancellationToken));

        Assert.Contains(nameof(Greet), error.Message, StringComparison.Ordinal);
    }
}
