using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RallyNov.AuditTrail.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class InitialAuditTrail : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AuditEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Category = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ItemId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ItemTitle = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    Details = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    IpAddress = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    UtcTime = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEvents", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_Action",
                table: "AuditEvents",
                column: "Action");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_ItemId",
                table: "AuditEvents",
                column: "ItemId");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_UserName",
                table: "AuditEvents",
                column: "UserName");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_UtcTime",
                table: "AuditEvents",
                column: "UtcTime");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AuditEvents");
        }
    }
}
