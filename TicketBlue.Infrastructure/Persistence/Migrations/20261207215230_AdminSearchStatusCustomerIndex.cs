using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TicketBlue.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AdminSearchStatusCustomerIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The wider index first, so queries on (Status, CreatedAt) always have one of the two.
            migrationBuilder.CreateIndex(
                name: "IX_Reservations_Status_CreatedAt_Id_UserId",
                table: "Reservations",
                columns: new[] { "Status", "CreatedAt", "Id", "UserId" });

            migrationBuilder.DropIndex(
                name: "IX_Reservations_Status_CreatedAt",
                table: "Reservations");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Reservations_Status_CreatedAt",
                table: "Reservations",
                columns: new[] { "Status", "CreatedAt" });

            migrationBuilder.DropIndex(
                name: "IX_Reservations_Status_CreatedAt_Id_UserId",
                table: "Reservations");
        }
    }
}
