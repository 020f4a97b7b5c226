using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AnshinMail.Rules.Storage.Migrations
{
    /// <inheritdoc />
    internal partial class QuietHours : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "QuietFrom",
                table: "subscribers",
                type: "TEXT",
                maxLength: 5,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "QuietTo",
                table: "subscribers",
                type: "TEXT",
                maxLength: 5,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Held",
                table: "alerts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "held_messages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AlertId = table.Column<long>(type: "INTEGER", nullable: false),
                    SubscriberId = table.Column<long>(type: "INTEGER", nullable: false),
                    ReleaseAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_held_messages", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_held_messages_AlertId_SubscriberId",
                table: "held_messages",
                columns: new[] { "AlertId", "SubscriberId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_held_messages_ReleaseAt",
                table: "held_messages",
                column: "ReleaseAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "held_messages");

            migrationBuilder.DropColumn(
                name: "QuietFrom",
                table: "subscribers");

            migrationBuilder.DropColumn(
                name: "QuietTo",
                table: "subscribers");

            migrationBuilder.DropColumn(
                name: "Held",
                table: "alerts");
        }
    }
}
