using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Approvals.Activities.Persistence.Migrations.Postgres
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

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "CreatedAt",
                table: "TaskCandidates",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "DueSort",
                table: "TaskCandidates",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<int>(
                name: "Urgency",
                table: "TaskCandidates",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // The candidates take their task's inbox order; a claimed task leaves its roles' inboxes.
            migrationBuilder.Sql("""
                UPDATE "TaskCandidates" c SET
                    "Urgency" = CASE WHEN t."IsOverdue" THEN 0 ELSE 1 END,
                    "DueSort" = COALESCE(t."DueAt", 'infinity'),
                    "CreatedAt" = t."CreatedAt",
                    "IsOpen" = c."IsOpen" AND t."ClaimedBy" IS NULL
                FROM "Tasks" t WHERE t."Id" = c."TaskId"
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
