using System.Security.Cryptography;
using NftMarketplace.Modules.Auth.Configuration;

namespace NftMarketplace.UnitTests.Auth;

public sealed class SigningKeyLoaderTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("nft-signing-").FullName;

    private string KeyFile => Path.Combine(_directory, "keys", "auth-signing-key.pem");

    [Fact]
    public void Development_generates_the_key_file_once_readable_only_by_its_owner_and_reuses_it()
    {
        using var first = SigningKeyLoader.Load(new SigningKeyOptions { KeyFile = KeyFile }, isDevelopment: true);
        using var second = SigningKeyLoader.Load(new SigningKeyOptions { KeyFile = KeyFile }, isDevelopment: true);

        Assert.NotNull(first);
        Assert.Equal(first.ExportSubjectPublicKeyInfo(), second!.ExportSubjectPublicKeyInfo());
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(KeyFile));
        }

        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(KeyFile)!));
    }

    [Fact]
    public void Outside_development_a_missing_key_file_is_a_configuration_error_and_no_key_means_none()
    {
        var missing = Assert.Throws<InvalidOperationException>(() => SigningKeyLoader.Load(new SigningKeyOptions { KeyFile = KeyFile }, isDevelopment: false));

        Assert.Contains("does not exist", missing.Message, StringComparison.Ordinal);
        Assert.Null(SigningKeyLoader.Load(new SigningKeyOptions(), isDevelopment: false));
        Assert.False(File.Exists(KeyFile));
    }

    [Fact]
    public void A_configured_private_key_is_used_as_given()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        using var loaded = SigningKeyLoader.Load(new SigningKeyOptions { PrivateKey = key.ExportPkcs8PrivateKeyPem() }, isDevelopment: false);

        Assert.Equal(key.ExportSubjectPublicKeyInfo(), loaded!.ExportSubjectPublicKeyInfo());
    }

    [Fact]
    public void Keys_that_cannot_sign_es256_are_refused_by_the_options_check()
    {
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        using var p256 = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        Assert.Contains(new SigningKeyOptions { PrivateKey = p384.ExportPkcs8PrivateKeyPem() }.Validate(), p => p.Contains("P-256", StringComparison.Ordinal));
        Assert.NotEmpty(new SigningKeyOptions { PrivateKey = p256.ExportSubjectPublicKeyInfoPem() }.Validate());
        Assert.NotEmpty(new SigningKeyOptions { PrivateKey = "not a key" }.Validate());
        Assert.NotEmpty(new SigningKeyOptions { PrivateKey = p256.ExportPkcs8PrivateKeyPem(), KeyFile = KeyFile }.Validate());
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
