using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kessan.Console.Features.Alerts.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SavedLogQueries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SavedLogQueries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    QueryString = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    SavedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    SavedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SavedLogQueries", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SavedLogQueries_Name",
                table: "SavedLogQueries",
                column: "Name",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SavedLogQueries");
        }
    }
}
