using System.Globalization;
using System.Runtime.Versioning;
using Microsoft.Extensions.DependencyInjection;
using NftMarketplace.AppHost.Stack.Health;

namespace NftMarketplace.AppHost.Stack.Process;

/// <summary>
/// An S3-compatible server (npm <c>s3rver</c>) on 127.0.0.1 storing objects in <c>&lt;data&gt;/s3</c>, with the
/// <c>media</c> bucket created at start. The application talks to it with the same S3 client as to MinIO.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class ObjectStorageProcess(string name, string command, string workingDirectory, ReferenceExpression connectionString)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    /// <summary><c>Endpoint=...;AccessKey=...;SecretKey=...;Bucket=media</c>.</summary>
    public ReferenceExpression ConnectionStringExpression { get; } = connectionString;

    public static IResourceBuilder<ObjectStorageProcess> Add(ProcessStack stack, string name)
    {
        ArgumentNullException.ThrowIfNull(stack);

        // The .bin entry is a "#!/usr/bin/env node" script: env execs node, so this is a single process.
        var s3rver = ProcessStack.RequireFile(
            Path.Combine(stack.Options.RepoRoot, "node_modules", ".bin", "s3rver"), "the npm package s3rver (npm ci at the repository root)");
        var dir = stack.DataDirFor("s3");
        var port = stack.Ports.Storage.ToString(CultureInfo.InvariantCulture);
        var endpoint = new Uri($"http://{ProcessStack.Loopback}:{port}");
        var settings = new S3BucketHealthCheck.Settings(endpoint, ProcessCredentials.StorageAccessKey, ProcessCredentials.StorageSecretKey, StackInfrastructure.StorageBucket);

        var healthCheckKey = $"{name}_check";
        stack.Builder.Services.AddHealthChecks().Add(new(
            healthCheckKey, _ => new S3BucketHealthCheck(_ => Task.FromResult(settings), createIfMissing: false), failureStatus: null, tags: null));

        var resource = new ObjectStorageProcess(name, s3rver, dir, ReferenceExpression.Create(
            $"Endpoint=http://{ProcessStack.Loopback}:{port};AccessKey={ProcessCredentials.StorageAccessKey};SecretKey={ProcessCredentials.StorageSecretKey};Bucket={StackInfrastructure.StorageBucket}"));
        return stack.Builder.AddResource(resource)
            .WithArgs("-d", dir, "-a", ProcessStack.Loopback, "-p", port, "--configure-bucket", StackInfrastructure.StorageBucket)
            .WithHttpEndpoint(port: stack.Ports.Storage, targetPort: stack.Ports.Storage, name: "http", isProxied: false)
            .WithHealthCheck(healthCheckKey);
    }
}
