namespace PublisherPortal.Tests.Data;

/// <summary>
/// The migration ids SQLite and PostgreSQL databases may already carry: the hand-written migrations, and the two main
/// shipped hand-written before migrations were generated per provider (AddMeteredReadSlots, ConsumedTokens; now
/// generated under the same ids). Both providers' histories must begin with exactly these, or an existing database
/// would run them again.
/// </summary>
internal static class FieldHistory
{
    public static readonly IReadOnlyList<string> Ids =
    [
        "20261121120000_InitialCreate",
        "20261121130000_AddReaderSessions",
        "20261121140000_AddEntitlements",
        "20261121150000_AddConsumedLogoutTokens",
        "20261121160000_AddDataProtectionKeys",
        "20261121170000_AddMeteredReads",
        "20261130120000_AddMeteredReadSlots",
        "20261130130000_ConsumedTokens",
    ];

    public static string Last => Ids[^1];
}
