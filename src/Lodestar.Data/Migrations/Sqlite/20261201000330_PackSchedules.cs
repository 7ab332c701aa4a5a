using System;
using Microsoft.EntityFrameworkCore.Migrations;


namespace Lodestar.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PackSchedules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "pack_configs",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    FrameworkId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    StoredBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    StoredAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pack_configs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "pack_files",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ScheduleId = table.Column<long>(type: "INTEGER", nullable: true),
                    PackConfigId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    FrameworkId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CouncilCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Public = table.Column<bool>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Format = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    BuiltAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pack_files", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "pack_schedules",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PackConfigId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    FrameworkId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CouncilCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    DayOfMonth = table.Column<int>(type: "INTEGER", nullable: false),
                    Public = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    LastDue = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pack_schedules", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_pack_files_CouncilCode_BuiltAt",
                table: "pack_files",
                columns: new[] { "CouncilCode", "BuiltAt" });

            migrationBuilder.CreateIndex(
                name: "IX_pack_schedules_CouncilCode",
                table: "pack_schedules",
                column: "CouncilCode");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "pack_configs");

            migrationBuilder.DropTable(
                name: "pack_files");

            migrationBuilder.DropTable(
                name: "pack_schedules");
        }
    }
}
