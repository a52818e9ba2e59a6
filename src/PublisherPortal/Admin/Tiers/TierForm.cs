using System.Text.RegularExpressions;

namespace PublisherPortal.Admin.Tiers;

/// <summary>
/// A tier as the edit dialog holds it. The <c>Original*</c> values are the tier as the dialog was opened with: a
/// save succeeds only if the row still has them, so a conflicting edit is refused, never overwritten.
/// </summary>
public sealed partial class TierForm
{
    public string? Name { get; set; }
    public string? Slug { get; set; }
    public int? Rank { get; set; }
    public string? Description { get; set; }
    public string? OriginalName { get; set; }
    public string? OriginalSlug { get; set; }
    public int? OriginalRank { get; set; }
    public string? OriginalDescription { get; set; }

    public static TierForm From(Entitlements.AccessTier tier) => new()
    {
        Name = tier.Name, Slug = tier.Slug, Rank = tier.Rank, Description = tier.Description,
        OriginalName = tier.Name, OriginalSlug = tier.Slug, OriginalRank = tier.Rank, OriginalDescription = tier.Description,
    };

    /// <summary>Messages per field (keyed by property name), empty when the form is fine.</summary>
    public Dictionary<string, string> Validate()
    {
        var errors = new Dictionary<string, string>();
        if (NameError(Name) is { } name)
        {
            errors[nameof(Name)] = name;
        }

        if (SlugError(Slug) is { } slug)
        {
            errors[nameof(Slug)] = slug;
        }

        if (RankError(Rank) is { } rank)
        {
            errors[nameof(Rank)] = rank;
        }

        if (DescriptionError(Description) is { } description)
        {
            errors[nameof(Description)] = description;
        }

        return errors;
    }

    // One rule per field, shared by the dialog's field validation and the service's check before saving.
    public static string? NameError(string? value) =>
        string.IsNullOrWhiteSpace(value) || value.Trim().Length > 100 ? "A tier needs a name of at most 100 characters." : null;

    public static string? SlugError(string? value) =>
        string.IsNullOrWhiteSpace(value) || !SlugPattern().IsMatch(value.Trim())
            ? "The slug must be 1–100 lowercase letters, digits or hyphens, e.g. premium." : null;

    public static string? RankError(int? value) =>
        value is not { } rank || rank is < 1 or > 1_000_000
            ? "The rank must be a whole number from 1 to 1000000; a higher rank opens every lower one." : null;

    public static string? DescriptionError(string? value) => value is { Length: > 500 } ? "The description may be at most 500 characters." : null;

    [GeneratedRegex("^[a-z0-9-]{1,100}$")]
    private static partial Regex SlugPattern();
}
