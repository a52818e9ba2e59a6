namespace PublisherPortal.Admin;

/// <summary>
/// The offer a plan mapping sells, as an admin sets it; <see cref="OriginalOffer"/> is the offer the form was shown
/// with (null for none), so a change someone else made meanwhile is refused rather than overwritten.
/// </summary>
public sealed class PlanOfferForm
{
    /// <summary>The offer's name as in its page address (<c>/offers/{offer}</c>); empty clears it.</summary>
    public string? Offer { get; set; }

    public string? OriginalOffer { get; set; }
}
