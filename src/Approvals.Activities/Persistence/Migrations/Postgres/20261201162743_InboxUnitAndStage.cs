using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Approvals.Activities.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InboxUnitAndStage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_TaskCandidates_Inbox",
                table: "TaskCandidates");

            migrationBuilder.DropIndex(
                name: "IX_TaskCandidates_InboxByCreation",
                table: "TaskCandidates");

            migrationBuilder.AddColumn<string>(
                name: "RequestUnitId",
                table: "Tasks",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RequestUnitId",
                table: "TaskCandidates",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Stage",
                table: "TaskCandidates",
                type: "text",
                nullable: true);

            // Tasks and candidate rows from before take the unit from their request and the stage from their task (before the
            // indexes are built, so each is built once).
            migrationBuilder.Sql("""
                UPDATE "Tasks" SET "RequestUnitId" = (SELECT "r"."UnitId" FROM "Requests" AS "r" WHERE "r"."Id" = "Tasks"."RequestId")
                WHERE "RequestId" IS NOT NULL;
                """);
            migrationBuilder.Sql("""
                UPDATE "TaskCandidates" SET
                    "RequestUnitId" = (SELECT "t"."RequestUnitId" FROM "Tasks" AS "t" WHERE "t"."Id" = "TaskCandidates"."TaskId"),
                    "Stage" = (SELECT "t"."ActivityId" FROM "Tasks" AS "t" WHERE "t"."Id" = "TaskCandidates"."TaskId");
                """);

            migrationBuilder.CreateIndex(
                name: "IX_TaskCandidates_Inbox",
                table: "TaskCandidates",
                columns: new[] { "Role", "Urgency", "DueSort", "CreatedAt", "TaskId", "UnitId", "RequestType", "RequestUnitId", "Stage" },
                filter: "\"IsOpen\"");

            migrationBuilder.CreateIndex(
                name: "IX_TaskCandidates_InboxByCreation",
                table: "TaskCandidates",
                columns: new[] { "Role", "CreatedAt", "TaskId", "UnitId", "RequestType", "RequestUnitId", "Stage" },
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
                name: "RequestUnitId",
                table: "Tasks");

            migrationBuilder.DropColumn(
                name: "RequestUnitId",
                table: "TaskCandidates");

            migrationBuilder.DropColumn(
                name: "Stage",
                table: "TaskCandidates");

            migrationBuilder.CreateIndex(
                name: "IX_TaskCandidates_Inbox",
                table: "TaskCandidates",
                columns: new[] { "Role", "Urgency", "DueSort", "CreatedAt", "TaskId", "UnitId", "RequestType" },
                filter: "\"IsOpen\"");

            migrationBuilder.CreateIndex(
                name: "IX_TaskCandidates_InboxByCreation",
                table: "TaskCandidates",
                columns: new[] { "Role", "CreatedAt", "TaskId", "UnitId" },
                filter: "\"IsOpen\"");
        }
    }
}
