using Microsoft.EntityFrameworkCore.Migrations;


namespace Lodestar.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SubmissionStatusConcurrency : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
