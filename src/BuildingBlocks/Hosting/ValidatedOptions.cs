using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace NftMarketplace.BuildingBlocks.Hosting;

public static class ValidatedOptions
{
    /// <summary>
    /// Binds a section and checks it while the host is being built, so a bad value stops start-up with a message
    /// naming its key (exit code 78, like every other setting of the Host). Returns the bound values, which the
    /// GraphQL engine needs while it is being configured.
    /// </summary>
    public static TOptions AddValidatedOptions<TOptions>(this IHostApplicationBuilder builder, string section, Func<TOptions, IEnumerable<string>> validate)
        where TOptions : class, new()
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(validate);
        TOptions bound;
        try
        {
            bound = builder.Configuration.GetSection(section).Get<TOptions>() ?? new TOptions();
        }
        catch (InvalidOperationException ex)
        {
            // The binder's message names the key and the type it expected.
            throw new InvalidConfigurationException(section, $"cannot be read: {ex.Message}");
        }

        var problems = validate(bound).ToList();
        if (problems.Count > 0)
        {
            throw new InvalidConfigurationException(section, "is invalid: " + string.Join(" ", problems));
        }

        builder.Services.AddOptions<TOptions>().Bind(builder.Configuration.GetSection(section));
        return bound;
    }
}
