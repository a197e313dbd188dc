using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Approvals.Engine.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TimerLeases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_Status_NextAttemptAt",
                table: "OutboxMessages");

            migrationBuilder.AddColumn<long>(
                name: "LeaseUntil",
                table: "Bookmarks",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_Status_Kind_NextAttemptAt",
                table: "OutboxMessages",
                columns: new[] { "Status", "Kind", "NextAttemptAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_Status_Kind_NextAttemptAt",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "LeaseUntil",
                table: "Bookmarks");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_Status_NextAttemptAt",
                table: "OutboxMessages",
                columns: new[] { "Status", "NextAttemptAt" });
        }
    }
}
