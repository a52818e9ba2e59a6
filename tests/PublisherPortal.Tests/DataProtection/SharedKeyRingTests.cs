using System.Security.Cryptography;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublisherPortal.Data;
using PublisherPortal.Infrastructure.DataProtection;

namespace PublisherPortal.Tests.DataProtection;

/// <summary>The Data Protection key ring lives in the site's database, so instances sharing it read each other's secrets.</summary>
public sealed class SharedKeyRingTests
{
    [Fact]
    public async Task Two_instances_on_one_database_read_each_others_auth_cookies()
    {
        var minter = new LogoutTokenMinter();
        using var a = new PortalFactory(PortalSetup.Pliro(minter));
        _ = a.Services; // A migrates and seeds the shared database first
        using var b = new PortalFactory(PortalSetup.Pliro(minter) with { SharedDatabasePath = a.DatabasePath });
        var reader = new ReaderClient();

        await reader.SignInAsync(a, "cus_1", "sid-1");

        Assert.True(await reader.IsSignedInAsync(b));
    }

    [Fact]
    public async Task Two_instances_on_one_database_read_each_others_protected_payloads_with_one_key_kept_in_it()
    {
        using var a = new PortalFactory(new PortalSetup());
        var secret = Protector(a).Protect("reader session");
        using var b = new PortalFactory(new PortalSetup { SharedDatabasePath = a.DatabasePath });

        Assert.Equal("reader session", Protector(b).Unprotect(secret));
        Assert.Equal("written by b", Protector(a).Unprotect(Protector(b).Protect("written by b")));
        var keys = await KeysAsync(a);
        Assert.Single(keys);
        Assert.Contains("<key ", keys[0], StringComparison.Ordinal);
    }

    [Fact]
    public void An_instance_on_another_database_cannot_read_them()
    {
        using var a = new PortalFactory(new PortalSetup());
        using var elsewhere = new PortalFactory(new PortalSetup());
        var secret = Protector(a).Protect("reader session");

        // Proves the keys are in the database, not in a folder every process on this machine shares.
        Assert.ThrowsAny<CryptographicException>(() => Protector(elsewhere).Unprotect(secret));
    }

    [Fact]
    public async Task Keys_the_sites_earlier_key_store_wrote_stay_readable()
    {
        // A key made and stored the way the site's own key store did before ASP.NET Core's EF Core store replaced it:
        // the key manager's XML, unformatted, in DataProtectionKeys (FriendlyName, Xml).
        var earlier = new KeptElements();
        var services = new ServiceCollection();
        services.AddDataProtection().SetApplicationName(SharedDataProtectionServiceCollectionExtensions.ApplicationName);
        services.Configure<KeyManagementOptions>(o => o.XmlRepository = earlier);
        await using var earlierSite = services.BuildServiceProvider();
        var secret = earlierSite.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("written before the switch");

        await using var database = new SqliteFile();
        await using (var db = database.CreateContext())
        {
            await db.Database.MigrateAsync();
            var (element, friendlyName) = Assert.Single(earlier.Elements);
            await db.Database.ExecuteSqlAsync(
                $"INSERT INTO DataProtectionKeys (FriendlyName, Xml) VALUES ({friendlyName}, {element.ToString(SaveOptions.DisableFormatting)})");
        }

        using var site = new PortalFactory(new PortalSetup { SharedDatabasePath = database.Path });

        Assert.Equal("written before the switch", Protector(site).Unprotect(secret));
    }

    private static IDataProtector Protector(PortalFactory portal) =>
        portal.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test");

    private static async Task<List<string>> KeysAsync(PortalFactory portal)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().DataProtectionKeys.Select(k => k.Xml!).ToListAsync();
    }

    private sealed class KeptElements : IXmlRepository
    {
        public List<(XElement Element, string FriendlyName)> Elements { get; } = [];

        public IReadOnlyCollection<XElement> GetAllElements() => Elements.Select(e => e.Element).ToList();

        public void StoreElement(XElement element, string friendlyName) => Elements.Add((element, friendlyName));
    }
}
