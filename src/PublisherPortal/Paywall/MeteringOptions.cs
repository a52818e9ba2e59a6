using System.ComponentModel.DataAnnotations;

namespace PublisherPortal.Paywall;

/// <summary>
/// Metered access (section <c>Metering</c>), as Piano and Leaky Paywall offer: a signed-in reader without the right
/// plan may read a few subscriber stories a month in full. Off unless <see cref="FreeArticlesPerMonth"/> is set.
/// </summary>
public sealed class MeteringOptions
{
    public const string SectionName = "Metering";

    /// <summary>Subscriber stories a signed-in reader may open per calendar month (UTC); 0 turns metering off.</summary>
    [Range(0, 100)]
    public int FreeArticlesPerMonth { get; set; }
}
