using Microsoft.Extensions.DependencyInjection;
using PublisherPortal.Data;
using PublisherPortal.Staff;
using PublisherPortal.Staff.Audit;

namespace PublisherPortal.Tests.Staff;

/// <summary>The audit screen's search: filtered, sorted and paged by the database, admins only.</summary>
public sealed class AuditLogTests : IAsyncLifetime
{
    private readonly StaffSite _site = new();

    public async Task InitializeAsync()
    {
        await using var scope = _site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var day = new DateTime(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);
        db.AuditEntries.AddRange(
            Entry(day, "Ada", AuditActions.TierCreate, "tier gold", null, "Gold (gold), rank 30"),
            Entry(day.AddDays(1), "Ada", AuditActions.MappingCreate, "mapping pliro/gold", null, "tier Gold"),
            Entry(day.AddDays(2), "Bo", AuditActions.StaffGrant, "staff eve@example.com (cus_eve)", null, "Editor"),
            Entry(day.AddDays(3), "Bo", AuditActions.StaffRevoke, "staff eve@example.com (cus_eve)", "Editor", null));
        await db.SaveChangesAsync();
    }

    [Theory]
    [InlineData(AuditActions.StaffGrant, null, null, null, null, new[] { AuditActions.StaffGrant })]
    [InlineData(null, "ada", null, null, null, new[] { AuditActions.MappingCreate, AuditActions.TierCreate })]
    [InlineData(null, null, "gold", null, null, new[] { AuditActions.MappingCreate, AuditActions.TierCreate })]
    [InlineData(null, null, "editor", null, null, new[] { AuditActions.StaffRevoke, AuditActions.StaffGrant })]
    [InlineData(null, null, null, "2026-03-02", "2026-03-03", new[] { AuditActions.StaffGrant, AuditActions.MappingCreate })]
    public async Task Entries_are_found_by_action_actor_text_and_day_newest_first(
        string? action, string? actor, string? text, string? from, string? to, string[] expected)
    {
        var admin = await (await _site.PersonaAsync("admin")).PrincipalAsync();
        var filter = new AuditFilter(action, actor, text, from is null ? null : DateOnly.Parse(from), to is null ? null : DateOnly.Parse(to));

        var (entries, total, refusal) = await _site.Services.GetRequiredService<AuditLog>().SearchAsync(admin, filter with { Actor = actor }, 0, 25, default);

        Assert.Null(refusal);
        var found = entries.Where(e => e.ActorName is "Ada" or "Bo").Select(e => e.Action).ToArray();
        Assert.Equal(expected, found);
        Assert.True(total >= expected.Length);
    }

    [Fact]
    public async Task Pages_are_cut_by_the_database_and_sorting_by_who_is_honoured()
    {
        var admin = await (await _site.PersonaAsync("admin")).PrincipalAsync();
        var audit = _site.Services.GetRequiredService<AuditLog>();
        var filter = new AuditFilter(Text: "e", SortBy: nameof(AuditEntry.ActorName), Descending: false);

        var (first, total, _) = await audit.SearchAsync(admin, filter with { Actor = null }, 0, 2, default);
        var (second, _, _) = await audit.SearchAsync(admin, filter, 1, 2, default);

        Assert.Equal(2, first.Count);
        Assert.Equal(first.Select(e => e.ActorName).Order(StringComparer.Ordinal), first.Select(e => e.ActorName));
        Assert.Empty(first.Select(e => e.Id).Intersect(second.Select(e => e.Id)));
        Assert.True(total >= 4);
    }

    public Task DisposeAsync()
    {
        _site.Dispose();
        return Task.CompletedTask;
    }

    private static AuditEntry Entry(DateTime at, string who, string action, string target, string? before, string? after) => new()
    {
        At = at, ActorIssuer = StaffSite.Issuer, ActorSubject = "cus_" + who.ToLowerInvariant(), ActorName = who, Action = action, Target = target,
        Before = before, After = after,
    };
}
