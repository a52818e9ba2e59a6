using System.Diagnostics;
using Microsoft.Playwright;

namespace PublisherPortal.E2E.Infrastructure;

/// <summary>Signing in at the Pliro stand-in and waiting for a staff page's circuit, as a person would (no sleeps).</summary>
public static class StaffBrowsing
{
    /// <summary>Signs in at the Pliro stand-in as <paramref name="reader"/> and lands on <paramref name="path"/>.</summary>
    public static async Task SignInAsync(IPage page, string baseUrl, string reader, string path)
    {
        await page.GotoAsync($"/account/login?provider=pliro&returnUrl={Uri.EscapeDataString(path)}");
        await page.Locator($"button[name=reader][value={reader}]").ClickAsync();
        await page.WaitForURLAsync(baseUrl + path);
    }

    /// <summary>Opens a staff page and waits until its circuit is live (the layout says so after its first interactive render).</summary>
    public static async Task OpenStaffPageAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await LiveAsync(page);
    }

    public static Task LiveAsync(IPage page) => page.Locator(".staff-shell[data-interactive=true]").WaitForAsync(new() { Timeout = 30_000 });

    /// <summary>How long until <paramref name="page"/> shows the closed page for <paramref name="reason"/>, from <paramref name="since"/>.</summary>
    public static async Task<TimeSpan> ClosedAfterAsync(IPage page, string baseUrl, string reason, Stopwatch since)
    {
        try
        {
            await page.WaitForURLAsync($"{baseUrl}/admin/closed?reason={reason}", new() { Timeout = 45_000 });
        }
        catch (TimeoutException e)
        {
            // Say where the page is and what it shows: "did not leave" and "left for the wrong place" need different fixes.
            var shown = await page.Locator("body").InnerTextAsync(new() { Timeout = 5_000 });
            throw new TimeoutException($"The staff page did not close for {reason}; it is at {page.Url}, showing: {shown[..Math.Min(shown.Length, 400)]}", e);
        }

        return since.Elapsed;
    }
}
