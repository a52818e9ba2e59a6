namespace PublisherPortal.Infrastructure;

/// <summary>
/// The URL prefixes of the staff area: the only pages that render interactively (in a circuit) and whose security
/// policy allows inline styles (docs/architecture.md, "Rendering"). Everything else is a reader page.
/// </summary>
public static class StaffArea
{
    public static IReadOnlyList<string> Paths { get; } = ["/admin", "/newsroom"];

    public static bool Contains(PathString path) => Paths.Any(prefix => path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase));
}
