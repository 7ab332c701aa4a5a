using System;
using Microsoft.EntityFrameworkCore.Migrations;


namespace Lodestar.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class BoardPacks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "pack_commentary",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CouncilCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    MeasureId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    WrittenBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    WrittenAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pack_commentary", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_pack_commentary_CouncilCode_Year_MeasureId",
                table: "pack_commentary",
                columns: new[] { "CouncilCode", "Year", "MeasureId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "pack_commentary");
        }
    }
}
