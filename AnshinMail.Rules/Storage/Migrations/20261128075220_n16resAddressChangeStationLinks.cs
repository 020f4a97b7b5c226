using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AnshinMail.Rules.Storage.Migrations
{
    /// <inheritdoc />
    internal partial class n16resAddressChangeStationLinks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "EmailChangeExpiresAt",
                table: "subscribers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EmailChangeNonce",
                table: "subscribers",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PendingEmail",
                table: "subscribers",
                type: "TEXT",
                maxLength: 254,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "StationId",
                table: "registration_links",
                type: "TEXT",
                maxLength: 64,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "EmailChangeExpiresAt",
                table: "subscribers");

            migrationBuilder.DropColumn(
                name: "EmailChangeNonce",
                table: "subscribers");

            migrationBuilder.DropColumn(
                name: "PendingEmail",
                table: "subscribers");

            migrationBuilder.DropColumn(
                name: "StationId",
                table: "registration_links");
        }
    }
}
