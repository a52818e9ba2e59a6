using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace PublisherPortal.Staff.Layout;

/// <summary>
/// What every staff page and dialog needs: the circuit's current user (from the authentication state, never from
/// <c>IHttpContextAccessor</c>, which a circuit cannot rely on) to hand to the service it calls, and one way to tell
/// the person how an action went.
/// </summary>
public abstract class StaffComponentBase : ComponentBase
{
    [CascadingParameter] private Task<AuthenticationState>? AuthenticationState { get; set; }

    [Inject] protected ISnackbar Snackbar { get; set; } = null!;

    protected async Task<ClaimsPrincipal> UserAsync() =>
        AuthenticationState is null ? new ClaimsPrincipal(new ClaimsIdentity()) : (await AuthenticationState).User;

    /// <summary>A snackbar for the outcome; refusals and conflicts stay until dismissed, so they are read.</summary>
    protected void Show(StaffResult result) => Snackbar.Add(result.Message, result.Outcome switch
    {
        StaffOutcome.Done => Severity.Success,
        StaffOutcome.Invalid => Severity.Warning,
        _ => Severity.Error,
    }, options =>
    {
        if (!result.Succeeded)
        {
            options.RequireInteraction = true;
        }
    });
}
