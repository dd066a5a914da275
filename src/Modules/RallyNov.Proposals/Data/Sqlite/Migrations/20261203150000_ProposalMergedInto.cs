using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using RallyNov.Proposals.Data.Sqlite;

#nullable disable

namespace RallyNov.Proposals.Data.Sqlite.Migrations
{
    /// <summary>« Fusionner »: the existing initiative a proposal was merged into.</summary>
    [DbContext(typeof(SqliteProposalsDbContext))]
    [Migration("20261203150000_ProposalMergedInto")]
    public partial class ProposalMergedInto : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "MergedIntoId",
                table: "Proposals",
                type: "TEXT",
                maxLength: 64,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "MergedIntoId",
                table: "Proposals");
        }
    }
}
