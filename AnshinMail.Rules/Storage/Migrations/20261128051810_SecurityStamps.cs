using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AnshinMail.Rules.Storage.Migrations
{
    /// <inheritdoc />
    internal partial class SecurityStamps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SecurityStamp",
                table: "person_accounts",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            // Every existing account gets its own stamp; sessions begun before this migration carry none and end.
            migrationBuilder.Sql("UPDATE person_accounts SET SecurityStamp = lower(hex(randomblob(16)));");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SecurityStamp",
                table: "person_accounts");
        }
    }
}
