namespace PublisherPortal.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
