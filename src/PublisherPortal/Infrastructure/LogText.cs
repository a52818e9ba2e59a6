namespace PublisherPortal.Infrastructure;

/// <summary>Values from outside (a provider's error code) reduced to a short, plain token before they are logged.</summary>
public static class LogText
{
    public static string Code(string? value) =>
        string.IsNullOrEmpty(value) ? "(none)" : new(value.Where(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.').Take(64).ToArray());
}
