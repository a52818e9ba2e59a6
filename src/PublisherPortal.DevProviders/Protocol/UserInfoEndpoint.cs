using Microsoft.AspNetCore.Http;
using PublisherPortal.DevProviders.Readers;

namespace PublisherPortal.DevProviders.Protocol;

/// <summary>
/// Userinfo (OIDC Core §5.3) in each provider's own shape. It reads the reader's plan now, not at sign-in,
/// because that is how the portal learns about a checkout (Pliro, "Update customer information").
/// </summary>
internal sealed class UserInfoEndpoint(AccessTokenValidator validator, ReaderDirectory readers)
{
    public async Task HandleAsync(HttpContext context, StandInProvider provider)
    {
        var grant = await validator.ValidateAsync(context, provider);
        if (grant is null)
        {
            return;
        }

        var reader = readers.Find(provider.Key, grant.ReaderId)
            ?? throw new InvalidOperationException($"Test reader {grant.ReaderId} vanished from the catalog.");
        var claims = new ClaimsContext(
            reader, provider.SubjectFor(reader, grant.ClientId), grant.ClientId, grant.Sid, grant.AuthTime, grant.Scopes,
            readers.ActiveSubscriptions(reader.Id));
        await ProtocolResponses.JsonAsync(context, provider.UserInfo(claims));
    }
}
