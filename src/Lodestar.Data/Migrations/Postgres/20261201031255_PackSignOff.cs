using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;


namespace Lodestar.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PackSignOff : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "pack_public_frameworks",
                columns: table => new
                {
                    FrameworkId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SwitchedOnBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SwitchedOnAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pack_public_frameworks", x => x.FrameworkId);
                });

            migrationBuilder.CreateTable(
                name: "pack_signoff",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FrameworkId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CouncilCode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pack_signoff", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "pack_signoff_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SignOffId = table.Column<long>(type: "bigint", nullable: false),
                    From = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    To = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Actor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pack_signoff_events", x => x.Id);
                    table.ForeignKey(
                        name: "FK_pack_signoff_events_pack_signoff_SignOffId",
                        column: x => x.SignOffId,
                        principalTable: "pack_signoff",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "pack_snapshot_figures",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EventId = table.Column<long>(type: "bigint", nullable: false),
                    MeasureId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Value = table.Column<decimal>(type: "numeric", nullable: true),
                    Numerator = table.Column<decimal>(type: "numeric", nullable: true),
                    Denominator = table.Column<decimal>(type: "numeric", nullable: true),
                    Target = table.Column<decimal>(type: "numeric", nullable: true),
                    Rag = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    RagReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Benchmarks = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pack_snapshot_figures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_pack_snapshot_figures_pack_signoff_events_EventId",
                        column: x => x.EventId,
                        principalTable: "pack_signoff_events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_pack_signoff_FrameworkId_CouncilCode_Year",
                table: "pack_signoff",
                columns: new[] { "FrameworkId", "CouncilCode", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_pack_signoff_events_SignOffId",
                table: "pack_signoff_events",
                column: "SignOffId");

            migrationBuilder.CreateIndex(
                name: "IX_pack_snapshot_figures_EventId",
                table: "pack_snapshot_figures",
                column: "EventId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "pack_public_frameworks");

            migrationBuilder.DropTable(
                name: "pack_snapshot_figures");

            migrationBuilder.DropTable(
                name: "pack_signoff_events");

            migrationBuilder.DropTable(
                name: "pack_signoff");
        }
    }
}
