using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublisherPortal.Data;

namespace PublisherPortal.Tests.DataProtection;

/// <summary>With DataProtection:CertificatePath set, keys are stored encrypted to the certificate.</summary>
public sealed class KeyEncryptionTests
{
    [Fact]
    public async Task With_a_certificate_the_stored_keys_are_encrypted_and_instances_holding_it_read_each_other()
    {
        using var certificate = TestCertificate.Rsa();
        using var a = new PortalFactory(new PortalSetup().With(certificate.Settings));
        var secret = Protector(a).Protect("reader session");
        using var b = new PortalFactory(new PortalSetup { SharedDatabasePath = a.DatabasePath }.With(certificate.Settings));

        Assert.Equal("reader session", Protector(b).Unprotect(secret));
        var key = Assert.Single(await KeysAsync(a));
        Assert.DoesNotContain("<masterKey", key, StringComparison.Ordinal);
        Assert.Contains("<encryptedSecret", key, StringComparison.Ordinal);
        Assert.Contains(Convert.ToBase64String(certificate.Certificate.RawData), key, StringComparison.Ordinal); // encrypted to this certificate
    }

    [Fact]
    public void An_instance_without_the_certificate_cannot_use_the_keys_in_the_database()
    {
        using var certificate = TestCertificate.Rsa();
        using var a = new PortalFactory(new PortalSetup().With(certificate.Settings));
        var secret = Protector(a).Protect("reader session");
        using var withoutCertificate = new PortalFactory(new PortalSetup { SharedDatabasePath = a.DatabasePath });

        Assert.ThrowsAny<CryptographicException>(() => Protector(withoutCertificate).Unprotect(secret));
    }

    [Fact]
    public void Keys_stored_before_a_certificate_was_configured_stay_readable_after()
    {
        using var before = new PortalFactory(new PortalSetup());
        var secret = Protector(before).Protect("reader session");
        using var certificate = TestCertificate.Rsa();
        using var after = new PortalFactory(new PortalSetup { SharedDatabasePath = before.DatabasePath }.With(certificate.Settings));

        Assert.Equal("reader session", Protector(after).Unprotect(secret));
    }

    private static IDataProtector Protector(PortalFactory portal) =>
        portal.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test");

    private static async Task<List<string>> KeysAsync(PortalFactory portal)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().DataProtectionKeys.Select(k => k.Xml!).ToListAsync();
    }
}
