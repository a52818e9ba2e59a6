using Microsoft.AspNetCore.Http;
using PublisherPortal.DevProviders.Protocol;
using PublisherPortal.DevProviders.Readers;

namespace PublisherPortal.DevProviders.Subrite;

/// <summary>
/// The member API the portal reads Subrite subscriptions from, with the reader's OIDC access token as Bearer
/// (docs/providers/subrite.md).
/// </summary>
internal sealed class MemberApiEndpoint(AccessTokenValidator validator, ReaderDirectory readers, Microsoft.Extensions.Options.IOptions<Hosting.DevProvidersOptions> options, TimeProvider time)
{
    public async Task HandleAsync(HttpContext context, SubriteStandIn subrite)
    {
        var grant = await validator.ValidateAsync(context, subrite);
        if (grant is null)
        {
            return;
        }

        var reader = readers.Find(subrite.Key, grant.ReaderId)
            ?? throw new InvalidOperationException($"Test reader {grant.ReaderId} vanished from the catalog.");
        await ProtocolResponses.JsonAsync(context, MemberProfileResponse.Build(reader, readers.ActiveSubscriptions(reader.Id), options.Value.Subrite, time.GetUtcNow()));
    }
}
