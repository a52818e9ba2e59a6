using Microsoft.AspNetCore.Authentication;

namespace PublisherPortal.Oidc;

/// <summary>Per-challenge overrides of <c>prompt</c> and <c>max_age</c>, e.g. silent re-authentication
/// (<c>prompt=none</c>) or a fresh login before a sensitive step (<c>prompt=login</c>).</summary>
public sealed class OidcChallengeProperties : AuthenticationProperties
{
    public const string PromptKey = "prompt";
    public const string MaxAgeKey = "max_age";

    /// <summary>Item in the protected state recording the prompt the challenge asked for.</summary>
    internal const string PromptItem = ".prompt";

    public OidcChallengeProperties()
    {
    }

    public OidcChallengeProperties(IDictionary<string, string?> items)
        : base(items)
    {
    }

    /// <summary>none | login | consent | select_account.</summary>
    public string? Prompt
    {
        get => GetParameter<string>(PromptKey);
        set => SetParameter(PromptKey, value);
    }

    public TimeSpan? MaxAge
    {
        get => GetParameter<TimeSpan?>(MaxAgeKey);
        set => SetParameter(MaxAgeKey, value);
    }

    /// <summary>
    /// The prompt a sign-in journey was started with, read back from its state (e.g. in <c>OnRemoteFailure</c>, to
    /// tell a failed silent re-authentication from a failed interactive sign-in).
    /// </summary>
    public static string? RequestedPrompt(AuthenticationProperties? journey) =>
        journey is not null && journey.Items.TryGetValue(PromptItem, out var prompt) ? prompt : null;
}
