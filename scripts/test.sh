#!/usr/bin/env bash
# Build the solution and run the complete test suite (unit, integration and
# Playwright browser tests) against the private local MariaDB/Redis.
#
#   scripts/test.sh                      # everything
#   scripts/test.sh --filter Category=X  # extra args go to `dotnet test`
#
# Prints a one-line summary "Tests: P passed, F failed, S skipped" and exits
# non-zero on any build or test failure -- or when no test ran at all, because
# a green run that executed nothing would hide a broken test discovery.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$SCRIPT_DIR")"
RESULTS_DIR="$ROOT/.local/test-results"
CHROMIUM=/usr/bin/chromium

say() { printf '[test] %s\n' "$*"; }
die() { printf '[test] ERROR: %s\n' "$*" >&2; exit 1; }

# Same policy as scripts/services.sh: install via apt when we may (root or
# password-less sudo), otherwise say precisely what is missing and stop.
apt_install() {
  local -a prefix=()
  if [[ "$(id -u)" -ne 0 ]]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
      prefix=(sudo -n)
    else
      die "missing packages: $*. Install them first, e.g.: sudo apt-get install -y $*"
    fi
  fi
  command -v apt-get >/dev/null 2>&1 \
    || die "apt-get not found; please install these packages manually: $*"
  say "installing $* (apt-get) ..."
  # Lock::Timeout: wait for a concurrently running apt/dpkg instead of failing.
  "${prefix[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get -o DPkg::Lock::Timeout=600 update -qq
  "${prefix[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get -o DPkg::Lock::Timeout=600 install -y -qq "$@"
}

# Playwright's own browser download is large and needs network access at test
# time; the distro's Chromium is used instead (see PLAYWRIGHT_CHROMIUM_PATH).
# Noto CJK is required so Korean text renders (and screenshots/text metrics
# are stable) instead of tofu boxes.
ensure_browser() {
  local -a missing=()
  if [[ ! -x "$CHROMIUM" ]]; then
    missing+=(chromium fonts-noto-cjk)
  # No `grep -q` here: it exits at the first match, fc-list then dies of
  # SIGPIPE and `pipefail` would turn a successful match into a failure.
  elif ! fc-list 2>/dev/null | grep -i "Noto Sans CJK" >/dev/null; then
    missing+=(fonts-noto-cjk)
  fi
  if (( ${#missing[@]} > 0 )); then
    apt_install "${missing[@]}"
  fi
}

# npm ci installs exactly the committed package-lock.json; only when missing,
# so a normal run does not touch the network.
ensure_s3rver() {
  if [[ ! -x "$ROOT/tools/s3rver/node_modules/.bin/s3rver" ]]; then
    command -v npm >/dev/null 2>&1 || apt_install nodejs npm
    say "installing s3rver (npm ci) ..."
    npm ci --no-audit --no-fund --prefix "$ROOT/tools/s3rver"
  fi
}

# Sum the <Counters .../> of all trx files (one per test project) and print
# "P F S E" = passed, failed, skipped, executed.
summarise_trx() {
  python3 - "$RESULTS_DIR" <<'PY'
import glob, os, sys
import xml.etree.ElementTree as ET

totals = dict(total=0, executed=0, passed=0, failed=0)
files = glob.glob(os.path.join(sys.argv[1], "**", "*.trx"), recursive=True)
if not files:
    sys.exit(2)
for path in files:
    for el in ET.parse(path).iter():
        if el.tag.rsplit("}", 1)[-1] == "Counters":   # tag is XML-namespaced
            for key in totals:
                totals[key] += int(el.get(key, 0) or 0)
# Skipped/ignored tests are counted in 'total' but not in 'executed'.
skipped = totals["total"] - totals["executed"]
print(totals["passed"], totals["failed"], skipped, totals["executed"])
PY
}

main() {
  command -v dotnet  >/dev/null 2>&1 || die "dotnet SDK not found on PATH"
  command -v python3 >/dev/null 2>&1 || die "python3 not found (needed to read the .trx results)"

  "$SCRIPT_DIR/services.sh" start
  ensure_browser

  # Where the test projects find their infrastructure.
  export TICKETBLUE_TEST_DB="Server=127.0.0.1;Port=${TB_DB_PORT:-3307};User ID=ticketblue;Password=ticketblue"
  # Its GTID replica (services.sh: the primary's port + 1); only the replica's own tests use it.
  local db_port="${TB_DB_PORT:-3307}"
  export TICKETBLUE_TEST_REPLICA="Server=127.0.0.1;Port=${TB_REPLICA_PORT:-$((db_port + 1))};User ID=ticketblue;Password=ticketblue"
  export TICKETBLUE_TEST_REDIS="127.0.0.1:${TB_REDIS_PORT:-6380}"
  export PLAYWRIGHT_CHROMIUM_PATH="$CHROMIUM"
  export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

  # The blob-store tests start their own S3-compatible server (s3rver, pinned in tools/s3rver).
  ensure_s3rver
  export TICKETBLUE_S3RVER="$ROOT/tools/s3rver/node_modules/.bin/s3rver"

  say "building (Release) ..."
  dotnet build "$ROOT/TicketBlue.sln" -c Release

  # Old results would be counted again by the summary below.
  rm -rf "$RESULTS_DIR"
  mkdir -p "$RESULTS_DIR"

  say "running tests ..."
  # LogFilePrefix rather than LogFileName: with a fixed LogFileName every test
  # project of the solution writes the *same* file and only the last finished
  # project's results survive (microsoft/vstest#3026); the prefix yields one
  # results_<tfm>_<timestamp>.trx per project, which are summed up below.
  local rc=0
  dotnet test "$ROOT/TicketBlue.sln" -c Release --no-build \
    --logger "trx;LogFilePrefix=results" \
    --results-directory "$RESULTS_DIR" "$@" || rc=$?   # keep going to summarise

  local summary passed failed skipped executed
  summary="$(summarise_trx)" || die "no .trx results found in $RESULTS_DIR (dotnet test exit code $rc)"
  read -r passed failed skipped executed <<<"$summary"

  echo "Tests: $passed passed, $failed failed, $skipped skipped"

  if (( executed == 0 )); then
    die "no tests were executed (dotnet test exit code $rc)"
  fi
  if (( rc == 0 && failed > 0 )); then
    rc=1        # never report success with failed tests
  fi
  exit "$rc"
}

main "$@"
