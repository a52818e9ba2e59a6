using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace PublisherPortal.Data;

/// <summary>Stores and reads every DateTime as UTC, whichever database is underneath.</summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
