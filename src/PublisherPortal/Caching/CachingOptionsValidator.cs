using Microsoft.Extensions.Options;

namespace PublisherPortal.Caching;

/// <summary>Checks the cache settings at start-up, naming the key: a memory budget and a maximum age that make sense.</summary>
public sealed class CachingOptionsValidator : IValidateOptions<CachingOptions>
{
    public ValidateOptionsResult Validate(string? name, CachingOptions options)
    {
        if (options.SizeLimitMiB is < 1 or > 16_384)
        {
            return ValidateOptionsResult.Fail($"{CachingOptions.SectionName}:SizeLimitMiB must be from 1 to 16384 (it is {options.SizeLimitMiB}).");
        }

        return options.MaxAge <= TimeSpan.Zero || options.MaxAge > TimeSpan.FromDays(1)
            ? ValidateOptionsResult.Fail($"{CachingOptions.SectionName}:MaxAge must be more than 00:00:00 and at most 1.00:00:00 (it is {options.MaxAge}).")
            : ValidateOptionsResult.Success;
    }
}
