#!/usr/bin/env bash
# Start TicketBlue locally: brings up the private MariaDB primary, its replica
# and Redis (scripts/services.sh) and runs the web app in the foreground; the app
# reads catalogue pages, admin searches and reports from the replica (ADR-011).
# The app applies its database migrations and loads the demo data itself at
# start-up, so this is the only command needed on a fresh checkout.
#
#   scripts/run.sh [extra `dotnet run` arguments]
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$SCRIPT_DIR")"
URL="http://localhost:5000"

command -v dotnet >/dev/null 2>&1 || { echo "[run] ERROR: dotnet SDK not found on PATH" >&2; exit 1; }

"$SCRIPT_DIR/services.sh" start

cat <<BANNER

  TicketBlue  ->  $URL

  Demo accounts
    customer   customer@ticketblue.kr / Customer!2345678
    admin      admin@ticketblue.kr    / Admin!23456789

  Stop the app with Ctrl-C; the databases keep running
  (scripts/services.sh stop to shut them down).

BANNER

# The same ports services.sh used (appsettings.Development.json has the defaults).
DB_PORT="${TB_DB_PORT:-3307}"
DB_ACCOUNT="User ID=ticketblue;Password=ticketblue"
export ConnectionStrings__TicketBlue="Server=127.0.0.1;Port=$DB_PORT;Database=ticketblue;$DB_ACCOUNT"
export ConnectionStrings__TicketBlueReplica="Server=127.0.0.1;Port=${TB_REPLICA_PORT:-$((DB_PORT + 1))};Database=ticketblue;$DB_ACCOUNT"
export ConnectionStrings__Redis="127.0.0.1:${TB_REDIS_PORT:-6380}"

# Development environment: detailed errors and the demo-data seeding.
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# exec: the app replaces this shell, so Ctrl-C/SIGTERM reach dotnet directly.
exec dotnet run --project "$ROOT/TicketBlue.Web" -c Release --urls "$URL" "$@"
