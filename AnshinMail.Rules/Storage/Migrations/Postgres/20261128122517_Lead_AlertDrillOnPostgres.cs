using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AnshinMail.Rules.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    internal partial class Lead_AlertDrillOnPostgres : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Drill",
                table: "alerts",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "Withheld",
                table: "alerts",
                type: "integer",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Drill",
                table: "alerts");

            migrationBuilder.DropColumn(
                name: "Withheld",
                table: "alerts");
        }
    }
}
