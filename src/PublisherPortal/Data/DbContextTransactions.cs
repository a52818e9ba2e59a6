using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace PublisherPortal.Data;

public static class DbContextTransactions
{
    /// <summary>
    /// Runs one unit of work in a transaction under the database's execution strategy. On PostgreSQL the strategy retries
    /// a command that meets a dropped connection (docs/database.md), and a retry must redo the whole unit, not the one
    /// command that failed; each attempt starts with nothing tracked so an earlier attempt's entities are not saved twice.
    /// The work commits through the transaction it is given; returning without committing rolls back.
    /// </summary>
    public static Task<T> InTransactionAsync<T>(this DbContext db, Func<IDbContextTransaction, Task<T>> work, CancellationToken ct) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            return await work(transaction);
        });
}
