using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Approvals.Activities.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OpenTasksIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Tasks_Status_IsOverdue_DueAt_CreatedAt",
                table: "Tasks");

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_Open",
                table: "Tasks",
                columns: new[] { "IsOverdue", "DueAt", "CreatedAt" },
                filter: "\"Status\" IN ('Open', 'Claimed')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Tasks_Open",
                table: "Tasks");

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_Status_IsOverdue_DueAt_CreatedAt",
                table: "Tasks",
                columns: new[] { "Status", "IsOverdue", "DueAt", "CreatedAt" });
        }
    }
}
