using System.Security.Cryptography;

namespace NftMarketplace.Modules.Auth.Configuration;

/// <summary>
/// <c>Auth:Signing</c>: the EC P-256 key access tokens are signed with (ES256). Give <see cref="PrivateKey"/> (from a
/// secret store) or <see cref="KeyFile"/>; in Development a missing key file is generated once, so a fresh checkout
/// signs in without any set-up and keeps its sessions across restarts.
/// </summary>
public sealed class SigningKeyOptions
{
    public const string Section = "Auth:Signing";

    /// <summary>PEM <c>PRIVATE KEY</c> / <c>EC PRIVATE KEY</c> of a P-256 key.</summary>
    public string? PrivateKey { get; set; }

    /// <summary>A file holding that PEM; in Development generated when missing (mode 0600).</summary>
    public string? KeyFile { get; set; }

    /// <summary>Generate <see cref="KeyFile"/> when it is missing; when unset, only in Development.</summary>
    public bool? GenerateKeyFile { get; set; }

    internal IEnumerable<string> Validate()
    {
        if (!string.IsNullOrWhiteSpace(PrivateKey) && !string.IsNullOrWhiteSpace(KeyFile))
        {
            yield return "give PrivateKey or KeyFile, not both.";
        }

        if (!string.IsNullOrWhiteSpace(PrivateKey) && SigningKeyLoader.Problem(PrivateKey) is { } problem)
        {
            yield return "PrivateKey " + problem;
        }
    }
}

/// <summary>Reads, or in Development creates, the signing key named by <see cref="SigningKeyOptions"/>.</summary>
internal static class SigningKeyLoader
{
    private const string P256Oid = "1.2.840.10045.3.1.7";

    /// <summary>Where Development keeps its key when no <see cref="SigningKeyOptions.KeyFile"/> is given.</summary>
    public static string DefaultDevelopmentKeyFile => Path.Combine(
        Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create),
        "NftMarketplace", "auth-signing-key.pem");

    /// <returns>The key, or null when none is configured (sign-in is then refused).</returns>
    /// <exception cref="InvalidOperationException">A configured key cannot be read.</exception>
    public static ECDsa? Load(SigningKeyOptions options, bool isDevelopment)
    {
        if (!string.IsNullOrWhiteSpace(options.PrivateKey))
        {
            return Import(options.PrivateKey);
        }

        var generate = options.GenerateKeyFile ?? isDevelopment;
        var file = options.KeyFile is { Length: > 0 } configured ? configured : isDevelopment ? DefaultDevelopmentKeyFile : null;
        if (file is null)
        {
            return null;
        }

        if (!File.Exists(file))
        {
            if (!generate)
            {
                throw new InvalidOperationException($"{SigningKeyOptions.Section}:KeyFile '{file}' does not exist.");
            }

            Create(file);
        }

        var pem = File.ReadAllText(file);
        return Problem(pem) is { } problem
            ? throw new InvalidOperationException($"{SigningKeyOptions.Section}:KeyFile '{file}' {problem}")
            : Import(pem);
    }

    /// <summary>Why <paramref name="pem"/> is not a P-256 private key, or null.</summary>
    public static string? Problem(string pem)
    {
        try
        {
            using var key = ECDsa.Create();
            key.ImportFromPem(pem);
            var parameters = key.ExportParameters(includePrivateParameters: true);
            return parameters.Curve.Oid.Value == P256Oid ? null : "is not an EC P-256 key (ES256).";
        }
        catch (Exception ex) when (ex is CryptographicException or ArgumentException)
        {
            return "is not a PEM EC P-256 private key.";
        }
    }

    private static ECDsa Import(string pem)
    {
        var key = ECDsa.Create();
        key.ImportFromPem(pem);
        return key;
    }

    private static void Create(string file)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var temporary = file + "." + Guid.NewGuid().ToString("N") + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(temporary, options))
        {
            writer.Write(key.ExportPkcs8PrivateKeyPem());
        }

        try
        {
            // Two replicas starting together: the first key written wins and both use it.
            File.Move(temporary, file, overwrite: false);
        }
        catch (IOException) when (File.Exists(file))
        {
            File.Delete(temporary);
        }
    }
}
