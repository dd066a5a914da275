using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RallyNov.Core.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ReviewAndSchedule : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "ReviewRequestedUtc",
                table: "ContentItems",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ScheduledPublishUtc",
                table: "ContentItems",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_ContentItems_Scheduled",
                table: "ContentItems",
                column: "ScheduledPublishUtc");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ContentItems_Scheduled",
                table: "ContentItems");

            migrationBuilder.DropColumn(
                name: "ReviewRequestedUtc",
                table: "ContentItems");

            migrationBuilder.DropColumn(
                name: "ScheduledPublishUtc",
                table: "ContentItems");
        }
    }
}
