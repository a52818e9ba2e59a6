using Microsoft.EntityFrameworkCore;

namespace PublisherPortal.Data;

/// <summary>
/// Hands out <see cref="PortalDbContext"/>s from the configured provider's pooled factory. The rest of the app knows
/// only the abstract model type, but EF registers a factory for the concrete per-provider subclass (docs/database.md):
/// this adapter is what a long-lived component (a staff circuit) injects, so it opens one context per operation and
/// never holds one for the circuit's life.
/// </summary>
internal sealed class PortalDbContextFactory<TContext>(IDbContextFactory<TContext> provider) : IDbContextFactory<PortalDbContext>
    where TContext : PortalDbContext
{
    public PortalDbContext CreateDbContext() => provider.CreateDbContext();

    public async Task<PortalDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
        await provider.CreateDbContextAsync(cancellationToken);
}
