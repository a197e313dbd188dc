using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Approvals.Activities.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InboxSearch : Migration
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
                name: "RequestType",
                table: "Tasks",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SearchTerms",
                table: "Tasks",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "RequestType",
                table: "TaskCandidates",
                type: "text",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_TermsPending",
                table: "Tasks",
                column: "Id",
                filter: "\"SearchTerms\" = ''");

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

            // Tasks and their candidate rows from before the request type was kept on them take it from their request.
            migrationBuilder.Sql("""
                UPDATE "Tasks" SET "RequestType" = (SELECT "r"."Type" FROM "Requests" AS "r" WHERE "r"."Id" = "Tasks"."RequestId")
                WHERE "RequestId" IS NOT NULL;
                """);
            migrationBuilder.Sql("""
                UPDATE "TaskCandidates"
                SET "RequestType" = (SELECT "t"."RequestType" FROM "Tasks" AS "t" WHERE "t"."Id" = "TaskCandidates"."TaskId");
                """);

            // The open tasks' title terms, for the inbox's search: the phrases of TitleTerms as a text-search query.
            migrationBuilder.Sql("""
                CREATE INDEX "IX_Tasks_TitleSearch" ON "Tasks" USING gin (to_tsvector('simple', "SearchTerms"))
                WHERE "Status" IN ('Open', 'Claimed');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX "IX_Tasks_TitleSearch";""");

            migrationBuilder.DropIndex(
                name: "IX_Tasks_TermsPending",
                table: "Tasks");

            migrationBuilder.DropIndex(
                name: "IX_TaskCandidates_Inbox",
                table: "TaskCandidates");

            migrationBuilder.DropIndex(
                name: "IX_TaskCandidates_InboxByCreation",
                table: "TaskCandidates");

            migrationBuilder.DropColumn(
                name: "RequestType",
                table: "Tasks");

            migrationBuilder.DropColumn(
                name: "SearchTerms",
                table: "Tasks");

            migrationBuilder.DropColumn(
                name: "RequestType",
                table: "TaskCandidates");

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
    }
}
