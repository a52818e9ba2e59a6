using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using PublisherPortal.Admin.Dialogs;
using PublisherPortal.Admin.Tiers;
using PublisherPortal.Staff;

namespace PublisherPortal.Tests.Admin.Components;

/// <summary>The tier dialog: bad input answered at the field with everything typed kept; a good save closes it with the result.</summary>
public sealed class TierDialogTests(StaffSite site) : IClassFixture<StaffSite>
{
    [Fact]
    public async Task Bad_input_is_shown_at_the_field_and_nothing_typed_is_lost_then_a_good_save_closes_the_dialog()
    {
        await using var ctx = new StaffComponentContext(site, await (await site.PersonaAsync("admin")).PrincipalAsync());
        var provider = ctx.Render<MudDialogProvider>();
        IDialogReference? dialog = null;
        await provider.InvokeAsync(async () => dialog = await ctx.Services.GetRequiredService<IDialogService>()
            .ShowAsync<TierDialog>("New tier", new DialogParameters<TierDialog> { { d => d.Form, new TierForm() } }));

        Type(provider, "Name", "Silver");
        Type(provider, "Slug", "Silver Tier!");
        Type(provider, "Rank", "20");
        Save(provider);

        provider.WaitForAssertion(() => Assert.Contains("The slug must be", provider.Markup));
        // Rank 20 is Premium's: the service answers that at the field too, once the slug is fixed.
        Assert.Equal("Silver Tier!", Input(provider, "Slug").GetAttribute("value"));
        Assert.Equal("Silver", Input(provider, "Name").GetAttribute("value"));
        Type(provider, "Slug", "silver");
        Save(provider);
        provider.WaitForAssertion(() => Assert.Contains("already has rank 20", provider.Markup));
        Assert.False(await site.DbAsync(db => db.AccessTiers.AnyAsync(t => t.Slug == "silver")));

        Type(provider, "Rank", "15");
        Save(provider);

        var result = await dialog!.Result.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(result!.Canceled);
        Assert.Equal("Tier Silver created.", Assert.IsType<StaffResult>(result.Data).Message);
        Assert.True(await site.DbAsync(db => db.AccessTiers.AnyAsync(t => t.Slug == "silver" && t.Rank == 15)));
    }

    private static AngleSharp.Dom.IElement Input(IRenderedComponent<MudDialogProvider> provider, string label) =>
        provider.FindAll(".mud-input-control").Single(c => c.QuerySelector("label")?.TextContent.Trim().StartsWith(label, StringComparison.Ordinal) == true)
            .QuerySelector("input, textarea")!;

    private static void Type(IRenderedComponent<MudDialogProvider> provider, string label, string value) => Input(provider, label).Input(value);

    private static void Save(IRenderedComponent<MudDialogProvider> provider) =>
        provider.FindAll("button").Single(b => b.TextContent.Contains("Create tier", StringComparison.Ordinal)).Click();
}
