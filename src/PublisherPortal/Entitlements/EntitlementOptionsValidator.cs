using Microsoft.Extensions.Options;

namespace PublisherPortal.Entitlements;

public sealed class EntitlementOptionsValidator : IValidateOptions<EntitlementOptions>
{
    public ValidateOptionsResult Validate(string? name, EntitlementOptions options)
    {
        var errors = new List<string>();
        var s = EntitlementOptions.SectionName;
        if (options.MemberApiTimeout <= TimeSpan.Zero || options.MemberApiTimeout > TimeSpan.FromSeconds(30))
        {
            errors.Add($"{s}:MemberApiTimeout must be between 00:00:00.001 and 00:00:30 (a page waits this long at most); it is {options.MemberApiTimeout}.");
        }

        if (options.LastKnownGrace < TimeSpan.Zero)
        {
            errors.Add($"{s}:LastKnownGrace must not be negative; it is {options.LastKnownGrace}.");
        }

        if (options.MappingCacheDuration < TimeSpan.Zero || options.MappingCacheDuration > TimeSpan.FromMinutes(10))
        {
            errors.Add($"{s}:MappingCacheDuration must be between 0 and 00:10:00 so mapping changes reach every instance soon; it is {options.MappingCacheDuration}.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
