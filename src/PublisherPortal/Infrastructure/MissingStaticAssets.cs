using Microsoft.AspNetCore.StaticAssets;

namespace PublisherPortal.Infrastructure;

public static class MissingStaticAssets
{
    /// <summary>
    /// MapStaticAssets answers from the build's asset manifest; when the file itself is missing from the web root
    /// (wrong content root, a partial deployment) it sends the manifest's headers and a 200 with no body, which a
    /// browser and every cache keep as an empty stylesheet. Such a request is a 404 instead.
    /// </summary>
    public static StaticAssetsEndpointConventionBuilder AnswerNotFoundWhenTheFileIsMissing(this StaticAssetsEndpointConventionBuilder assets)
    {
        assets.Add(endpoint =>
        {
            var asset = endpoint.Metadata.OfType<StaticAssetDescriptor>().Single();
            var serve = endpoint.RequestDelegate!;
            endpoint.RequestDelegate = context =>
            {
                var webRoot = context.RequestServices.GetRequiredService<IWebHostEnvironment>().WebRootFileProvider;
                if (webRoot.GetFileInfo(asset.AssetPath).Exists)
                {
                    return serve(context);
                }

                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            };
        });
        return assets;
    }
}
