using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace NftMarketplace.Modules.Media.Persistence.Migrations;

/// <summary>
/// <c>media.assets</c> and <c>media.variants</c>: jsonb documents (the seed's document store) with the indexes that
/// carry its guarantees — one asset per CID, one variant per asset and width. No EF entity maps them (they are read
/// and written with SQL, see <see cref="MediaDocuments"/>), so the model snapshot does not change.
/// </summary>
[DbContext(typeof(MediaDbContext))]
[Migration("20261203100000_MediaDocuments")]
public sealed class MediaDocumentsMigration : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("""
            CREATE TABLE media.assets (id uuid PRIMARY KEY, doc jsonb NOT NULL);
            CREATE UNIQUE INDEX ux_assets_cid ON media.assets ((doc->>'cid'));
            CREATE INDEX ix_assets_uploader ON media.assets ((doc->>'uploaderId'));
            CREATE TABLE media.variants (
                id uuid PRIMARY KEY,
                asset_id uuid NOT NULL REFERENCES media.assets (id) ON DELETE CASCADE,
                doc jsonb NOT NULL);
            CREATE UNIQUE INDEX ux_variants_asset_width ON media.variants (asset_id, ((doc->>'w')::int));
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("DROP TABLE media.variants; DROP TABLE media.assets;");
    }
}
