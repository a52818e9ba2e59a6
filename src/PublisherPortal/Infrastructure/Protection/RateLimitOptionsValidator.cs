using Microsoft.Extensions.Options;

namespace PublisherPortal.Infrastructure.Protection;

/// <summary>Each limit's numbers, checked at start-up, naming the key that is wrong.</summary>
public sealed class RateLimitOptionsValidator : IValidateOptions<RateLimitOptions>
{
    public ValidateOptionsResult Validate(string? name, RateLimitOptions options)
    {
        var errors = new List<string>();
        Check(nameof(options.SignIn), options.SignIn);
        Check(nameof(options.BackchannelLogout), options.BackchannelLogout);
        Check(nameof(options.Search), options.Search);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);

        void Check(string key, RateLimit? limit)
        {
            var path = $"{RateLimitOptions.SectionName}:{key}";
            if (limit is null)
            {
                errors.Add($"{path} is missing.");
                return;
            }

            if (limit.PermitLimit is < 0 or > 1_000_000)
            {
                errors.Add($"{path}:PermitLimit must be from 0 (off) to 1000000 (it is {limit.PermitLimit}).");
            }

            if (limit.Window < TimeSpan.FromSeconds(1) || limit.Window > TimeSpan.FromDays(1))
            {
                errors.Add($"{path}:Window must be from 00:00:01 to 1.00:00:00 (it is {limit.Window}).");
            }
        }
    }
}
