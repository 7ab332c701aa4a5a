using Microsoft.EntityFrameworkCore.Migrations;


namespace Lodestar.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddSubmissionKpis : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "submission_kpis",
                columns: table => new
                {
                    SubmissionId = table.Column<long>(type: "bigint", nullable: false),
                    Step = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Kpi = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Before = table.Column<double>(type: "double precision", nullable: true),
                    After = table.Column<double>(type: "double precision", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_submission_kpis", x => new { x.SubmissionId, x.Step, x.Kpi });
                    table.ForeignKey(
                        name: "FK_submission_kpis_submissions_SubmissionId",
                        column: x => x.SubmissionId,
                        principalTable: "submissions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "submission_kpis");
        }
    }
}
