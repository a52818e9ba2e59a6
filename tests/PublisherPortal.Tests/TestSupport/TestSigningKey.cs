namespace PublisherPortal.Tests.TestSupport;

/// <summary>
/// A throwaway ES256 public key for providers configured offline (Pliro's documented static-key setup: endpoints and
/// a PEM key in settings, nothing fetched). No test signs with it; sign-in is never completed against it.
/// </summary>
public static class TestSigningKey
{
    public const string Pem = """
        -----BEGIN PUBLIC KEY-----
        MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE0C4BrInROabYrvMd8aiMF5ol4bQF
        KaJIH+bme3kwwlC9KKmwUbdZYul3ASIzdCa3xXiq5LwHWhVquP0EyBTfGA==
        -----END PUBLIC KEY-----
        """;
}
