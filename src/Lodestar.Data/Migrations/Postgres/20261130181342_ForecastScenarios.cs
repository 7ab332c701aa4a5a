using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;


namespace Lodestar.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ForecastScenarios : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "forecast_scenarios",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CouncilCode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    EntryFactor = table.Column<double>(type: "double precision", nullable: false),
                    EntryFactorByBand = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ResidentialToFosterFactor = table.Column<double>(type: "double precision", nullable: false),
                    ExitFactor = table.Column<double>(type: "double precision", nullable: false),
                    ActionPlanId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Workstream = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    SavedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SavedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_forecast_scenarios", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_forecast_scenarios_CouncilCode_Name",
                table: "forecast_scenarios",
                columns: new[] { "CouncilCode", "Name" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "forecast_scenarios");
        }
    }
}
