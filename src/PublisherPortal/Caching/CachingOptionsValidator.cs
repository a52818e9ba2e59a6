using Microsoft.Extensions.Options;

namespace PublisherPortal.Caching;

/// <summary>Checks what data annotations cannot: a cache age that is positive and at most a day.</summary>
public sealed class CachingOptionsValidator : IValidateOptions<CachingOptions>
{
    public ValidateOptionsResult Validate(string? name, CachingOptions options) =>
        options.MaxAge <= TimeSpan.Zero || options.MaxAge > TimeSpan.FromDays(1)
            ? ValidateOptionsResult.Fail($"{CachingOptions.SectionName}:MaxAge must be more than 00:00:00 and at most 1.00:00:00 (it is {options.MaxAge}).")
            : ValidateOptionsResult.Success;
}
