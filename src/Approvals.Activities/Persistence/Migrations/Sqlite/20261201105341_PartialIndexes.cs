using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Approvals.Activities.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PartialIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Tasks_AssigneeId_Status_DueAt",
                table: "Tasks");

            migrationBuilder.DropIndex(
                name: "IX_Tasks_ClaimedBy_Status",
                table: "Tasks");

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_AssigneeId_Status_DueAt",
                table: "Tasks",
                columns: new[] { "AssigneeId", "Status", "DueAt" },
                filter: "\"AssigneeId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_ClaimedBy_Status",
                table: "Tasks",
                columns: new[] { "ClaimedBy", "Status" },
                filter: "\"ClaimedBy\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Tasks_AssigneeId_Status_DueAt",
                table: "Tasks");

            migrationBuilder.DropIndex(
                name: "IX_Tasks_ClaimedBy_Status",
                table: "Tasks");

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_AssigneeId_Status_DueAt",
                table: "Tasks",
                columns: new[] { "AssigneeId", "Status", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_ClaimedBy_Status",
                table: "Tasks",
                columns: new[] { "ClaimedBy", "Status" });
        }
    }
}
