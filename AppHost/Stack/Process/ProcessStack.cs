using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.Versioning;
using System.Text;
using Microsoft.Extensions.Logging;

namespace NftMarketplace.AppHost.Stack.Process;

/// <summary>
/// The infrastructure as local processes (no container runtime), all bound to 127.0.0.1, with their data under
/// one data dir; also what every process-mode resource needs (data dirs, ports, credentials, a few OS helpers).
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class ProcessStack
{
    public const string Loopback = "127.0.0.1";

    private ProcessStack(IDistributedApplicationBuilder builder, StackOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Builder = builder;
        Options = options;
        Directory.CreateDirectory(options.DataDir);
        Credentials = ProcessCredentials.LoadOrCreate(options.DataDir);
    }

    public IDistributedApplicationBuilder Builder { get; }

    public StackOptions Options { get; }

    public StackPorts Ports => Options.Ports;

    public ProcessCredentials Credentials { get; }

    public static StackInfrastructure Add(IDistributedApplicationBuilder builder, StackOptions options)
    {
        var stack = new ProcessStack(builder, options);

        var postgres = PostgresProcess.Add(stack, StackInfrastructure.PostgresName);
        // The Host creates the database itself (EF migrations) when it is missing, so this is only a connection string.
        var database = builder.AddConnectionString(
            StackInfrastructure.DatabaseName, ReferenceExpression.Create($"{postgres};Database={StackInfrastructure.DatabaseName}"));
        var redis = RedisProcess.Add(stack, StackInfrastructure.RedisName);
        var rabbitMq = RabbitMqProcess.Add(stack, StackInfrastructure.RabbitMqName);
        var chain = AnvilProcess.Add(stack, StackInfrastructure.ChainName);
        var storage = ObjectStorageProcess.Add(stack, StackInfrastructure.StorageName);

        return new StackInfrastructure(database, redis, rabbitMq, chain, storage, [postgres, database, redis, rabbitMq, chain, storage]);
    }

    /// <summary><c>&lt;data&gt;/&lt;name&gt;</c>, created on demand.</summary>
    public string DataDirFor(string name)
    {
        var dir = Path.Combine(Options.DataDir, name);
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>A file the stack cannot run without; the message names the package that provides it.</summary>
    public static string RequireFile(string path, string package)
    {
        if (!File.Exists(path))
        {
            throw new DistributedApplicationException($"'{path}' is missing: install {package} (./nft run installs it).");
        }

        return path;
    }

    /// <summary>Writes a file readable by the owner only (it holds a password); replaces it if present.</summary>
    public static void WritePrivateFile(string path, string content)
    {
        File.Delete(path);
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        };
        using var stream = new FileStream(path, options);
        stream.Write(Encoding.UTF8.GetBytes(content));
    }

    /// <summary>Runs a short preparation command (initdb, chown); its output goes to the resource's log.</summary>
    public static async Task RunAsync(string fileName, IEnumerable<string> args, ILogger logger, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo(fileName, args)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var commandLine = $"{fileName} {string.Join(' ', startInfo.ArgumentList)}";
        logger.LogInformation("Running {CommandLine}", commandLine);

        System.Diagnostics.Process process;
        try
        {
            process = System.Diagnostics.Process.Start(startInfo) ?? throw new DistributedApplicationException($"{fileName} did not start");
        }
        catch (Win32Exception ex)
        {
            throw new DistributedApplicationException($"Cannot run {fileName}: {ex.Message}", ex);
        }

        using (process)
        {
            var output = new StringBuilder();
            var stdout = PumpAsync(process.StandardOutput, output, logger);
            var stderr = PumpAsync(process.StandardError, output, logger);
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            await Task.WhenAll(stdout, stderr).ConfigureAwait(false);
            if (process.ExitCode != 0)
            {
                throw new DistributedApplicationException($"'{commandLine}' failed with exit code {process.ExitCode}: {output}");
            }
        }
    }

    private static async Task PumpAsync(StreamReader reader, StringBuilder output, ILogger logger)
    {
        while (await reader.ReadLineAsync().ConfigureAwait(false) is { } line)
        {
            lock (output)
            {
                output.AppendLine(line);
            }

            logger.LogInformation("{Line}", line);
        }
    }
}
