using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using PublisherPortal.Data.Providers;

// The start of SQLite's history: the hand-written, provider-neutral migrations (Migrations/History), under the ids
// databases in the field already carry. Migrations after these are generated for SQLite alone (docs/database.md).
namespace PublisherPortal.Data.Migrations.Sqlite;

[DbContext(typeof(SqlitePortalDbContext))]
[Migration("20261121120000_InitialCreate")]
public sealed class InitialCreate : History.InitialCreate;

[DbContext(typeof(SqlitePortalDbContext))]
[Migration("20261121130000_AddReaderSessions")]
public sealed class AddReaderSessions : History.AddReaderSessions;

[DbContext(typeof(SqlitePortalDbContext))]
[Migration("20261121140000_AddEntitlements")]
public sealed class AddEntitlements : History.AddEntitlements;

[DbContext(typeof(SqlitePortalDbContext))]
[Migration("20261121150000_AddConsumedLogoutTokens")]
public sealed class AddConsumedLogoutTokens : History.AddConsumedLogoutTokens;

[DbContext(typeof(SqlitePortalDbContext))]
[Migration("20261121160000_AddDataProtectionKeys")]
public sealed class AddDataProtectionKeys : History.AddDataProtectionKeys;

[DbContext(typeof(SqlitePortalDbContext))]
[Migration("20261121170000_AddMeteredReads")]
public sealed class AddMeteredReads : History.AddMeteredReads;
