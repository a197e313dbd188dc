using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Approvals.Activities.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InboxOrderOnCandidates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_TaskCandidates_Role_IsOpen_UnitId",
                table: "TaskCandidates");

            migrationBuilder.AddColumn<long>(
                name: "CreatedAt",
                table: "TaskCandidates",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "DueSort",
                table: "TaskCandidates",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<int>(
                name: "Urgency",
                table: "TaskCandidates",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // The candidates take their task's inbox order; a claimed task leaves its roles' inboxes.
            migrationBuilder.Sql("""
                UPDATE "TaskCandidates" SET
                    "Urgency" = CASE WHEN (SELECT t."IsOverdue" FROM "Tasks" t WHERE t."Id" = "TaskCandidates"."TaskId") THEN 0 ELSE 1 END,
                    "DueSort" = COALESCE((SELECT t."DueAt" FROM "Tasks" t WHERE t."Id" = "TaskCandidates"."TaskId"), 3155378975999999999),
                    "CreatedAt" = COALESCE((SELECT t."CreatedAt" FROM "Tasks" t WHERE t."Id" = "TaskCandidates"."TaskId"), 0),
                    "IsOpen" = "IsOpen" AND (SELECT t."ClaimedBy" FROM "Tasks" t WHERE t."Id" = "TaskCandidates"."TaskId") IS NULL
                """);

            migrationBuilder.CreateIndex(
                name: "IX_TaskCandidates_Inbox",
                table: "TaskCandidates",
                columns: new[] { "Role", "Urgency", "DueSort", "CreatedAt", "TaskId" },
                filter: "\"IsOpen\"");

            migrationBuilder.CreateIndex(
                name: "IX_TaskCandidates_InboxByCreation",
                table: "TaskCandidates",
                columns: new[] { "Role", "CreatedAt", "TaskId" },
                filter: "\"IsOpen\"");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_TaskCandidates_Inbox",
                table: "TaskCandidates");

            migrationBuilder.DropIndex(
                name: "IX_TaskCandidates_InboxByCreation",
                table: "TaskCandidates");

            migrationBuilder.DropColumn(
                name: "CreatedAt",
                table: "TaskCandidates");

            migrationBuilder.DropColumn(
                name: "DueSort",
                table: "TaskCandidates");

            migrationBuilder.DropColumn(
                name: "Urgency",
                table: "TaskCandidates");

            migrationBuilder.CreateIndex(
                name: "IX_TaskCandidates_Role_IsOpen_UnitId",
                table: "TaskCandidates",
                columns: new[] { "Role", "IsOpen", "UnitId" });
        }
    }
}
