using System;
using Microsoft.EntityFrameworkCore.Migrations;


namespace Lodestar.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Frameworks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddUniqueConstraint(
                name: "AK_councils_Code",
                table: "councils",
                column: "Code");

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
                name: "IX_targets_Council",
                table: "targets",
                column: "Council");

            migrationBuilder.CreateIndex(
                name: "IX_targets_MeasureId_Council_PeriodStart_PeriodEnd",
                table: "targets",
                columns: new[] { "MeasureId", "Council", "PeriodStart", "PeriodEnd" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "framework_intentions");

            migrationBuilder.DropTable(
                name: "framework_node_measures");

            migrationBuilder.DropTable(
                name: "framework_tags");

            migrationBuilder.DropTable(
                name: "periodic_values");

            migrationBuilder.DropTable(
                name: "targets");

            migrationBuilder.DropTable(
                name: "framework_nodes");

            migrationBuilder.DropTable(
                name: "framework_tag_sets");

            migrationBuilder.DropTable(
                name: "measures");

            migrationBuilder.DropTable(
                name: "frameworks");

            migrationBuilder.DropUniqueConstraint(
                name: "AK_councils_Code",
                table: "councils");
        }
    }
}
