using Microsoft.Playwright;

namespace PublisherPortal.E2E.Infrastructure;

/// <summary>
/// Debian's Chromium under Playwright (Playwright cannot download its own browsers here). PORTAL_CHROMIUM overrides
/// the path. The networking flags stop Chromium dialling hosts this machine cannot reach.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    public const string PathVariable = "PORTAL_CHROMIUM";
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var path = Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } configured ? configured : "/usr/bin/chromium";
        if (!File.Exists(path))
        {
            throw new InvalidOperationException(
                $"Chromium was not found at {path}. ./test.sh installs Debian's chromium; or set {PathVariable} to a Chromium binary.");
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = path,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic",
            ],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
