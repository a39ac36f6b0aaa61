using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TicketBlue.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AdminReservationSearchIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The composite index takes over the coupon foreign key before the old one goes (MariaDB needs one).
            migrationBuilder.CreateIndex(
                name: "IX_Reservations_CouponId_CreatedAt",
                table: "Reservations",
                columns: new[] { "CouponId", "CreatedAt" });

            migrationBuilder.DropIndex(
                name: "IX_Reservations_CouponId",
                table: "Reservations");

            migrationBuilder.CreateIndex(
                name: "IX_Reservations_CreatedAt",
                table: "Reservations",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Reservations_PerformanceId_Status_CreatedAt",
                table: "Reservations",
                columns: new[] { "PerformanceId", "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Reservations_Total_CreatedAt",
                table: "Reservations",
                columns: new[] { "Total", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_DisplayName",
                table: "AspNetUsers",
                column: "DisplayName");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Reservations_CouponId",
                table: "Reservations",
                column: "CouponId");

            migrationBuilder.DropIndex(
                name: "IX_Reservations_CouponId_CreatedAt",
                table: "Reservations");

            migrationBuilder.DropIndex(
                name: "IX_Reservations_CreatedAt",
                table: "Reservations");

            migrationBuilder.DropIndex(
                name: "IX_Reservations_PerformanceId_Status_CreatedAt",
                table: "Reservations");

            migrationBuilder.DropIndex(
                name: "IX_Reservations_Total_CreatedAt",
                table: "Reservations");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_DisplayName",
                table: "AspNetUsers");
        }
    }
}
