using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AnshinMail.Rules.Storage.Migrations
{
    /// <inheritdoc />
    internal partial class WorkflowAndDelivery : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "abnormality_reports",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReporterId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UnitId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    AcknowledgedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    AcknowledgedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_abnormality_reports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "delivery_failures",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AlertId = table.Column<long>(type: "INTEGER", nullable: false),
                    SubscriberId = table.Column<long>(type: "INTEGER", nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    Code = table.Column<int>(type: "INTEGER", nullable: false),
                    Permanent = table.Column<bool>(type: "INTEGER", nullable: false),
                    Reply = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_delivery_failures", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "drafts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CategoryId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UnitId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RequestingUnitId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    AuthorId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Fields = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    TargetAreas = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    NearBorder = table.Column<bool>(type: "INTEGER", nullable: false),
                    IncidentArea = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Harm = table.Column<int>(type: "INTEGER", nullable: false),
                    VictimAge = table.Column<int>(type: "INTEGER", nullable: true),
                    VictimSex = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    FollowUpKind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    FollowUpOfAlertId = table.Column<long>(type: "INTEGER", nullable: true),
                    FromRequestId = table.Column<long>(type: "INTEGER", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    ContentHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RejectionReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    LedgerEntryId = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_drafts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "subscribers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    Categories = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Areas = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Confirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ConfirmedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Token = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Paused = table.Column<bool>(type: "INTEGER", nullable: false),
                    Suspended = table.Column<bool>(type: "INTEGER", nullable: false),
                    PermanentFailures = table.Column<int>(type: "INTEGER", nullable: false),
                    Organisation = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_subscribers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "unit_requests",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    FromUnitId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ToUnitId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DraftId = table.Column<long>(type: "INTEGER", nullable: true),
                    AlertId = table.Column<long>(type: "INTEGER", nullable: true),
                    Areas = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Payload = table.Column<string>(type: "TEXT", maxLength: 40000, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    HandledBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    HandledAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ResultDraftId = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_unit_requests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "alerts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DraftId = table.Column<long>(type: "INTEGER", nullable: false),
                    LedgerEntryId = table.Column<long>(type: "INTEGER", nullable: true),
                    CategoryId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UnitId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RequestingUnitId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Areas = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Emergency = table.Column<bool>(type: "INTEGER", nullable: false),
                    EmergencyConditions = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    ScheduledFor = table.Column<long>(type: "INTEGER", nullable: true),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SentBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    FollowUpKind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    FollowUpOfAlertId = table.Column<long>(type: "INTEGER", nullable: true),
                    ResolutionOwed = table.Column<bool>(type: "INTEGER", nullable: false),
                    ResolvedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    BatchesPlanned = table.Column<bool>(type: "INTEGER", nullable: false),
                    Recipients = table.Column<int>(type: "INTEGER", nullable: false),
                    Delivered = table.Column<int>(type: "INTEGER", nullable: false),
                    Failed = table.Column<int>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    LastErrorAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_alerts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_alerts_drafts_DraftId",
                        column: x => x.DraftId,
                        principalTable: "drafts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "approvals",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DraftId = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    ApproverId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ApproverUnitId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Regime = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    DistributorAbsent = table.Column<bool>(type: "INTEGER", nullable: false),
                    Confirmations = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    ContentHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_approvals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_approvals_drafts_DraftId",
                        column: x => x.DraftId,
                        principalTable: "drafts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "draft_versions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DraftId = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    SavedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SavedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ContentHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Fields = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    TargetAreas = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_draft_versions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_draft_versions_drafts_DraftId",
                        column: x => x.DraftId,
                        principalTable: "drafts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "delivery_batches",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AlertId = table.Column<long>(type: "INTEGER", nullable: false),
                    FromSubscriberId = table.Column<long>(type: "INTEGER", nullable: false),
                    ToSubscriberId = table.Column<long>(type: "INTEGER", nullable: false),
                    Planned = table.Column<int>(type: "INTEGER", nullable: false),
                    Done = table.Column<bool>(type: "INTEGER", nullable: false),
                    Delivered = table.Column<int>(type: "INTEGER", nullable: false),
                    Failed = table.Column<int>(type: "INTEGER", nullable: false),
                    DoneAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_delivery_batches", x => x.Id);
                    table.ForeignKey(
                        name: "FK_delivery_batches_alerts_AlertId",
                        column: x => x.AlertId,
                        principalTable: "alerts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "post_reports",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ApprovalId = table.Column<long>(type: "INTEGER", nullable: false),
                    DraftId = table.Column<long>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ReporterId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Regime = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AcknowledgedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    AcknowledgedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_post_reports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_post_reports_approvals_ApprovalId",
                        column: x => x.ApprovalId,
                        principalTable: "approvals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_alerts_DraftId",
                table: "alerts",
                column: "DraftId");

            migrationBuilder.CreateIndex(
                name: "IX_alerts_FollowUpOfAlertId",
                table: "alerts",
                column: "FollowUpOfAlertId");

            migrationBuilder.CreateIndex(
                name: "IX_alerts_Status",
                table: "alerts",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_approvals_DraftId",
                table: "approvals",
                column: "DraftId");

            migrationBuilder.CreateIndex(
                name: "IX_delivery_batches_AlertId_Done",
                table: "delivery_batches",
                columns: new[] { "AlertId", "Done" });

            migrationBuilder.CreateIndex(
                name: "IX_delivery_failures_AlertId",
                table: "delivery_failures",
                column: "AlertId");

            migrationBuilder.CreateIndex(
                name: "IX_delivery_failures_SubscriberId",
                table: "delivery_failures",
                column: "SubscriberId");

            migrationBuilder.CreateIndex(
                name: "IX_draft_versions_DraftId_Version",
                table: "draft_versions",
                columns: new[] { "DraftId", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_drafts_UnitId_Status",
                table: "drafts",
                columns: new[] { "UnitId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_post_reports_ApprovalId",
                table: "post_reports",
                column: "ApprovalId");

            migrationBuilder.CreateIndex(
                name: "IX_post_reports_UnitId_AcknowledgedAt",
                table: "post_reports",
                columns: new[] { "UnitId", "AcknowledgedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_subscribers_Email",
                table: "subscribers",
                column: "Email",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_subscribers_Token",
                table: "subscribers",
                column: "Token",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_unit_requests_ToUnitId_Status",
                table: "unit_requests",
                columns: new[] { "ToUnitId", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "abnormality_reports");

            migrationBuilder.DropTable(
                name: "delivery_batches");

            migrationBuilder.DropTable(
                name: "delivery_failures");

            migrationBuilder.DropTable(
                name: "draft_versions");

            migrationBuilder.DropTable(
                name: "post_reports");

            migrationBuilder.DropTable(
                name: "subscribers");

            migrationBuilder.DropTable(
                name: "unit_requests");

            migrationBuilder.DropTable(
                name: "alerts");

            migrationBuilder.DropTable(
                name: "approvals");

            migrationBuilder.DropTable(
                name: "drafts");
        }
    }
}
