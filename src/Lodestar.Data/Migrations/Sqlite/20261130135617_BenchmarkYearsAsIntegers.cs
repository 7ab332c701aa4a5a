using Microsoft.EntityFrameworkCore.Migrations;


namespace Lodestar.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class BenchmarkYearsAsIntegers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Stored years were the DfE time_period as published. They become the reporting year as the
            // reader now maps it: "2025" is 2025, a financial year "202425" is 2025 (the year it ends in).
            // A figure the reader could not place now (any other text) is dropped, as is a "202425" figure
            // whose "2025" twin is stored; the DfE files can be imported again. The rebuilt table's INTEGER
            // column then holds the digits as numbers.
            migrationBuilder.Sql("""
                DELETE FROM benchmark_values
                WHERE NOT ("Year" GLOB '[0-9][0-9][0-9][0-9]'
                    OR ("Year" GLOB '[0-9][0-9][0-9][0-9][0-9][0-9]'
                        AND (CAST(substr("Year", 1, 4) AS INTEGER) + 1) % 100 = CAST(substr("Year", 5, 2) AS INTEGER)));
                DELETE FROM benchmark_values AS six
                WHERE length(six."Year") = 6 AND EXISTS (
                    SELECT 1 FROM benchmark_values AS four
                    WHERE four."MeasureId" = six."MeasureId" AND four."Level" = six."Level" AND four."AreaCode" = six."AreaCode"
                      AND four."Year" = CAST(CAST(substr(six."Year", 1, 4) AS INTEGER) + 1 AS TEXT));
                UPDATE benchmark_values SET "Year" = CAST(CAST(substr("Year", 1, 4) AS INTEGER) + 1 AS TEXT) WHERE length("Year") = 6;
                """);
            migrationBuilder.AlterColumn<int>(
                name: "Year",
                table: "benchmark_values",
                type: "INTEGER",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 10);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "Year",
                table: "benchmark_values",
                type: "TEXT",
                maxLength: 10,
                nullable: false,
                oldClrType: typeof(int),
                oldType: "INTEGER");
        }
    }
}
