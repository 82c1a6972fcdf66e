using System.ComponentModel;
using System.Diagnostics;

namespace NftMarketplace.AppHost.Stack;

/// <summary>
/// Picks container or process mode. It must run before any container resource is added: a container resource
/// without a healthy runtime does not fail, it waits forever.
/// </summary>
public static class StackModeResolver
{
    /// <summary>The mode to run in and why, for the log and <c>resources.json</c>.</summary>
    public static (StackMode Mode, string Reason) Resolve(IDistributedApplicationBuilder builder, StackOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);

        if (builder.ExecutionContext.IsPublishMode)
        {
            return (StackMode.Container, "publishing describes the deployment, which runs containers");
        }

        if (options.Mode != StackMode.Auto)
        {
            return (options.Mode, $"{StackOptions.SectionName}:Mode is {options.Mode}");
        }

        var timeout = TimeSpan.FromSeconds(options.ContainerProbeTimeoutSeconds);
        var runtime = FindHealthyRuntime(timeout, builder.Configuration["ASPIRE_CONTAINER_RUNTIME"]);
        return runtime is null
            ? (StackMode.Process, $"no container runtime answered 'docker info' / 'podman info' within {timeout.TotalSeconds:0} s")
            : (StackMode.Container, $"'{runtime} info' answered");
    }

    private static string? FindHealthyRuntime(TimeSpan timeout, string? preferred)
    {
        // Aspire picks the runtime from ASPIRE_CONTAINER_RUNTIME (docker by default); probe that one first.
        string[] candidates = string.Equals(preferred, "podman", StringComparison.OrdinalIgnoreCase)
            ? ["podman", "docker"]
            : ["docker", "podman"];
        return candidates.FirstOrDefault(runtime => Answers(runtime, timeout));
    }

    private static bool Answers(string runtime, TimeSpan timeout)
    {
        var startInfo = new ProcessStartInfo(runtime, ["info", "--format", "{{.ServerVersion}}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        System.Diagnostics.Process? process;
        try
        {
            process = System.Diagnostics.Process.Start(startInfo);
        }
        catch (Win32Exception)
        {
            return false; // CLI not installed
        }

        if (process is null)
        {
            return false;
        }

        using (process)
        {
            // Drain the pipes so a chatty CLI cannot block on a full buffer.
            _ = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                return false;
            }

            return process.ExitCode == 0;
        }
    }
}
