using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RallyNov.Core.Data.Postgres.Shared.Migrations
{
    /// <inheritdoc />
    public partial class SharedTenants : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "rallynov_shared");

            migrationBuilder.CreateSequence(
                name: "tenant_revisions",
                schema: "rallynov_shared");

            migrationBuilder.CreateTable(
                name: "tenants",
                schema: "rallynov_shared",
                columns: table => new
                {
                    name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    settings = table.Column<string>(type: "jsonb", nullable: false),
                    revision = table.Column<long>(type: "bigint", nullable: false),
                    updated_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tenants", x => x.name);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "tenants",
                schema: "rallynov_shared");

            migrationBuilder.DropSequence(
                name: "tenant_revisions",
                schema: "rallynov_shared");
        }
    }
}
