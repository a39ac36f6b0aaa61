using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TicketBlue.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AccountLifecycle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "IssuedTo",
                table: "Coupons",
                type: "varchar(255)",
                maxLength: 255,
                nullable: true)
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "WithdrawnAt",
                table: "AspNetUsers",
                type: "datetime(6)",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "WelcomeCouponClaims",
                columns: table => new
                {
                    EmailLookup = table.Column<string>(type: "char(64)", fixedLength: true, maxLength: 64, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    UserId = table.Column<string>(type: "varchar(255)", maxLength: 255, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    CouponId = table.Column<long>(type: "bigint", nullable: false),
                    ClaimedAt = table.Column<DateTimeOffset>(type: "datetime(6)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WelcomeCouponClaims", x => x.EmailLookup);
                    table.ForeignKey(
                        name: "FK_WelcomeCouponClaims_Coupons_CouponId",
                        column: x => x.CouponId,
                        principalTable: "Coupons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateIndex(
                name: "IX_Coupons_IssuedTo",
                table: "Coupons",
                column: "IssuedTo");

            migrationBuilder.CreateIndex(
                name: "IX_WelcomeCouponClaims_CouponId",
                table: "WelcomeCouponClaims",
                column: "CouponId");

            migrationBuilder.CreateIndex(
                name: "IX_WelcomeCouponClaims_UserId",
                table: "WelcomeCouponClaims",
                column: "UserId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "WelcomeCouponClaims");

            migrationBuilder.DropIndex(
                name: "IX_Coupons_IssuedTo",
                table: "Coupons");

            migrationBuilder.DropColumn(
                name: "IssuedTo",
                table: "Coupons");

            migrationBuilder.DropColumn(
                name: "WithdrawnAt",
                table: "AspNetUsers");
        }
    }
}
