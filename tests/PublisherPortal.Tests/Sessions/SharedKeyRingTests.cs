using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublisherPortal.Data;

namespace PublisherPortal.Tests.Sessions;

public sealed class SharedKeyRingTests
{
    [Fact]
    public async Task Instances_sharing_a_database_share_one_key_ring_kept_in_it()
    {
        using var minter = new LogoutTokenMinter();
        using var a = new SessionPortal(minter);
        var secret = a.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("reader session");
        using var b = new SessionPortal(minter, a.DatabasePath);

        Assert.Equal("reader session", b.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(secret));
        await using var scope = a.Services.CreateAsyncScope();
        var keys = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().DataProtectionKeys.ToListAsync();
        Assert.Single(keys);
        Assert.Contains("<key ", keys[0].Xml);
    }
}
