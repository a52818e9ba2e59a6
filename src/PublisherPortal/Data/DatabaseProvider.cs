namespace PublisherPortal.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,

    /// <summary>Model and migrations are checked by tests, but never run against a server here (docs/database.md).</summary>
    SqlServer,
}
