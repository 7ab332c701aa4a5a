using System;
using Microsoft.EntityFrameworkCore.Migrations;


namespace Lodestar.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class StoredKpiResults : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<byte[]>(
                name: "Content",
                table: "submission_files",
                type: "bytea",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "bytea")
                .Annotation("Npgsql:Compression:", "lz4");

            migrationBuilder.CreateTable(
                name: "kpi_result_sets",
                columns: table => new
                {
                    CouncilCode = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    ComputedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Results = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_kpi_result_sets", x => x.CouncilCode);
                });

            migrationBuilder.CreateTable(
                name: "kpi_result_sources",
                columns: table => new
                {
                    CouncilCode = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    SubmissionId = table.Column<long>(type: "bigint", nullable: false)
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
                    CouncilCode = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    Kpi = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "date", nullable: false),
                    Category = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Value = table.Column<double>(type: "double precision", nullable: true),
                    Numerator = table.Column<double>(type: "double precision", nullable: true),
                    Denominator = table.Column<double>(type: "double precision", nullable: true)
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

            migrationBuilder.AlterColumn<byte[]>(
                name: "Content",
                table: "submission_files",
                type: "bytea",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "bytea")
                .OldAnnotation("Npgsql:Compression:", "lz4");
        }
    }
}
