using Microsoft.AspNetCore.Mvc;
using PublisherPortal.Accounts;

namespace PublisherPortal.Admin;

/// <summary>
/// The admin screens' form posts (antiforgery-checked, Admin role only). Each redirects back to its page with a
/// message (post/redirect/get), so a reload never repeats a change.
/// </summary>
public static class AdminEndpoints
{
    public const string Policy = "Admin";

    public static IServiceCollection AddAdmin(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder().AddPolicy(Policy, p => p.RequireRole(AdminRoleAssigner.AdminRole));
        services.AddScoped<TierCommands>();
        services.AddScoped<PlanMappingCommands>();
        services.AddScoped<PlanOfferCommands>();
        services.AddScoped<ReaderAccessExplainer>();
        return services;
    }

    public static IEndpointRouteBuilder MapAdmin(this IEndpointRouteBuilder endpoints)
    {
        var admin = endpoints.MapGroup("/admin").RequireAuthorization(Policy);
        admin.MapPost("/tiers", async ([FromForm] TierForm form, TierCommands tiers, CancellationToken ct) =>
            (await tiers.CreateAsync(form, ct)).RedirectTo("/admin/tiers"));
        admin.MapPost("/tiers/{id:int}", async (int id, [FromForm] TierForm form, TierCommands tiers, CancellationToken ct) =>
            (await tiers.UpdateAsync(id, form, ct)).RedirectTo("/admin/tiers"));
        admin.MapPost("/tiers/{id:int}/delete", async (int id, [FromForm] TierForm form, TierCommands tiers, CancellationToken ct) =>
            (await tiers.DeleteAsync(id, form, ct)).RedirectTo("/admin/tiers"));
        admin.MapPost("/plans", async ([FromForm] PlanMappingForm form, PlanMappingCommands plans, CancellationToken ct) =>
            (await plans.CreateAsync(form, ct)).RedirectTo("/admin/plans"));
        admin.MapPost("/plans/{id:int}", async (int id, [FromForm] PlanMappingForm form, PlanMappingCommands plans, CancellationToken ct) =>
            (await plans.UpdateAsync(id, form, ct)).RedirectTo("/admin/plans"));
        admin.MapPost("/plans/{id:int}/delete", async (int id, [FromForm] PlanMappingForm form, PlanMappingCommands plans, CancellationToken ct) =>
            (await plans.DeleteAsync(id, form, ct)).RedirectTo("/admin/plans"));
        return endpoints;
    }
}
