using Microsoft.EntityFrameworkCore.Migrations;


namespace Lodestar.Data.Migrations.Postgres
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
            // whose "2025" twin is stored; the DfE files can be imported again.
            migrationBuilder.Sql("""
                DELETE FROM benchmark_values
                WHERE CASE
                    WHEN "Year" ~ '^[0-9]{4}$' THEN false
                    WHEN "Year" ~ '^[0-9]{6}$' THEN (substr("Year", 1, 4)::integer + 1) % 100 <> substr("Year", 5, 2)::integer
                    ELSE true
                END;
                DELETE FROM benchmark_values AS six
                WHERE length(six."Year") = 6 AND EXISTS (
                    SELECT 1 FROM benchmark_values AS four
                    WHERE four."MeasureId" = six."MeasureId" AND four."Level" = six."Level" AND four."AreaCode" = six."AreaCode"
                      AND four."Year" = (substr(six."Year", 1, 4)::integer + 1)::text);
                UPDATE benchmark_values SET "Year" = (substr("Year", 1, 4)::integer + 1)::text WHERE length("Year") = 6;
                ALTER TABLE benchmark_values ALTER COLUMN "Year" TYPE integer USING "Year"::integer;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "Year",
                table: "benchmark_values",
                type: "character varying(10)",
                maxLength: 10,
                nullable: false,
                oldClrType: typeof(int),
                oldType: "integer");
        }
    }
}
