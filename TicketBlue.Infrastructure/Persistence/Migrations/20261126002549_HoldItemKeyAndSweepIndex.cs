using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TicketBlue.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class HoldItemKeyAndSweepIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<long>(
                name: "RoundSeatId",
                table: "SeatHoldItems",
                type: "bigint",
                nullable: false,
                oldClrType: typeof(long),
                oldType: "bigint")
                .OldAnnotation("MySql:ValueGenerationStrategy", MySqlValueGenerationStrategy.IdentityColumn);

            // Pomelo created a UNIQUE KEY for the AUTO_INCREMENT column; it forbade a seat in a second hold.
            migrationBuilder.DropIndex(name: "RoundSeatId", table: "SeatHoldItems");

            migrationBuilder.CreateIndex(
                name: "IX_RoundSeats_State_HoldExpiresAt",
                table: "RoundSeats",
                columns: new[] { "State", "HoldExpiresAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_RoundSeats_State_HoldExpiresAt",
                table: "RoundSeats");

            migrationBuilder.CreateIndex(name: "RoundSeatId", table: "SeatHoldItems", column: "RoundSeatId", unique: true);

            migrationBuilder.AlterColumn<long>(
                name: "RoundSeatId",
                table: "SeatHoldItems",
                type: "bigint",
                nullable: false,
                oldClrType: typeof(long),
                oldType: "bigint")
                .Annotation("MySql:ValueGenerationStrategy", MySqlValueGenerationStrategy.IdentityColumn);
        }
    }
}
