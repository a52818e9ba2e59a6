using Microsoft.EntityFrameworkCore.Migrations;

namespace PublisherPortal.Data.Migrations.History;

/// <summary>Server-side reader sessions: the auth cookie carries only their id. Hand-written and provider-neutral.</summary>
public abstract class AddReaderSessions : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "ReaderSessions",
            columns: table => new
            {
                Id = table.Column<string>(maxLength: 64, nullable: false),
                Provider = table.Column<string>(maxLength: 100, nullable: false),
                Issuer = table.Column<string>(maxLength: 500, nullable: false),
                Subject = table.Column<string>(maxLength: 255, nullable: false),
                ProviderSessionId = table.Column<string>(maxLength: 255, nullable: true),
                Ticket = table.Column<byte[]>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                LastSeenAt = table.Column<DateTime>(nullable: false),
                ExpiresAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_ReaderSessions", x => x.Id));

        migrationBuilder.CreateIndex(name: "IX_ReaderSessions_ExpiresAt", table: "ReaderSessions", column: "ExpiresAt");
        migrationBuilder.CreateIndex(name: "IX_ReaderSessions_Issuer_Subject", table: "ReaderSessions", columns: ["Issuer", "Subject"]);
        migrationBuilder.CreateIndex(
            name: "IX_ReaderSessions_Provider_ProviderSessionId", table: "ReaderSessions", columns: ["Provider", "ProviderSessionId"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable(name: "ReaderSessions");
}
