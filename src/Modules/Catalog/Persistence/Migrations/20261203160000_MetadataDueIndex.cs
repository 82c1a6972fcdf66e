using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NftMarketplace.Modules.Catalog.Persistence.Migrations
{
    /// <summary>
    /// The metadata fetcher's queue is every row with a due time, OK documents asked for again included (a refresh, an
    /// ERC-4906 update): the model's index covers only rows not OK, so this one covers the due ones. Plain SQL, outside
    /// the model: no entity reads it.
    /// </summary>
    [DbContext(typeof(CatalogDbContext))]
    [Migration("20261203160000_MetadataDueIndex")]
    public partial class MetadataDueIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                "CREATE INDEX IF NOT EXISTS ix_metadata_docs_due ON catalog.metadata_docs (next_attempt_at) WHERE next_attempt_at IS NOT NULL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS catalog.ix_metadata_docs_due;");
        }
    }
}
