using System;
using Microsoft.EntityFrameworkCore.Migrations;


namespace Lodestar.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StoredKpiResults : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "kpi_result_sets",
                columns: table => new
                {
                    CouncilCode = table.Column<string>(type: "TEXT", maxLength: 9, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    ComputedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Results = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_kpi_result_sets", x => x.CouncilCode);
                });

            migrationBuilder.CreateTable(
                name: "kpi_result_sources",
                columns: table => new
                {
                    CouncilCode = table.Column<string>(type: "TEXT", maxLength: 9, nullable: false),
                    SubmissionId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_kpi_result_sources", x => new { x.CouncilCode, x.SubmissionId });
                    table.ForeignKey(
                        name: "FK_kpi_result_sources_submissions_SubmissionId",
                        column: x => x.SubmissionId,
                        principalTable: "submissions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "kpi_results",
                columns: table => new
                {
                    CouncilCode = table.Column<string>(type: "TEXT", maxLength: 9, nullable: false),
                    Kpi = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Value = table.Column<double>(type: "REAL", nullable: true),
                    Numerator = table.Column<double>(type: "REAL", nullable: true),
                    Denominator = table.Column<double>(type: "REAL", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_kpi_results", x => new { x.CouncilCode, x.Kpi, x.PeriodStart, x.PeriodEnd, x.Category });
                });

            migrationBuilder.CreateIndex(
                name: "IX_kpi_result_sources_SubmissionId",
                table: "kpi_result_sources",
                column: "SubmissionId");

            migrationBuilder.CreateIndex(
                name: "IX_kpi_results_Kpi_PeriodEnd_PeriodStart",
                table: "kpi_results",
                columns: new[] { "Kpi", "PeriodEnd", "PeriodStart" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "kpi_result_sets");

            migrationBuilder.DropTable(
                name: "kpi_result_sources");

            migrationBuilder.DropTable(
                name: "kpi_results");
        }
    }
}
