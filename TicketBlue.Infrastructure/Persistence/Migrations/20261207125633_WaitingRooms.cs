using System;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TicketBlue.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class WaitingRooms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "WaitingRooms",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("MySql:ValueGenerationStrategy", MySqlValueGenerationStrategy.IdentityColumn),
                    PerformanceId = table.Column<long>(type: "bigint", nullable: true),
                    RoundId = table.Column<long>(type: "bigint", nullable: true),
                    Enabled = table.Column<bool>(type: "tinyint(1)", nullable: false),
                    AdmissionPerMinute = table.Column<int>(type: "int", nullable: false),
                    MaxActive = table.Column<int>(type: "int", nullable: false),
                    Paused = table.Column<bool>(type: "tinyint(1)", nullable: false),
                    Secret = table.Column<byte[]>(type: "binary(32)", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetime(6)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WaitingRooms", x => x.Id);
                    table.CheckConstraint("CK_WaitingRooms_OneTarget", "(PerformanceId IS NULL) <> (RoundId IS NULL)");
                    table.ForeignKey(
                        name: "FK_WaitingRooms_Performances_PerformanceId",
                        column: x => x.PerformanceId,
                        principalTable: "Performances",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_WaitingRooms_Rounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "Rounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateIndex(
                name: "IX_WaitingRooms_PerformanceId",
                table: "WaitingRooms",
                column: "PerformanceId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WaitingRooms_RoundId",
                table: "WaitingRooms",
                column: "RoundId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "WaitingRooms");
        }
    }
}
