using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AnshinMail.Rules.Storage.Migrations
{
    /// <inheritdoc />
    internal partial class AlertStopWithdrawClose : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Closure",
                table: "ledger_entries",
                type: "TEXT",
                maxLength: 1200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Withdrawal",
                table: "ledger_entries",
                type: "TEXT",
                maxLength: 1200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "AudienceOfAlertId",
                table: "alerts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CloseReason",
                table: "alerts",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ClosedAt",
                table: "alerts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClosedBy",
                table: "alerts",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "StopReason",
                table: "alerts",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "StoppedAt",
                table: "alerts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "StoppedBy",
                table: "alerts",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WithdrawalReason",
                table: "alerts",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "WithdrawnAt",
                table: "alerts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WithdrawnBy",
                table: "alerts",
                type: "TEXT",
                maxLength: 64,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Closure",
                table: "ledger_entries");

            migrationBuilder.DropColumn(
                name: "Withdrawal",
                table: "ledger_entries");

            migrationBuilder.DropColumn(
                name: "AudienceOfAlertId",
                table: "alerts");

            migrationBuilder.DropColumn(
                name: "CloseReason",
                table: "alerts");

            migrationBuilder.DropColumn(
                name: "ClosedAt",
                table: "alerts");

            migrationBuilder.DropColumn(
                name: "ClosedBy",
                table: "alerts");

            migrationBuilder.DropColumn(
                name: "StopReason",
                table: "alerts");

            migrationBuilder.DropColumn(
                name: "StoppedAt",
                table: "alerts");

            migrationBuilder.DropColumn(
                name: "StoppedBy",
                table: "alerts");

            migrationBuilder.DropColumn(
                name: "WithdrawalReason",
                table: "alerts");

            migrationBuilder.DropColumn(
                name: "WithdrawnAt",
                table: "alerts");

            migrationBuilder.DropColumn(
                name: "WithdrawnBy",
                table: "alerts");
        }
    }
}
