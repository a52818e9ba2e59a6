namespace PublisherPortal.Infrastructure;

/// <summary>
/// The site's two <c>Content-Security-Policy</c> values, built once (the form-action sources are fixed at start-up)
/// rather than on every response. See <see cref="SecurityHeaders"/> for why each part is there.
/// </summary>
public sealed class ContentSecurityPolicy(FormActionSources formActions)
{
    private string? _strict;
    private string? _inlineStyles;

    public string For(PathString path) =>
        // The local stand-in providers are not our product: their small pages carry their own inline styles. The
        // staff area's MudBlazor writes inline styles too.
        path.StartsWithSegments("/dev") || StaffArea.Contains(path)
            ? _inlineStyles ??= Build("'self' 'unsafe-inline'")
            : _strict ??= Build("'self'");

    private string Build(string styles) =>
        $"default-src 'self'; img-src 'self' https: data:; style-src {styles}; script-src 'self'; " +
        $"form-action {formActions.Value}; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";
}
