using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AnshinMail.Rules.Storage.Migrations
{
    /// <inheritdoc />
    internal partial class n13bRoutingConsultationRelay : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Answer",
                table: "unit_requests",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Body",
                table: "unit_requests",
                type: "TEXT",
                maxLength: 20000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DivisionInCharge",
                table: "unit_requests",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "DraftVersion",
                table: "unit_requests",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ForwardedFromRequestId",
                table: "unit_requests",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ForwardedToRequestId",
                table: "unit_requests",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Note",
                table: "unit_requests",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Reason",
                table: "unit_requests",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Subject",
                table: "unit_requests",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "UpdatedAt",
                table: "unit_requests",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DivisionInCharge",
                table: "drafts",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HarmReason",
                table: "drafts",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "YahooRelayTo",
                table: "alerts",
                type: "TEXT",
                maxLength: 64,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Answer",
                table: "unit_requests");

            migrationBuilder.DropColumn(
                name: "Body",
                table: "unit_requests");

            migrationBuilder.DropColumn(
                name: "DivisionInCharge",
                table: "unit_requests");

            migrationBuilder.DropColumn(
                name: "DraftVersion",
                table: "unit_requests");

            migrationBuilder.DropColumn(
                name: "ForwardedFromRequestId",
                table: "unit_requests");

            migrationBuilder.DropColumn(
                name: "ForwardedToRequestId",
                table: "unit_requests");

            migrationBuilder.DropColumn(
                name: "Note",
                table: "unit_requests");

            migrationBuilder.DropColumn(
                name: "Reason",
                table: "unit_requests");

            migrationBuilder.DropColumn(
                name: "Subject",
                table: "unit_requests");

            migrationBuilder.DropColumn(
                name: "UpdatedAt",
                table: "unit_requests");

            migrationBuilder.DropColumn(
                name: "DivisionInCharge",
                table: "drafts");

            migrationBuilder.DropColumn(
                name: "HarmReason",
                table: "drafts");

            migrationBuilder.DropColumn(
                name: "YahooRelayTo",
                table: "alerts");
        }
    }
}
