using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace PublisherPortal.Tests.Data;

/// <summary>
/// Fails when the model and the provider's latest migration snapshot differ, i.e. someone changed the model without
/// generating a migration for that provider, and says what changed.
/// </summary>
internal static class PendingModelChanges
{
    public static void AssertNone(DbContext db)
    {
        if (!db.Database.HasPendingModelChanges())
        {
            return;
        }

        var snapshot = db.GetService<IMigrationsAssembly>().ModelSnapshot?.Model;
        var snapshotModel = snapshot is null ? null : db.GetService<IModelRuntimeInitializer>()
            .Initialize(snapshot is IMutableModel mutable ? mutable.FinalizeModel() : snapshot, designTime: true, validationLogger: null);
        var differences = db.GetService<IMigrationsModelDiffer>().GetDifferences(
            snapshotModel?.GetRelationalModel(), db.GetService<IDesignTimeModel>().Model.GetRelationalModel());
        Assert.Fail($"{db.GetType().Name}: the model changed without a migration for this provider " +
            $"(see docs/database.md, 'Adding a migration'): {string.Join("; ", differences.Select(Describe))}");
    }

    private static string Describe(MigrationOperation operation) => operation switch
    {
        AddColumnOperation c => $"add column {c.Table}.{c.Name}",
        DropColumnOperation c => $"drop column {c.Table}.{c.Name}",
        AlterColumnOperation c => $"alter column {c.Table}.{c.Name}",
        CreateIndexOperation i => $"create index {i.Name}",
        DropIndexOperation i => $"drop index {i.Name}",
        CreateTableOperation t => $"create table {t.Name}",
        DropTableOperation t => $"drop table {t.Name}",
        RenameTableOperation t => $"rename table {t.Name} to {t.NewName}",
        _ => operation.GetType().Name,
    };
}
