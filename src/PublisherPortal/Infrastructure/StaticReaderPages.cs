using Microsoft.AspNetCore.Components;

namespace PublisherPortal.Infrastructure;

public static class StaticReaderPages
{
    // The framework's marker of which interactive render modes an endpoint may use. It is not public; the renderer reads
    // it by type, and with none configured it persists no component state (EndpointHtmlRenderer, "No render modes are
    // configured, do not persist state").
    private static readonly Type RenderModesMetadata =
        typeof(RazorComponentsEndpointConventionBuilder).Assembly.GetType("Microsoft.AspNetCore.Components.Endpoints.ConfiguredRenderModesMetadata")
        ?? throw new InvalidOperationException("This ASP.NET Core version has no ConfiguredRenderModesMetadata: StaticReaderPages needs another way to keep reader pages free of circuit state.");

    /// <summary>
    /// Reader pages (excluded from interactive routing) get no interactive render mode. Once the app supports
    /// interactive server rendering, the renderer otherwise writes an encrypted prerendered-state comment into every
    /// page (the antiforgery token and more, for a circuit a reader page never opens; about a kilobyte). With no render
    /// mode configured for the endpoint it persists nothing, and reader pages stay what they were
    /// (docs/architecture.md, "Rendering"; StaffAreaRenderingTests checks it).
    /// </summary>
    public static RazorComponentsEndpointConventionBuilder KeepReaderPagesStatic(this RazorComponentsEndpointConventionBuilder pages)
    {
        var none = Activator.CreateInstance(RenderModesMetadata, [Array.Empty<IComponentRenderMode>()])!;
        ((IEndpointConventionBuilder)pages).Finally(endpoint =>
        {
            if (endpoint.Metadata.OfType<ExcludeFromInteractiveRoutingAttribute>().Any())
            {
                endpoint.Metadata.Add(none);
            }
        });
        return pages;
    }
}
