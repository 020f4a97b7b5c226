using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AnshinMail.Rules.Storage.Migrations
{
    /// <inheritdoc />
    internal partial class LedgerEntries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ledger_entries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Serial = table.Column<int>(type: "INTEGER", nullable: false),
                    CategoryId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SendingUnitId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RequestingUnitId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    AuthorId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ApproverId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Regime = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PostReportStatus = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Confirmations = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    ApprovedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ScheduledFor = table.Column<long>(type: "INTEGER", nullable: true),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Recipients = table.Column<int>(type: "INTEGER", nullable: false),
                    FollowUps = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Body = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ledger_entries", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ledger_entries_Year_Serial",
                table: "ledger_entries",
                columns: new[] { "Year", "Serial" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ledger_entries");
        }
    }
}
