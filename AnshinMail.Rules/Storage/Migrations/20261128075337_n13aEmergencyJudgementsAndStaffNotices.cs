using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AnshinMail.Rules.Storage.Migrations
{
    /// <inheritdoc />
    internal partial class n13aEmergencyJudgementsAndStaffNotices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "NotificationAddress",
                table: "person_accounts",
                type: "TEXT",
                maxLength: 254,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Emergency",
                table: "ledger_entries",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "EmergencyConditions",
                table: "ledger_entries",
                type: "TEXT",
                maxLength: 500,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "EmergencyConfirmation",
                table: "ledger_entries",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "EmergencyJudge",
                table: "ledger_entries",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "EmergencyJudgement",
                table: "ledger_entries",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "EmergencyOperator",
                table: "ledger_entries",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "emergency_judgements",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AlertId = table.Column<long>(type: "INTEGER", nullable: false),
                    DraftId = table.Column<long>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    JudgeId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    JudgedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Means = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Conditions = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    OperatorId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ConfirmedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_emergency_judgements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_emergency_judgements_alerts_AlertId",
                        column: x => x.AlertId,
                        principalTable: "alerts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "staff_notices",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    SubjectId = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DeliveredTo = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastAttemptAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    DoneAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_staff_notices", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_emergency_judgements_AlertId",
                table: "emergency_judgements",
                column: "AlertId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_emergency_judgements_UnitId_ConfirmedAt",
                table: "emergency_judgements",
                columns: new[] { "UnitId", "ConfirmedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_staff_notices_DoneAt",
                table: "staff_notices",
                column: "DoneAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "emergency_judgements");

            migrationBuilder.DropTable(
                name: "staff_notices");

            migrationBuilder.DropColumn(
                name: "NotificationAddress",
                table: "person_accounts");

            migrationBuilder.DropColumn(
                name: "Emergency",
                table: "ledger_entries");

            migrationBuilder.DropColumn(
                name: "EmergencyConditions",
                table: "ledger_entries");

            migrationBuilder.DropColumn(
                name: "EmergencyConfirmation",
                table: "ledger_entries");

            migrationBuilder.DropColumn(
                name: "EmergencyJudge",
                table: "ledger_entries");

            migrationBuilder.DropColumn(
                name: "EmergencyJudgement",
                table: "ledger_entries");

            migrationBuilder.DropColumn(
                name: "EmergencyOperator",
                table: "ledger_entries");
        }
    }
}
