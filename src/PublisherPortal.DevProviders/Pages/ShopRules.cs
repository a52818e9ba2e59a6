namespace PublisherPortal.DevProviders.Pages;

/// <summary>
/// How one provider's shop page differs from another's: the names of its return parameters and whether buying
/// replaces the reader's plan (Pliro and PiPA customers hold one plan) or adds a subscription (Subrite packages).
/// </summary>
/// <param name="CompletedParameter">Where to return after buying: Pliro's <c>continue_url</c>, Subrite's <c>onCheckoutCompletedUrl</c>.</param>
/// <param name="CancelParameter">Where to return on cancel (Subrite's <c>callBackUrl</c>); null: no cancel button.</param>
/// <param name="ReferenceParameter">Where the reader came from, shown only (Subrite's <c>reference</c>).</param>
/// <param name="PreselectParameter">A query parameter naming the one offer to show (Subrite: <c>package</c>, our name).</param>
internal sealed record ShopRules(
    string Title,
    string BuyLabel,
    string CompletedParameter,
    string? CancelParameter,
    string? ReferenceParameter,
    string? PreselectParameter,
    bool AddsSubscription)
{
    /// <summary>Pliro Site's subscribe and offer subscribe pages (docs/providers/pliro.md), and PiPA's stand-in plan page.</summary>
    public static readonly ShopRules PliroSite = new("Subscribe", "Subscribe to", "continue_url", null, null, null, AddsSubscription: false);

    /// <summary>Subrite's checkout (docs/providers/subrite.md): reference, onCheckoutCompletedUrl, callBackUrl.</summary>
    public static readonly ShopRules SubriteCheckout = new("Subrite checkout", "Buy", "onCheckoutCompletedUrl", "callBackUrl", "reference", "package", AddsSubscription: true);
}
