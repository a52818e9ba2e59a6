using System.Net;
using System.Security.Cryptography.X509Certificates;
using PublisherPortal.Infrastructure.DataProtection;

namespace PublisherPortal.Tests.DataProtection;

/// <summary>Every problem with the key encryption certificate stops start-up naming the setting to fix.</summary>
public sealed class KeyEncryptionSettingsTests
{
    [Fact]
    public void Production_without_a_certificate_stops_start_up_naming_the_setting()
    {
        using var portal = new PortalFactory(new PortalSetup { Environment = "Production" });

        var error = Assert.ThrowsAny<Exception>(() => portal.CreateClient());

        Assert.Contains(KeyEncryptionCertificate.PathKey, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_with_a_certificate_starts()
    {
        using var certificate = TestCertificate.Rsa();
        using var portal = new PortalFactory(new PortalSetup { Environment = "Production" }.With(certificate.Settings));

        Assert.Equal(HttpStatusCode.OK, (await portal.CreateReader().GetAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public void Development_and_tests_start_without_a_certificate()
    {
        using var portal = new PortalFactory(new PortalSetup());
        Assert.NotNull(portal.CreateClient());
    }

    [Fact]
    public void A_wrong_certificate_password_stops_start_up_naming_the_setting()
    {
        using var certificate = TestCertificate.Rsa();
        var settings = certificate.Settings;
        settings[KeyEncryptionCertificate.PasswordKey] = "not the password";

        var error = StartUpError(settings);

        Assert.Contains(KeyEncryptionCertificate.PasswordKey, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_certificate_file_stops_start_up_naming_the_setting()
    {
        var error = StartUpError(new() { [KeyEncryptionCertificate.PathKey] = "/nonexistent/portal-keys.pfx" });

        Assert.Contains(KeyEncryptionCertificate.PathKey, error.Message, StringComparison.Ordinal);
        Assert.Contains("/nonexistent/portal-keys.pfx", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_certificate_without_its_private_key_stops_start_up()
    {
        using var certificate = TestCertificate.Rsa(withPrivateKey: false);

        var error = StartUpError(certificate.Settings);

        Assert.Contains(KeyEncryptionCertificate.PathKey, error.Message, StringComparison.Ordinal);
        Assert.Contains("no private key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_certificate_without_an_rsa_key_stops_start_up()
    {
        using var certificate = TestCertificate.Ecdsa();

        var error = StartUpError(certificate.Settings);

        Assert.Contains(KeyEncryptionCertificate.PathKey, error.Message, StringComparison.Ordinal);
        Assert.Contains("RSA", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_thumbprint_stops_start_up_naming_the_setting()
    {
        var error = StartUpError(new() { [KeyEncryptionCertificate.ThumbprintKey] = "00112233445566778899AABBCCDDEEFF00112233" });

        Assert.Contains(KeyEncryptionCertificate.ThumbprintKey, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_path_and_a_thumbprint_together_stop_start_up_naming_both()
    {
        using var certificate = TestCertificate.Rsa();
        var settings = certificate.Settings;
        settings[KeyEncryptionCertificate.ThumbprintKey] = certificate.Certificate.Thumbprint;

        var error = StartUpError(settings);

        Assert.Contains(KeyEncryptionCertificate.PathKey, error.Message, StringComparison.Ordinal);
        Assert.Contains(KeyEncryptionCertificate.ThumbprintKey, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_thumbprint_finds_the_certificate_in_the_users_store()
    {
        using var certificate = TestCertificate.Rsa();
        using var withKey = X509CertificateLoader.LoadPkcs12FromFile(certificate.FilePath, certificate.Password, X509KeyStorageFlags.Exportable);
        using var store = new X509Store(StoreName.My, StoreLocation.CurrentUser);
        store.Open(OpenFlags.ReadWrite);
        store.Add(withKey);
        try
        {
            using var portal = new PortalFactory(new PortalSetup { Environment = "Production" }.With(new Dictionary<string, string?>
            {
                [KeyEncryptionCertificate.ThumbprintKey] = certificate.Certificate.Thumbprint,
            }));

            Assert.Equal(HttpStatusCode.OK, (await portal.CreateReader().GetAsync("/health/ready")).StatusCode);
        }
        finally
        {
            store.Remove(withKey);
        }
    }

    private static Exception StartUpError(Dictionary<string, string?> settings)
    {
        using var portal = new PortalFactory(new PortalSetup().With(settings));
        return Assert.ThrowsAny<Exception>(() => portal.CreateClient());
    }
}
