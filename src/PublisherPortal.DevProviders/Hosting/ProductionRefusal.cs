using Microsoft.Extensions.Hosting;

namespace PublisherPortal.DevProviders.Hosting;

/// <summary>
/// The stand-ins sign anyone in as anyone. They must never run where real readers are,
/// so Production is refused whatever <c>DevProviders:Enabled</c> says.
/// </summary>
internal static class ProductionRefusal
{
    public static void ThrowIfProduction(IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (environment.IsProduction())
        {
            throw new InvalidOperationException(
                "The local stand-in providers (PublisherPortal.DevProviders) refuse to run in the Production environment: "
                + "they sign anyone in as any test reader. Do not call AddDevProviders/MapDevProviders in Production, "
                + "and point Providers:* at the real Pliro, Subrite, PixelPin and PiPA instead.");
        }
    }
}
