using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;

namespace PublisherPortal.Infrastructure.DataProtection;

public static class DataProtectionServiceCollectionExtensions
{
    /// <summary>
    /// One key ring for all instances, in the database. Keys are stored as the key manager writes them (unencrypted
    /// XML, as on the file system by default): protect the database as you protect the keys.
    /// </summary>
    public static IServiceCollection AddSharedDataProtection(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("PublisherPortal");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = new DatabaseXmlRepository(sp.GetRequiredService<IServiceScopeFactory>())));
        return services;
    }
}
