using Microsoft.EntityFrameworkCore.Migrations;


namespace Lodestar.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AccountsAccess : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "FailedSignIns",
                table: "users");

            migrationBuilder.RenameColumn(
                name: "LockedUntil",
                table: "users",
                newName: "PasswordResetExpiresAt");

            migrationBuilder.AddColumn<string>(
                name: "PasswordResetHash",
                table: "users",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SecurityStamp",
                table: "users",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_users_PasswordResetHash",
                table: "users",
                column: "PasswordResetHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_users_PasswordResetHash",
                table: "users");

            migrationBuilder.DropColumn(
                name: "PasswordResetHash",
                table: "users");

            migrationBuilder.DropColumn(
                name: "SecurityStamp",
                table: "users");

            migrationBuilder.RenameColumn(
                name: "PasswordResetExpiresAt",
                table: "users",
                newName: "LockedUntil");

            migrationBuilder.AddColumn<int>(
                name: "FailedSignIns",
                table: "users",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);
        }
    }
}
