using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace AnshinMail.Rules.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class HPg_Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "abnormality_reports",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ReporterId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UnitId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    At = table.Column<long>(type: "bigint", nullable: false),
                    AcknowledgedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    AcknowledgedAt = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_abnormality_reports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "app_settings",
                columns: table => new
                {
                    Key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Value = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_app_settings", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "audit_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    At = table.Column<long>(type: "bigint", nullable: false),
                    Actor = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UnitId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Action = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Target = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Outcome = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Detail = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_events", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "delivery_failures",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AlertId = table.Column<long>(type: "bigint", nullable: false),
                    SubscriberId = table.Column<long>(type: "bigint", nullable: false),
                    Email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    Code = table.Column<int>(type: "integer", nullable: false),
                    Permanent = table.Column<bool>(type: "boolean", nullable: false),
                    Reply = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    At = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_delivery_failures", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "drafts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CategoryId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UnitId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RequestingUnitId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    AuthorId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Fields = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    TargetAreas = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    NearBorder = table.Column<bool>(type: "boolean", nullable: false),
                    IncidentArea = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Harm = table.Column<int>(type: "integer", nullable: false),
                    HarmReason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    DivisionInCharge = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    VictimAge = table.Column<int>(type: "integer", nullable: true),
                    VictimSex = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    FollowUpKind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    FollowUpOfAlertId = table.Column<long>(type: "bigint", nullable: true),
                    FromRequestId = table.Column<long>(type: "bigint", nullable: true),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    ContentHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RejectionReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    LedgerEntryId = table.Column<long>(type: "bigint", nullable: true),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    UpdatedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_drafts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "held_messages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AlertId = table.Column<long>(type: "bigint", nullable: false),
                    SubscriberId = table.Column<long>(type: "bigint", nullable: false),
                    ReleaseAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_held_messages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ledger_entries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Serial = table.Column<int>(type: "integer", nullable: false),
                    CategoryId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SendingUnitId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RequestingUnitId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    AuthorId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ApproverId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Regime = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    PostReportStatus = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Confirmations = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    ApprovedAt = table.Column<long>(type: "bigint", nullable: false),
                    ScheduledFor = table.Column<long>(type: "bigint", nullable: true),
                    SentAt = table.Column<long>(type: "bigint", nullable: true),
                    Recipients = table.Column<int>(type: "integer", nullable: false),
                    FollowUps = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Withdrawal = table.Column<string>(type: "character varying(1200)", maxLength: 1200, nullable: false),
                    Closure = table.Column<string>(type: "character varying(1200)", maxLength: 1200, nullable: false),
                    Emergency = table.Column<bool>(type: "boolean", nullable: false),
                    EmergencyConditions = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    EmergencyJudge = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    EmergencyJudgement = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    EmergencyOperator = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    EmergencyConfirmation = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Subject = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Body = table.Column<string>(type: "text", nullable: false),
                    Approvals = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ledger_entries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "person_accounts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DisplayName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    UnitId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Roles = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    PasswordHash = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    PasswordSetAt = table.Column<long>(type: "bigint", nullable: false),
                    MustChangePassword = table.Column<bool>(type: "boolean", nullable: false),
                    FailedSignIns = table.Column<int>(type: "integer", nullable: false),
                    LockedUntil = table.Column<long>(type: "bigint", nullable: true),
                    Disabled = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    NotificationAddress = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    SecurityStamp = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_person_accounts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "registration_links",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Nonce = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    ExpiresAt = table.Column<long>(type: "bigint", nullable: false),
                    StationId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_registration_links", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "staff_notices",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    SubjectId = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    DeliveredTo = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    LastAttemptAt = table.Column<long>(type: "bigint", nullable: true),
                    LastError = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    DoneAt = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_staff_notices", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "subscribers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    Categories = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Areas = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Confirmed = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    ConfirmedAt = table.Column<long>(type: "bigint", nullable: true),
                    Token = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Paused = table.Column<bool>(type: "boolean", nullable: false),
                    Suspended = table.Column<bool>(type: "boolean", nullable: false),
                    PermanentFailures = table.Column<int>(type: "integer", nullable: false),
                    Organisation = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    OrganisationContact = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ConfirmationNonce = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ConfirmationExpiresAt = table.Column<long>(type: "bigint", nullable: true),
                    LastMailAt = table.Column<long>(type: "bigint", nullable: true),
                    PendingEmail = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    EmailChangeNonce = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    EmailChangeExpiresAt = table.Column<long>(type: "bigint", nullable: true),
                    QuietFrom = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: true),
                    QuietTo = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_subscribers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "unit_requests",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    FromUnitId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ToUnitId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    DraftId = table.Column<long>(type: "bigint", nullable: true),
                    AlertId = table.Column<long>(type: "bigint", nullable: true),
                    Areas = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Payload = table.Column<string>(type: "character varying(40000)", maxLength: 40000, nullable: true),
                    FollowUpKind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    HandledBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    HandledAt = table.Column<long>(type: "bigint", nullable: true),
                    ResultDraftId = table.Column<long>(type: "bigint", nullable: true),
                    DivisionInCharge = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ForwardedFromRequestId = table.Column<long>(type: "bigint", nullable: true),
                    ForwardedToRequestId = table.Column<long>(type: "bigint", nullable: true),
                    Reason = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Answer = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Subject = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Body = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    DraftVersion = table.Column<int>(type: "integer", nullable: true),
                    UpdatedAt = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_unit_requests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "webhook_deliveries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    WebhookId = table.Column<long>(type: "bigint", nullable: false),
                    AlertId = table.Column<long>(type: "bigint", nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    NextAttemptAt = table.Column<long>(type: "bigint", nullable: false),
                    LastStatusCode = table.Column<int>(type: "integer", nullable: true),
                    LastError = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    DeliveredAt = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_webhook_deliveries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "webhooks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SubscriberId = table.Column<long>(type: "bigint", nullable: false),
                    Url = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Secret = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Active = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_webhooks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "alerts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DraftId = table.Column<long>(type: "bigint", nullable: false),
                    LedgerEntryId = table.Column<long>(type: "bigint", nullable: true),
                    CategoryId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UnitId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RequestingUnitId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Areas = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Subject = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Body = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Emergency = table.Column<bool>(type: "boolean", nullable: false),
                    EmergencyConditions = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    ScheduledFor = table.Column<long>(type: "bigint", nullable: true),
                    StartedAt = table.Column<long>(type: "bigint", nullable: true),
                    SentAt = table.Column<long>(type: "bigint", nullable: true),
                    SentBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    FollowUpKind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    FollowUpOfAlertId = table.Column<long>(type: "bigint", nullable: true),
                    YahooRelayTo = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ResolutionOwed = table.Column<bool>(type: "boolean", nullable: false),
                    ResolvedAt = table.Column<long>(type: "bigint", nullable: true),
                    StoppedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    StoppedAt = table.Column<long>(type: "bigint", nullable: true),
                    StopReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    WithdrawnBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    WithdrawnAt = table.Column<long>(type: "bigint", nullable: true),
                    WithdrawalReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ClosedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ClosedAt = table.Column<long>(type: "bigint", nullable: true),
                    CloseReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    AudienceOfAlertId = table.Column<long>(type: "bigint", nullable: true),
                    BatchesPlanned = table.Column<bool>(type: "boolean", nullable: false),
                    Recipients = table.Column<int>(type: "integer", nullable: false),
                    Delivered = table.Column<int>(type: "integer", nullable: false),
                    Failed = table.Column<int>(type: "integer", nullable: false),
                    Held = table.Column<int>(type: "integer", nullable: false),
                    LastError = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    LastErrorAt = table.Column<long>(type: "bigint", nullable: true)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DraftId = table.Column<long>(type: "bigint", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    ApproverId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ApproverUnitId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Regime = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    DistributorAbsent = table.Column<bool>(type: "boolean", nullable: false),
                    Confirmations = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    ContentHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    At = table.Column<long>(type: "bigint", nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DraftId = table.Column<long>(type: "bigint", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    SavedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SavedAt = table.Column<long>(type: "bigint", nullable: false),
                    ContentHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Fields = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    TargetAreas = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AlertId = table.Column<long>(type: "bigint", nullable: false),
                    FromSubscriberId = table.Column<long>(type: "bigint", nullable: false),
                    ToSubscriberId = table.Column<long>(type: "bigint", nullable: false),
                    Planned = table.Column<int>(type: "integer", nullable: false),
                    Done = table.Column<bool>(type: "boolean", nullable: false),
                    Delivered = table.Column<int>(type: "integer", nullable: false),
                    Failed = table.Column<int>(type: "integer", nullable: false),
                    DoneAt = table.Column<long>(type: "bigint", nullable: true)
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
                name: "emergency_judgements",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AlertId = table.Column<long>(type: "bigint", nullable: false),
                    DraftId = table.Column<long>(type: "bigint", nullable: false),
                    UnitId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    JudgeId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    JudgedAt = table.Column<long>(type: "bigint", nullable: false),
                    Means = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Conditions = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    OperatorId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    ConfirmedAt = table.Column<long>(type: "bigint", nullable: true)
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
                name: "post_reports",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ApprovalId = table.Column<long>(type: "bigint", nullable: false),
                    DraftId = table.Column<long>(type: "bigint", nullable: false),
                    UnitId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ReporterId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Regime = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    AcknowledgedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    AcknowledgedAt = table.Column<long>(type: "bigint", nullable: true)
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
                name: "IX_audit_events_Actor_At",
                table: "audit_events",
                columns: new[] { "Actor", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_audit_events_At",
                table: "audit_events",
                column: "At");

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
                name: "IX_emergency_judgements_AlertId",
                table: "emergency_judgements",
                column: "AlertId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_emergency_judgements_UnitId_ConfirmedAt",
                table: "emergency_judgements",
                columns: new[] { "UnitId", "ConfirmedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_held_messages_AlertId_SubscriberId",
                table: "held_messages",
                columns: new[] { "AlertId", "SubscriberId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_held_messages_ReleaseAt",
                table: "held_messages",
                column: "ReleaseAt");

            migrationBuilder.CreateIndex(
                name: "IX_ledger_entries_Year_Serial",
                table: "ledger_entries",
                columns: new[] { "Year", "Serial" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_person_accounts_UserId",
                table: "person_accounts",
                column: "UserId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_post_reports_ApprovalId",
                table: "post_reports",
                column: "ApprovalId");

            migrationBuilder.CreateIndex(
                name: "IX_post_reports_UnitId_AcknowledgedAt",
                table: "post_reports",
                columns: new[] { "UnitId", "AcknowledgedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_registration_links_Email",
                table: "registration_links",
                column: "Email");

            migrationBuilder.CreateIndex(
                name: "IX_registration_links_ExpiresAt",
                table: "registration_links",
                column: "ExpiresAt");

            migrationBuilder.CreateIndex(
                name: "IX_registration_links_Nonce",
                table: "registration_links",
                column: "Nonce",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_staff_notices_DoneAt",
                table: "staff_notices",
                column: "DoneAt");

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

            migrationBuilder.CreateIndex(
                name: "IX_webhook_deliveries_Status_NextAttemptAt",
                table: "webhook_deliveries",
                columns: new[] { "Status", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_webhook_deliveries_WebhookId_AlertId",
                table: "webhook_deliveries",
                columns: new[] { "WebhookId", "AlertId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_webhooks_SubscriberId",
                table: "webhooks",
                column: "SubscriberId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "abnormality_reports");

            migrationBuilder.DropTable(
                name: "app_settings");

            migrationBuilder.DropTable(
                name: "audit_events");

            migrationBuilder.DropTable(
                name: "delivery_batches");

            migrationBuilder.DropTable(
                name: "delivery_failures");

            migrationBuilder.DropTable(
                name: "draft_versions");

            migrationBuilder.DropTable(
                name: "emergency_judgements");

            migrationBuilder.DropTable(
                name: "held_messages");

            migrationBuilder.DropTable(
                name: "ledger_entries");

            migrationBuilder.DropTable(
                name: "person_accounts");

            migrationBuilder.DropTable(
                name: "post_reports");

            migrationBuilder.DropTable(
                name: "registration_links");

            migrationBuilder.DropTable(
                name: "staff_notices");

            migrationBuilder.DropTable(
                name: "subscribers");

            migrationBuilder.DropTable(
                name: "unit_requests");

            migrationBuilder.DropTable(
                name: "webhook_deliveries");

            migrationBuilder.DropTable(
                name: "webhooks");

            migrationBuilder.DropTable(
                name: "alerts");

            migrationBuilder.DropTable(
                name: "approvals");

            migrationBuilder.DropTable(
                name: "drafts");
        }
    }
}
