using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;


namespace Lodestar.Data.Migrations.Postgres
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CouncilCode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    MeasureId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    WrittenBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    WrittenAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
