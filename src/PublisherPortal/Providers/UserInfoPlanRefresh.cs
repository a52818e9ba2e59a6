using PublisherPortal.Entitlements;
using PublisherPortal.Oidc;
using PublisherPortal.Sessions;

namespace PublisherPortal.Providers;

/// <summary>
/// Re-reads a signed-in reader's plans from the provider's userinfo endpoint with an access token, and writes them into
/// their session in place: no redirect, the page the reader asked for carries on. Pliro's documented way to update
/// customer information (docs/providers/pliro.md); PiPA's when it is configured with a userinfo endpoint. The profile
/// must name the session's own subject (OIDC Core §5.3.2): a token that speaks for someone else changes nothing.
/// </summary>
public sealed partial class UserInfoPlanRefresh(
    OidcUserInfoReader userInfo, ReaderSessionUpdater sessions, EntitlementResolver entitlements, ILogger<UserInfoPlanRefresh> logger)
{
    /// <returns>
    /// <see cref="OidcUserInfoStatus.Succeeded"/> when the session now carries the plans read; otherwise why not (the
    /// caller decides: silent re-authentication when the token is refused, keeping what is known when the provider is down).
    /// </returns>
    public async Task<OidcUserInfoStatus> RefreshAsync(HttpContext context, OidcProviderInfo provider, string accessToken)
    {
        var status = OidcUserInfoStatus.Refused;
        var updated = await sessions.UpdateAsync(context, async identity =>
        {
            if (identity.FindFirst(OidcClaimTypes.Subject)?.Value is not { Length: > 0 } subject)
            {
                return false;
            }

            var answer = await userInfo.ReadAsync(provider.Key, accessToken, subject, context.RequestAborted);
            status = answer.Status;
            if (answer.Status != OidcUserInfoStatus.Succeeded)
            {
                LogNotRead(provider.Key, answer.Status, answer.Problem ?? "");
                return false;
            }

            var read = new PlanRead(answer.Plans.Select(ProviderPlan.FromClaim).ToList(), PlanSources.Claims);
            await entitlements.RefreshAsync(identity, provider.Key, read, context.RequestAborted);
            return true;
        });
        return updated is null && status == OidcUserInfoStatus.Succeeded ? OidcUserInfoStatus.Refused : status;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Userinfo of {Provider} did not update a reader's plans ({Status}): {Problem}")]
    private partial void LogNotRead(string provider, OidcUserInfoStatus status, string problem);
}
