using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Approvals.Activities.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AuditChainPerRequest : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_AuditEntries",
                table: "AuditEntries");

            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_RequestId_Sequence",
                table: "AuditEntries");

            migrationBuilder.DropPrimaryKey(
                name: "PK_AuditChainHead",
                table: "AuditChainHead");

            migrationBuilder.DropColumn(
                name: "Id",
                table: "AuditChainHead");

            migrationBuilder.RenameTable(
                name: "AuditChainHead",
                newName: "AuditChainHeads");

            migrationBuilder.AddColumn<string>(
                name: "ChainId",
                table: "AuditEntries",
                type: "character varying(128)",
                maxLength: 128,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ChainId",
                table: "AuditChainHeads",
                type: "character varying(128)",
                maxLength: 128,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddPrimaryKey(
                name: "PK_AuditEntries",
                table: "AuditEntries",
                columns: new[] { "ChainId", "Sequence" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_AuditChainHeads",
                table: "AuditChainHeads",
                column: "ChainId");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_RequestId_Timestamp",
                table: "AuditEntries",
                columns: new[] { "RequestId", "Timestamp" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_AuditEntries",
                table: "AuditEntries");

            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_RequestId_Timestamp",
                table: "AuditEntries");

            migrationBuilder.DropPrimaryKey(
                name: "PK_AuditChainHeads",
                table: "AuditChainHeads");

            migrationBuilder.DropColumn(
                name: "ChainId",
                table: "AuditEntries");

            migrationBuilder.DropColumn(
                name: "ChainId",
                table: "AuditChainHeads");

            migrationBuilder.RenameTable(
                name: "AuditChainHeads",
                newName: "AuditChainHead");

            migrationBuilder.AddColumn<int>(
                name: "Id",
                table: "AuditChainHead",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddPrimaryKey(
                name: "PK_AuditEntries",
                table: "AuditEntries",
                column: "Sequence");

            migrationBuilder.AddPrimaryKey(
                name: "PK_AuditChainHead",
                table: "AuditChainHead",
                column: "Id");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_RequestId_Sequence",
                table: "AuditEntries",
                columns: new[] { "RequestId", "Sequence" });
        }
    }
}
