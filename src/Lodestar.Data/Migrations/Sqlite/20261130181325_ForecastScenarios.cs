using System;
using Microsoft.EntityFrameworkCore.Migrations;


namespace Lodestar.Data.Migrations.Sqlite
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CouncilCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EntryFactor = table.Column<double>(type: "REAL", nullable: false),
                    EntryFactorByBand = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ResidentialToFosterFactor = table.Column<double>(type: "REAL", nullable: false),
                    ExitFactor = table.Column<double>(type: "REAL", nullable: false),
                    ActionPlanId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Workstream = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    SavedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SavedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
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
