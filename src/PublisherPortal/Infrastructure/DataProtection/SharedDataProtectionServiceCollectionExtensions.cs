using Microsoft.AspNetCore.DataProtection;
using PublisherPortal.Data;

namespace PublisherPortal.Infrastructure.DataProtection;

public static class SharedDataProtectionServiceCollectionExtensions
{
    /// <summary>
    /// One name for every instance: Data Protection isolates applications by name, and without one it uses the
    /// content root path, which differs between hosts and would keep instances from reading each other's cookies.
    /// </summary>
    public const string ApplicationName = "PublisherPortal";

    /// <summary>
    /// One key ring for all instances, in the site's database (the DataProtectionKeys table, read and written by
    /// ASP.NET Core's EF Core key store), so every instance reads the cookies, session tickets and sign-in state any
    /// other wrote. In Production the keys are encrypted at rest with the configured certificate (docs/database.md).
    /// </summary>
    public static IServiceCollection AddSharedDataProtection(
        this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var dataProtection = services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<PortalDbContext>();
        if (KeyEncryptionCertificate.Load(configuration, environment) is { } certificate)
        {
            dataProtection.ProtectKeysWithCertificate(certificate);
        }

        return services;
    }
}
