using MudBlazor;

namespace PublisherPortal.Staff.Layout;

/// <summary>
/// The back office's colours, light and dark. Chosen for contrast (WCAG AA, checked by axe in the e2e suite), and
/// fonts from the system: the staff area loads nothing from other hosts.
/// </summary>
public static class StaffTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#0b4f8a",
            Secondary = "#6a3d9a",
            AppbarBackground = "#0b4f8a",
            AppbarText = "#ffffff",
            TextSecondary = "#4a4a4a",
            ActionDefault = "#4a4a4a",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#8ec5ff",
            PrimaryContrastText = "#0d1b2a",
            Secondary = "#d0b3ff",
            SecondaryContrastText = "#1a1024",
            AppbarBackground = "#1b2430",
            AppbarText = "#f0f0f0",
            TextSecondary = "#c8c8c8",
            ActionDefault = "#c8c8c8",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica", "Arial", "sans-serif"] },
        },
    };
}
