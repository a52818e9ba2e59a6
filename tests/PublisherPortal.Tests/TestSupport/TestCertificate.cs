using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using PublisherPortal.Infrastructure.DataProtection;

namespace PublisherPortal.Tests.TestSupport;

/// <summary>A self-signed certificate in a password-protected PFX file of its own, deleted afterwards.</summary>
public sealed class TestCertificate : IDisposable
{
    private TestCertificate(X509Certificate2 certificate, bool withPrivateKey)
    {
        Certificate = certificate;
        File.WriteAllBytes(FilePath, withPrivateKey
            ? certificate.Export(X509ContentType.Pkcs12, Password)
            : X509CertificateLoader.LoadCertificate(certificate.RawData).Export(X509ContentType.Pkcs12, Password));
    }

    public X509Certificate2 Certificate { get; }

    public string FilePath { get; } = Path.Combine(Path.GetTempPath(), $"portal-dp-{Guid.NewGuid():N}.pfx");

    public string Password { get; } = Guid.NewGuid().ToString("N");

    /// <summary>The settings that point the site at this certificate.</summary>
    public Dictionary<string, string?> Settings => new()
    {
        [KeyEncryptionCertificate.PathKey] = FilePath,
        [KeyEncryptionCertificate.PasswordKey] = Password,
    };

    public static TestCertificate Rsa(bool withPrivateKey = true)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=PublisherPortal test key encryption", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return new TestCertificate(request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1)), withPrivateKey);
    }

    public static TestCertificate Ecdsa()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=PublisherPortal test EC", key, HashAlgorithmName.SHA256);
        return new TestCertificate(request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1)), withPrivateKey: true);
    }

    public void Dispose()
    {
        Certificate.Dispose();
        File.Delete(FilePath);
    }
}
