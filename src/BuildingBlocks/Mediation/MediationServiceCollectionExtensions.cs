using Microsoft.Extensions.DependencyInjection;

namespace NftMarketplace.BuildingBlocks.Mediation;

public static class MediationServiceCollectionExtensions
{
    /// <summary>The mediator with its cross-cutting behaviours: logging outermost, then validation.</summary>
    public static IServiceCollection AddMediator(this IServiceCollection services)
    {
        // Scoped: handlers and the module DbContexts they use must come from the caller's scope.
        services.AddScoped<ISender, Mediator>();
        services.AddTransient(typeof(IPipelineBehavior<,>), typeof(LoggingBehavior<,>));
        services.AddTransient(typeof(IPipelineBehavior<,>), typeof(ValidationBehavior<,>));
        return services;
    }
}
