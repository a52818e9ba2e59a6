namespace PublisherPortal.Admin.Plans;

/// <summary>
/// The offer a plan mapping sells, as an admin sets it; <see cref="OriginalOffer"/> is the offer the form was shown
/// with (null for none), so a change someone else made meanwhile is refused rather than overwritten.
/// </summary>
public sealed class PlanOfferForm
{
    public const int MaxLength = 200;

    /// <summary>The offer's name as in its page address (<c>/offers/{offer}</c>); empty clears it.</summary>
    public string? Offer { get; set; }

    public string? OriginalOffer { get; set; }

    /// <summary>
    /// An offer is a path segment of the shop's address (<c>/offers/{offer}</c>): URL-unreserved characters only, so
    /// a pasted URL, a name with spaces or a bare <c>..</c> is caught here rather than producing a broken link.
    /// </summary>
    public static string? OfferError(string offer) =>
        offer.Length > MaxLength || offer.All(c => c == '.') || !offer.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~')
            ? $"The offer must be its name as in the shop's address /offers/{{offer}}: 1–{MaxLength} letters, digits, '-', '_', '.' or '~' (e.g. digital-premium-yearly), not a whole URL."
            : null;
}
