using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using RallyNov.Proposals.Data.Postgres;

#nullable disable

namespace RallyNov.Proposals.Data.Postgres.Migrations
{
    /// <summary>« Fusionner »: the existing initiative a proposal was merged into.</summary>
    [DbContext(typeof(PostgresProposalsDbContext))]
    [Migration("20261203150010_ProposalMergedInto")]
    public partial class ProposalMergedInto : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "MergedIntoId",
                table: "Proposals",
                type: "character varying(64)",
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
