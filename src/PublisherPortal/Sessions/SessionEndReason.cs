namespace PublisherPortal.Sessions;

/// <summary>Why a reader session ended; logged, and the table in the README's "Sessions" section.</summary>
public enum SessionEndReason
{
    /// <summary>The reader signed out here.</summary>
    SignedOut,
    /// <summary>A silent re-authentication answered that the reader is no longer signed in at the provider.</summary>
    SignedOutAtProvider,
    /// <summary>The provider's back-channel logout named the session (or its subject).</summary>
    BackchannelLogout,
    /// <summary>The provider refused to renew the reader's access token.</summary>
    RefreshRefused,
    /// <summary>A new sign-in in the same browser: the previous session never carries over (no session fixation).</summary>
    ReplacedBySignIn,
    /// <summary>Idle timeout or absolute lifetime reached.</summary>
    Expired,
}
