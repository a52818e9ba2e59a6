using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace PublisherPortal.Infrastructure.Signals;

/// <summary>A Redis configuration string that does not parse stops start-up naming the setting (never echoing it: it may hold a password).</summary>
public sealed class RedisOptionsValidator : IValidateOptions<RedisOptions>
{
    public ValidateOptionsResult Validate(string? name, RedisOptions options)
    {
        if (!options.IsConfigured)
        {
            return ValidateOptionsResult.Success;
        }

        try
        {
            if (ConfigurationOptions.Parse(options.Configuration!).EndPoints.Count == 0)
            {
                return ValidateOptionsResult.Fail($"{RedisOptions.SectionName}:Configuration names no server (e.g. redis.internal:6379).");
            }
        }
        catch (Exception e) when (e is ArgumentException or RedisConnectionException or FormatException)
        {
            return ValidateOptionsResult.Fail($"{RedisOptions.SectionName}:Configuration is not a Redis configuration string: {e.GetType().Name}.");
        }

        return string.IsNullOrWhiteSpace(options.ChannelPrefix) || options.ChannelPrefix.Length > 100
            ? ValidateOptionsResult.Fail($"{RedisOptions.SectionName}:ChannelPrefix must be 1 to 100 characters.")
            : ValidateOptionsResult.Success;
    }
}
