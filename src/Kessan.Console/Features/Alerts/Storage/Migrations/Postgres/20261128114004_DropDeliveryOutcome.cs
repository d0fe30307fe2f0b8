using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kessan.Console.Features.Alerts.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DropDeliveryOutcome : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Outcome",
                table: "NotificationDeliveries");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The column was never read; any name the old enum parses lets an older console read its rows again.
            migrationBuilder.AddColumn<string>(
                name: "Outcome",
                table: "NotificationDeliveries",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "Pending");
        }
    }
}
