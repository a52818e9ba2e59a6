using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PublisherPortal.Staff;

namespace PublisherPortal.Data.Configurations;

public sealed class StaffMemberConfiguration : IEntityTypeConfiguration<StaffMember>
{
    public void Configure(EntityTypeBuilder<StaffMember> builder)
    {
        builder.ToTable("StaffMembers");
        builder.Property(s => s.Issuer).HasMaxLength(500);
        builder.Property(s => s.Subject).HasMaxLength(255);
        // One row per provider account: the key a sign-in looks the role up by.
        builder.HasIndex(s => new { s.Issuer, s.Subject }).IsUnique();
        builder.Property(s => s.Role).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Name).HasMaxLength(200);
        builder.Property(s => s.Email).HasMaxLength(320);
        builder.Property(s => s.VerifiedEmail).HasMaxLength(320);
        builder.Property(s => s.GrantedBy).HasMaxLength(200);
    }
}
