using Microsoft.Extensions.Options;

namespace PublisherPortal.Infrastructure.Signals;

public static class SignalsServiceCollectionExtensions
{
    /// <summary>
    /// Signals between instances (docs/operations.md, "Signals between instances"): through Redis pub/sub when
    /// <c>Redis:Configuration</c> is set; else through PostgreSQL LISTEN/NOTIFY when the site runs on PostgreSQL
    /// (<paramref name="postgresConnectionString"/>); else this instance only (SQLite is one file, usually one instance;
    /// SQL Server has no notifications we use), where an ended session stops working elsewhere within
    /// <c>Sessions:CacheLifetime</c>.
    /// </summary>
    public static IServiceCollection AddInstanceSignals(this IServiceCollection services, IConfiguration configuration, string? postgresConnectionString)
    {
        services.AddOptions<RedisOptions>().Bind(configuration.GetSection(RedisOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RedisOptions>, RedisOptionsValidator>();
        services.AddSingleton<InProcessSignals>();

        var redis = configuration.GetSection(RedisOptions.SectionName).Get<RedisOptions>() ?? new RedisOptions();
        if (redis.IsConfigured)
        {
            services.AddSingleton<RedisConnection>();
            services.AddSingleton<ISignalTransport, RedisSignalTransport>();
        }
        else if (postgresConnectionString is not null)
        {
            services.AddSingleton<ISignalTransport>(sp =>
                new PostgresSignalTransport(postgresConnectionString, sp.GetRequiredService<ILogger<PostgresSignalTransport>>()));
        }
        else
        {
            services.AddSingleton<IInstanceSignals>(sp => sp.GetRequiredService<InProcessSignals>());
            return services;
        }

        services.AddSingleton<CrossInstanceSignals>();
        services.AddSingleton<IInstanceSignals>(sp => sp.GetRequiredService<CrossInstanceSignals>());
        services.AddHostedService(sp => sp.GetRequiredService<CrossInstanceSignals>());
        return services;
    }
}
