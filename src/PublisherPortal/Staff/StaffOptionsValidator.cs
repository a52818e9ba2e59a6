using Microsoft.Extensions.Options;

namespace PublisherPortal.Staff;

/// <summary>Stops start-up on a staff setting that would leave a circuit open too long, or grant roles outside Development.</summary>
public sealed class StaffOptionsValidator(IHostEnvironment environment) : IValidateOptions<StaffOptions>
{
    public ValidateOptionsResult Validate(string? name, StaffOptions options)
    {
        var failures = new List<string>();
        if (options.RevalidationInterval < TimeSpan.FromSeconds(1) || options.RevalidationInterval > StaffOptions.MaxRevalidationInterval)
        {
            failures.Add($"{StaffOptions.SectionName}:RevalidationInterval must be from 00:00:01 to 00:00:30 (it is {options.RevalidationInterval}): "
                + "an open staff page must not outlive a revoked role or an ended session for longer.");
        }

        if (options.DevelopmentRoles.Count > 0 && !environment.IsDevelopment())
        {
            failures.Add($"{StaffOptions.SectionName}:DevelopmentRoles grants staff roles in Development only (this is {environment.EnvironmentName}). "
                + "Grant roles on the staff screen; Portal:Admins names the first admin.");
        }

        foreach (var entry in options.DevelopmentRoles)
        {
            if (!DevelopmentRole.TryParse(entry, out _))
            {
                failures.Add($"{StaffOptions.SectionName}:DevelopmentRoles entry '{entry}' is not issuer|subject|Role "
                    + $"(Role one of {string.Join(", ", Enum.GetNames<StaffRole>())}).");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
