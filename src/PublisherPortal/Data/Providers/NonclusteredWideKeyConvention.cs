using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;

namespace PublisherPortal.Data.Providers;

/// <summary>
/// SQL Server clusters a table on its primary key by default, and a clustered key may hold at most 900 bytes; a wider
/// one is accepted when the table is created and fails on the first row that fills it. Keys such as issuer + subject
/// + month (nvarchar(500) + nvarchar(255) + nvarchar(7): 1,524 bytes) are made nonclustered instead, where the limit
/// is 1,700 bytes.
/// A key set clustered on purpose is left alone (and then fails the key-size test).
/// </summary>
public sealed class NonclusteredWideKeyConvention : IModelFinalizingConvention
{
    public const int ClusteredKeyLimitBytes = 900;

    public void ProcessModelFinalizing(IConventionModelBuilder modelBuilder, IConventionContext<IConventionModelBuilder> context)
    {
        foreach (var entityType in modelBuilder.Metadata.GetEntityTypes())
        {
            if (entityType.FindPrimaryKey() is { } key && key.IsClustered() is null
                && key.Properties.Sum(MaxBytes) > ClusteredKeyLimitBytes)
            {
                key.Builder.IsClustered(false);
            }
        }
    }

    /// <summary>The most bytes SQL Server may store for the column; anything this does not know counts as too wide.</summary>
    private static long MaxBytes(IConventionProperty property)
    {
        var type = property.GetProviderClrType() ?? property.ClrType;
        type = Nullable.GetUnderlyingType(type) ?? type;
        type = type.IsEnum ? Enum.GetUnderlyingType(type) : type;
        if (type == typeof(string))
        {
            // nvarchar stores two bytes a character; an unbounded column (nvarchar(max)) cannot be a key at all.
            return property.GetMaxLength() is { } length ? length * (property.IsUnicode() == false ? 1L : 2L) : int.MaxValue;
        }

        if (type == typeof(byte[]))
        {
            return property.GetMaxLength() ?? int.MaxValue;
        }

        if (type == typeof(Guid))
        {
            return 16;
        }

        return Type.GetTypeCode(type) switch
        {
            TypeCode.Boolean or TypeCode.Byte or TypeCode.SByte => 1,
            TypeCode.Int16 or TypeCode.UInt16 => 2,
            TypeCode.Int32 or TypeCode.UInt32 or TypeCode.Single => 4,
            TypeCode.Int64 or TypeCode.UInt64 or TypeCode.Double => 8,
            TypeCode.DateTime => 8,
            TypeCode.Decimal => 17,
            _ => int.MaxValue,
        };
    }
}
