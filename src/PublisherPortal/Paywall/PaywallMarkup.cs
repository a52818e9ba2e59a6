namespace PublisherPortal.Paywall;

/// <summary>
/// The CSS class on the paywall box. The article's JSON-LD points at it (<c>hasPart.cssSelector</c>), which is how
/// Google tells a paywall from cloaking.
/// </summary>
public static class PaywallMarkup
{
    public const string PaywalledCssClass = "paywalled-content";
}
