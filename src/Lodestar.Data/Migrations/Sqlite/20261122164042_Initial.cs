using System;
using Microsoft.EntityFrameworkCore.Migrations;


namespace Lodestar.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "action_plans",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlanId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Council = table.Column<string>(type: "TEXT", maxLength: 9, nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AsAt = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    WarningWindowDays = table.Column<int>(type: "INTEGER", nullable: false),
                    Notes = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_action_plans", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "audit_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Details = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_events", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "benchmark_measures",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Polarity = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 600, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_benchmark_measures", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "benchmark_values",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MeasureId = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Year = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Level = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AreaCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    AreaName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    Value = table.Column<decimal>(type: "TEXT", precision: 19, scale: 4, nullable: true),
                    Suppression = table.Column<string>(type: "TEXT", maxLength: 4, nullable: true),
                    SourceFile = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_benchmark_values", x => x.Id);
                    table.CheckConstraint("CK_benchmark_values_value_or_suppression", "(\"Value\" IS NULL) <> (\"Suppression\" IS NULL)");
                });

            migrationBuilder.CreateTable(
                name: "benefits_registers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RegisterId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Notes = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_benefits_registers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "councils",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 9, nullable: false),
                    LaNumber = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Region = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_councils", x => x.Id);
                    table.UniqueConstraint("AK_councils_Code", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "frameworks",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PeriodText = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Notes = table.Column<string>(type: "TEXT", nullable: true),
                    RagRule = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_frameworks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "measures",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DefinedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Group = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Polarity = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Decimals = table.Column<int>(type: "INTEGER", nullable: true),
                    SourceKind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SourceReference = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Frequency = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Forum = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Contractual = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Responsibility = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Why = table.Column<string>(type: "TEXT", nullable: true),
                    Tags = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_measures", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "savings_plans",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlanId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ActionPlanId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Years = table.Column<string>(type: "TEXT", nullable: false),
                    PlacementYear = table.Column<string>(type: "TEXT", maxLength: 7, nullable: true),
                    Notes = table.Column<string>(type: "TEXT", nullable: true),
                    StatedPlacementBpSavingsK = table.Column<decimal>(type: "TEXT", precision: 18, scale: 3, nullable: true),
                    StatedPlacementBudgetTransfersK = table.Column<decimal>(type: "TEXT", precision: 18, scale: 3, nullable: true),
                    StatedPlacementTotalK = table.Column<decimal>(type: "TEXT", precision: 18, scale: 3, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_savings_plans", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "statistical_neighbours",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CouncilCode = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    NeighbourCode = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Closeness = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_statistical_neighbours", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "users",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PasswordHash = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    FailedSignIns = table.Column<int>(type: "INTEGER", nullable: false),
                    LockedUntil = table.Column<DateTimeOffset>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_users", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "action_history",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlanRecordId = table.Column<int>(type: "INTEGER", nullable: false),
                    ItemKind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ItemNumber = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    Rag = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_action_history", x => x.Id);
                    table.ForeignKey(
                        name: "FK_action_history_action_plans_PlanRecordId",
                        column: x => x.PlanRecordId,
                        principalTable: "action_plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "action_items",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlanRecordId = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Title = table.Column<string>(type: "TEXT", nullable: false),
                    Description = table.Column<string>(type: "TEXT", nullable: true),
                    Leads = table.Column<string>(type: "TEXT", nullable: true),
                    TargetAgeGroup = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Priority = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    ImpactObjective = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    ExpectedImpact = table.Column<string>(type: "TEXT", nullable: true),
                    HowMeasured = table.Column<string>(type: "TEXT", nullable: true),
                    TargetSavingK = table.Column<decimal>(type: "TEXT", precision: 18, scale: 3, nullable: true),
                    TargetReduction52Wk = table.Column<decimal>(type: "TEXT", precision: 18, scale: 3, nullable: true),
                    RecordedRag = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    TargetEnd = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RevisedEnd = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Completed = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Measures = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_action_items", x => x.Id);
                    table.ForeignKey(
                        name: "FK_action_items_action_plans_PlanRecordId",
                        column: x => x.PlanRecordId,
                        principalTable: "action_plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "action_plan_targets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlanRecordId = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    MeasureId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CouncilCode = table.Column<string>(type: "TEXT", maxLength: 9, nullable: true),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Value = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_action_plan_targets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_action_plan_targets_action_plans_PlanRecordId",
                        column: x => x.PlanRecordId,
                        principalTable: "action_plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "benefit_realised",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RegisterRecordId = table.Column<int>(type: "INTEGER", nullable: false),
                    BenefitId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Value = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    Note = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_benefit_realised", x => x.Id);
                    table.ForeignKey(
                        name: "FK_benefit_realised_benefits_registers_RegisterRecordId",
                        column: x => x.RegisterRecordId,
                        principalTable: "benefits_registers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "benefits",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RegisterRecordId = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    BenefitId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", nullable: false),
                    Financial = table.Column<bool>(type: "INTEGER", nullable: false),
                    Timing = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    HowMeasured = table.Column<string>(type: "TEXT", nullable: true),
                    Baseline = table.Column<string>(type: "TEXT", nullable: true),
                    BaselineValue = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    Target = table.Column<string>(type: "TEXT", nullable: true),
                    ValuePerYear = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    ConfidencePercent = table.Column<int>(type: "INTEGER", nullable: false),
                    Measures = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_benefits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_benefits_benefits_registers_RegisterRecordId",
                        column: x => x.RegisterRecordId,
                        principalTable: "benefits_registers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "framework_nodes",
                columns: table => new
                {
                    Key = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FrameworkId = table.Column<string>(type: "TEXT", nullable: false),
                    NodeId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ParentNodeId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Depth = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Description = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_framework_nodes", x => x.Key);
                    table.ForeignKey(
                        name: "FK_framework_nodes_frameworks_FrameworkId",
                        column: x => x.FrameworkId,
                        principalTable: "frameworks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "framework_tag_sets",
                columns: table => new
                {
                    Key = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FrameworkId = table.Column<string>(type: "TEXT", nullable: false),
                    SetId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_framework_tag_sets", x => x.Key);
                    table.ForeignKey(
                        name: "FK_framework_tag_sets_frameworks_FrameworkId",
                        column: x => x.FrameworkId,
                        principalTable: "frameworks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "periodic_values",
                columns: table => new
                {
                    Key = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MeasureId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Council = table.Column<string>(type: "TEXT", maxLength: 9, nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PeriodKind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Value = table.Column<decimal>(type: "TEXT", nullable: false),
                    Numerator = table.Column<decimal>(type: "TEXT", nullable: true),
                    Denominator = table.Column<decimal>(type: "TEXT", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    EnteredBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    EnteredAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_periodic_values", x => x.Key);
                    table.ForeignKey(
                        name: "FK_periodic_values_councils_Council",
                        column: x => x.Council,
                        principalTable: "councils",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_periodic_values_measures_MeasureId",
                        column: x => x.MeasureId,
                        principalTable: "measures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "targets",
                columns: table => new
                {
                    Key = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MeasureId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Council = table.Column<string>(type: "TEXT", maxLength: 9, nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PeriodKind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Value = table.Column<decimal>(type: "TEXT", nullable: false),
                    ToleranceAmount = table.Column<decimal>(type: "TEXT", nullable: true),
                    ToleranceKind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Profile = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_targets", x => x.Key);
                    table.ForeignKey(
                        name: "FK_targets_councils_Council",
                        column: x => x.Council,
                        principalTable: "councils",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_targets_measures_MeasureId",
                        column: x => x.MeasureId,
                        principalTable: "measures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "savings_objectives",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SavingsPlanRecordId = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Objective = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    BpReference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    PlacementTypes = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_savings_objectives", x => x.Id);
                    table.ForeignKey(
                        name: "FK_savings_objectives_savings_plans_SavingsPlanRecordId",
                        column: x => x.SavingsPlanRecordId,
                        principalTable: "savings_plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "savings_placement_lines",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SavingsPlanRecordId = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    PlacementType = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    BpSavingsK = table.Column<decimal>(type: "TEXT", precision: 18, scale: 3, nullable: false),
                    BudgetTransfersK = table.Column<decimal>(type: "TEXT", precision: 18, scale: 3, nullable: false),
                    UnsplitK = table.Column<decimal>(type: "TEXT", precision: 18, scale: 3, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_savings_placement_lines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_savings_placement_lines_savings_plans_SavingsPlanRecordId",
                        column: x => x.SavingsPlanRecordId,
                        principalTable: "savings_plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "savings_stated_totals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SavingsPlanRecordId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    ValueK = table.Column<decimal>(type: "TEXT", precision: 18, scale: 3, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_savings_stated_totals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_savings_stated_totals_savings_plans_SavingsPlanRecordId",
                        column: x => x.SavingsPlanRecordId,
                        principalTable: "savings_plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_roles",
                columns: table => new
                {
                    UserId = table.Column<int>(type: "INTEGER", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_user_roles", x => new { x.UserId, x.Role });
                    table.ForeignKey(
                        name: "FK_user_roles_users_UserId",
                        column: x => x.UserId,
                        principalTable: "users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "framework_intentions",
                columns: table => new
                {
                    Key = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    NodeKey = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    Tags = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_framework_intentions", x => x.Key);
                    table.ForeignKey(
                        name: "FK_framework_intentions_framework_nodes_NodeKey",
                        column: x => x.NodeKey,
                        principalTable: "framework_nodes",
                        principalColumn: "Key",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "framework_node_measures",
                columns: table => new
                {
                    Key = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    NodeKey = table.Column<int>(type: "INTEGER", nullable: false),
                    MeasureId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_framework_node_measures", x => x.Key);
                    table.ForeignKey(
                        name: "FK_framework_node_measures_framework_nodes_NodeKey",
                        column: x => x.NodeKey,
                        principalTable: "framework_nodes",
                        principalColumn: "Key",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_framework_node_measures_measures_MeasureId",
                        column: x => x.MeasureId,
                        principalTable: "measures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "framework_tags",
                columns: table => new
                {
                    Key = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TagSetKey = table.Column<int>(type: "INTEGER", nullable: false),
                    TagId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_framework_tags", x => x.Key);
                    table.ForeignKey(
                        name: "FK_framework_tags_framework_tag_sets_TagSetKey",
                        column: x => x.TagSetKey,
                        principalTable: "framework_tag_sets",
                        principalColumn: "Key",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "savings_objective_values",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SavingsObjectiveRecordId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    ValueK = table.Column<decimal>(type: "TEXT", precision: 18, scale: 3, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_savings_objective_values", x => x.Id);
                    table.ForeignKey(
                        name: "FK_savings_objective_values_savings_objectives_SavingsObjectiveRecordId",
                        column: x => x.SavingsObjectiveRecordId,
                        principalTable: "savings_objectives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_action_history_PlanRecordId_ItemKind_ItemNumber_Sequence",
                table: "action_history",
                columns: new[] { "PlanRecordId", "ItemKind", "ItemNumber", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_action_items_PlanRecordId_Kind_Number",
                table: "action_items",
                columns: new[] { "PlanRecordId", "Kind", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_action_plan_targets_PlanRecordId",
                table: "action_plan_targets",
                column: "PlanRecordId");

            migrationBuilder.CreateIndex(
                name: "IX_action_plans_PlanId",
                table: "action_plans",
                column: "PlanId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_audit_events_At",
                table: "audit_events",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_benchmark_values_MeasureId_Year_Level_AreaCode",
                table: "benchmark_values",
                columns: new[] { "MeasureId", "Year", "Level", "AreaCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_benefit_realised_RegisterRecordId",
                table: "benefit_realised",
                column: "RegisterRecordId");

            migrationBuilder.CreateIndex(
                name: "IX_benefits_RegisterRecordId_BenefitId",
                table: "benefits",
                columns: new[] { "RegisterRecordId", "BenefitId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_benefits_registers_RegisterId",
                table: "benefits_registers",
                column: "RegisterId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_councils_Code",
                table: "councils",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_councils_LaNumber",
                table: "councils",
                column: "LaNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_framework_intentions_NodeKey",
                table: "framework_intentions",
                column: "NodeKey");

            migrationBuilder.CreateIndex(
                name: "IX_framework_node_measures_MeasureId",
                table: "framework_node_measures",
                column: "MeasureId");

            migrationBuilder.CreateIndex(
                name: "IX_framework_node_measures_NodeKey_MeasureId",
                table: "framework_node_measures",
                columns: new[] { "NodeKey", "MeasureId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_framework_nodes_FrameworkId_NodeId",
                table: "framework_nodes",
                columns: new[] { "FrameworkId", "NodeId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_framework_tag_sets_FrameworkId_SetId",
                table: "framework_tag_sets",
                columns: new[] { "FrameworkId", "SetId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_framework_tags_TagSetKey_TagId",
                table: "framework_tags",
                columns: new[] { "TagSetKey", "TagId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_measures_DefinedBy",
                table: "measures",
                column: "DefinedBy");

            migrationBuilder.CreateIndex(
                name: "IX_periodic_values_Council",
                table: "periodic_values",
                column: "Council");

            migrationBuilder.CreateIndex(
                name: "IX_periodic_values_MeasureId_Council_PeriodStart_PeriodEnd",
                table: "periodic_values",
                columns: new[] { "MeasureId", "Council", "PeriodStart", "PeriodEnd" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_savings_objective_values_SavingsObjectiveRecordId",
                table: "savings_objective_values",
                column: "SavingsObjectiveRecordId");

            migrationBuilder.CreateIndex(
                name: "IX_savings_objectives_SavingsPlanRecordId",
                table: "savings_objectives",
                column: "SavingsPlanRecordId");

            migrationBuilder.CreateIndex(
                name: "IX_savings_placement_lines_SavingsPlanRecordId",
                table: "savings_placement_lines",
                column: "SavingsPlanRecordId");

            migrationBuilder.CreateIndex(
                name: "IX_savings_plans_ActionPlanId",
                table: "savings_plans",
                column: "ActionPlanId");

            migrationBuilder.CreateIndex(
                name: "IX_savings_plans_PlanId",
                table: "savings_plans",
                column: "PlanId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_savings_stated_totals_SavingsPlanRecordId",
                table: "savings_stated_totals",
                column: "SavingsPlanRecordId");

            migrationBuilder.CreateIndex(
                name: "IX_statistical_neighbours_CouncilCode_Position",
                table: "statistical_neighbours",
                columns: new[] { "CouncilCode", "Position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_targets_Council",
                table: "targets",
                column: "Council");

            migrationBuilder.CreateIndex(
                name: "IX_targets_MeasureId_Council_PeriodStart_PeriodEnd",
                table: "targets",
                columns: new[] { "MeasureId", "Council", "PeriodStart", "PeriodEnd" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_users_UserName",
                table: "users",
                column: "UserName",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "action_history");

            migrationBuilder.DropTable(
                name: "action_items");

            migrationBuilder.DropTable(
                name: "action_plan_targets");

            migrationBuilder.DropTable(
                name: "audit_events");

            migrationBuilder.DropTable(
                name: "benchmark_measures");

            migrationBuilder.DropTable(
                name: "benchmark_values");

            migrationBuilder.DropTable(
                name: "benefit_realised");

            migrationBuilder.DropTable(
                name: "benefits");

            migrationBuilder.DropTable(
                name: "framework_intentions");

            migrationBuilder.DropTable(
                name: "framework_node_measures");

            migrationBuilder.DropTable(
                name: "framework_tags");

            migrationBuilder.DropTable(
                name: "periodic_values");

            migrationBuilder.DropTable(
                name: "savings_objective_values");

            migrationBuilder.DropTable(
                name: "savings_placement_lines");

            migrationBuilder.DropTable(
                name: "savings_stated_totals");

            migrationBuilder.DropTable(
                name: "statistical_neighbours");

            migrationBuilder.DropTable(
                name: "targets");

            migrationBuilder.DropTable(
                name: "user_roles");

            migrationBuilder.DropTable(
                name: "action_plans");

            migrationBuilder.DropTable(
                name: "benefits_registers");

            migrationBuilder.DropTable(
                name: "framework_nodes");

            migrationBuilder.DropTable(
                name: "framework_tag_sets");

            migrationBuilder.DropTable(
                name: "savings_objectives");

            migrationBuilder.DropTable(
                name: "councils");

            migrationBuilder.DropTable(
                name: "measures");

            migrationBuilder.DropTable(
                name: "users");

            migrationBuilder.DropTable(
                name: "frameworks");

            migrationBuilder.DropTable(
                name: "savings_plans");
        }
    }
}
