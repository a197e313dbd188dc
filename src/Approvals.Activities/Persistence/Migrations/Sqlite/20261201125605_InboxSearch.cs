using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Approvals.Activities.Persistence.Migrations.Sqlite
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
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SearchTerms",
                table: "Tasks",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "RequestType",
                table: "TaskCandidates",
                type: "TEXT",
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

            // The open tasks' title terms, indexed by FTS5 off the Tasks rows themselves (no copy of the terms). A decision does not
            // write the index: triggers queue each task that opens or closes, and TitleIndex moves the queue into the index a batch at
            // a time (FTS5 rewrites its structure on every commit that touches it: 5.6 database pages per decision when it did). The
            // index holds open tasks only. No diacritics removed, so the index, the queue and PostgreSQL all match exactly.
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "TaskSearch" USING fts5(
                    "SearchTerms", content='Tasks', content_rowid='rowid', columnsize=0, tokenize='unicode61 remove_diacritics 0');
                """);
            migrationBuilder.Sql("""
                CREATE TABLE "TaskSearchQueue" (
                    "Id" INTEGER PRIMARY KEY, "TaskRowId" INTEGER NOT NULL, "Terms" TEXT NOT NULL, "Adds" INTEGER NOT NULL);
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Tasks_SearchOnInsert" AFTER INSERT ON "Tasks"
                WHEN new."Status" IN ('Open', 'Claimed') AND new."SearchTerms" <> ''
                BEGIN
                    INSERT INTO "TaskSearchQueue"("TaskRowId", "Terms", "Adds") VALUES (new.rowid, new."SearchTerms", 1);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Tasks_SearchOnDelete" AFTER DELETE ON "Tasks"
                WHEN old."Status" IN ('Open', 'Claimed') AND old."SearchTerms" <> ''
                BEGIN
                    INSERT INTO "TaskSearchQueue"("TaskRowId", "Terms", "Adds") VALUES (old.rowid, old."SearchTerms", 0);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Tasks_SearchOnUpdate" AFTER UPDATE OF "Status", "SearchTerms" ON "Tasks"
                WHEN (old."Status" IN ('Open', 'Claimed')) <> (new."Status" IN ('Open', 'Claimed'))
                    OR old."SearchTerms" <> new."SearchTerms"
                BEGIN
                    INSERT INTO "TaskSearchQueue"("TaskRowId", "Terms", "Adds")
                        SELECT old.rowid, old."SearchTerms", 0 WHERE old."Status" IN ('Open', 'Claimed') AND old."SearchTerms" <> '';
                    INSERT INTO "TaskSearchQueue"("TaskRowId", "Terms", "Adds")
                        SELECT new.rowid, new."SearchTerms", 1 WHERE new."Status" IN ('Open', 'Claimed') AND new."SearchTerms" <> '';
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER "Tasks_SearchOnUpdate";""");
            migrationBuilder.Sql("""DROP TRIGGER "Tasks_SearchOnDelete";""");
            migrationBuilder.Sql("""DROP TRIGGER "Tasks_SearchOnInsert";""");
            migrationBuilder.Sql("""DROP TABLE "TaskSearchQueue";""");
            migrationBuilder.Sql("""DROP TABLE "TaskSearch";""");

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
