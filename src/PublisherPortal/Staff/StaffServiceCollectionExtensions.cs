using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.Options;
using PublisherPortal.Staff.Audit;
using PublisherPortal.Staff.Circuits;

namespace PublisherPortal.Staff;

public static class StaffServiceCollectionExtensions
{
    /// <summary>
    /// Staff roles (in the database, given to each request as a claim), their policies, the audit log, and the guard
    /// that keeps each staff circuit no older than its session and role. Settings under <c>Staff</c>, checked at start-up.
    /// </summary>
    public static IServiceCollection AddStaff(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StaffOptions>().Bind(configuration.GetSection(StaffOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<StaffOptions>, StaffOptionsValidator>();
        services.AddAuthorizationBuilder().AddStaffPolicies();
        services.AddSingleton<StaffDirectory>();
        services.AddSingleton<IClaimsTransformation, StaffRoleClaims>();
        services.AddSingleton<StaffBootstrap>();
        services.AddSingleton<StaffGate>();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<StaffRoleCommands>();
        services.AddScoped<StaffCircuitGuard>();
        services.AddScoped<CircuitHandler, StaffCircuitHandler>();
        return services;
    }
}
