using Microsoft.AspNetCore.Authorization;

namespace PublisherPortal.Staff;

/// <summary>
/// Authorization policies for staff pages. Pages carry them (<c>[Authorize(Policy = ...)]</c>) for the first request
/// and for navigation inside a circuit (<c>AuthorizeRouteView</c>); every action is authorized again by
/// <see cref="StaffGate"/> against the database, because a circuit's principal is only as fresh as its last check.
/// </summary>
public static class StaffPolicies
{
    /// <summary>Any staff role.</summary>
    public const string Staff = "Staff";
    public const string Author = "Staff.Author";
    public const string Editor = "Staff.Editor";
    public const string Admin = "Staff.Admin";

    public static AuthorizationBuilder AddStaffPolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(Staff, p => p.RequireAuthenticatedUser().RequireClaim(StaffClaims.RoleClaim, StaffClaims.AtLeast(StaffRole.Contributor)))
        .AddPolicy(Author, p => p.RequireAuthenticatedUser().RequireClaim(StaffClaims.RoleClaim, StaffClaims.AtLeast(StaffRole.Author)))
        .AddPolicy(Editor, p => p.RequireAuthenticatedUser().RequireClaim(StaffClaims.RoleClaim, StaffClaims.AtLeast(StaffRole.Editor)))
        .AddPolicy(Admin, p => p.RequireAuthenticatedUser().RequireClaim(StaffClaims.RoleClaim, StaffClaims.AtLeast(StaffRole.Admin)));
}
