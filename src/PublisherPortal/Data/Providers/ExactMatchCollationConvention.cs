using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;

namespace PublisherPortal.Data.Providers;

/// <summary>
/// SQL Server compares text case- and accent-insensitively by default, so a lookup of session "Ab1" would find "ab1",
/// and two slugs differing only in case would collide. SQLite and PostgreSQL compare exactly. On SQL Server every text
/// column that takes part in a key, a foreign key or an index (session ids, slugs, issuers, subjects, provider and
/// plan keys) therefore gets a binary collation, so it matches exactly there too. Free text (titles, bodies, names)
/// keeps the server's collation, which is what search and sorting want.
/// </summary>
public sealed class ExactMatchCollationConvention : IModelFinalizingConvention
{
    /// <summary>Compares code points, on every SQL Server version the provider supports and on Azure SQL.</summary>
    public const string Collation = "Latin1_General_100_BIN2";

    public void ProcessModelFinalizing(IConventionModelBuilder modelBuilder, IConventionContext<IConventionModelBuilder> context)
    {
        foreach (var entityType in modelBuilder.Metadata.GetEntityTypes())
        {
            foreach (var property in entityType.GetDeclaredProperties())
            {
                if (IsText(property) && (property.IsKey() || property.IsForeignKey() || property.IsIndex()))
                {
                    property.Builder.UseCollation(Collation);
                }
            }
        }
    }

    private static bool IsText(IConventionProperty property) => (property.GetProviderClrType() ?? property.ClrType) == typeof(string);
}
