using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;


namespace Lodestar.Data.Migrations.Postgres
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
                    Id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    FrameworkId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Source = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    StoredBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    StoredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pack_configs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "pack_files",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ScheduleId = table.Column<long>(type: "bigint", nullable: true),
                    PackConfigId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    FrameworkId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CouncilCode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Public = table.Column<bool>(type: "boolean", nullable: false),
                    Title = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Format = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    FileName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false),
                    BuiltAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pack_files", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "pack_schedules",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PackConfigId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    FrameworkId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CouncilCode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    DayOfMonth = table.Column<int>(type: "integer", nullable: false),
                    Public = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LastDue = table.Column<DateOnly>(type: "date", nullable: true)
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
