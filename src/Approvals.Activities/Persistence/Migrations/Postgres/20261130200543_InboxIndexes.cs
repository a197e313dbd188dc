using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Approvals.Activities.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InboxIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Tasks_Status_DueAt",
                table: "Tasks");

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_ClaimedBy_Status",
                table: "Tasks",
                columns: new[] { "ClaimedBy", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_Status_IsOverdue_DueAt_CreatedAt",
                table: "Tasks",
                columns: new[] { "Status", "IsOverdue", "DueAt", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Tasks_ClaimedBy_Status",
                table: "Tasks");

            migrationBuilder.DropIndex(
                name: "IX_Tasks_Status_IsOverdue_DueAt_CreatedAt",
                table: "Tasks");

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_Status_DueAt",
                table: "Tasks",
                columns: new[] { "Status", "DueAt" });
        }
    }
}
