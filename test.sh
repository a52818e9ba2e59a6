#!/usr/bin/env bash
# Runs every test suite. Installs and starts what the tests need when it is missing:
# PostgreSQL (Debian), nginx and redis-server (Debian; installed only: each test starts its own on a free port and
# stops it), Chromium (Debian), and the node packages of the e2e OpenID provider.
# Usage: ./test.sh            everything
#        ./test.sh --no-e2e   skip the browser suite (quicker inner loop; CI always runs all)
set -euo pipefail
cd "$(dirname "$0")"

run_e2e=1
[[ "${1:-}" == "--no-e2e" ]] && run_e2e=0

log() { printf '\n==> %s\n' "$*"; }

apt_updated=0
apt_install() {
  if [[ $apt_updated == 0 ]]; then
    log "apt-get update"
    apt-get update -qq
    apt_updated=1
  fi
  log "Installing $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

as_root() { if [[ $(id -u) == 0 ]]; then "$@"; else sudo "$@"; fi; }

ensure_postgres() {
  # The client (psql) may be on the machine without the server: look for the server binary itself.
  if ! command -v pg_ctlcluster >/dev/null || ! compgen -G "/usr/lib/postgresql/*/bin/postgres" >/dev/null; then
    apt_install postgresql
  fi
  local version
  version=$(ls -d /usr/lib/postgresql/*/bin/postgres | sort -V | tail -n 1 | cut -d/ -f5)
  if ! pg_lsclusters -h | grep -q .; then
    as_root pg_createcluster "$version" main >/dev/null
  fi
  local cluster
  cluster=$(pg_lsclusters -h | head -n 1)
  local cversion cname cport cstatus
  read -r cversion cname cport cstatus _ <<<"$cluster"
  if [[ "$cstatus" != online* ]]; then
    log "Starting PostgreSQL $cversion/$cname on port $cport"
    as_root pg_ctlcluster "$cversion" "$cname" start
  fi
  for _ in $(seq 1 60); do
    pg_isready -q -h 127.0.0.1 -p "$cport" && break
    sleep 0.5
  done
  pg_isready -h 127.0.0.1 -p "$cport"
  # The role the tests log in as; each test run creates and drops its own databases.
  as_root su postgres -c "psql -p $cport -tAc \"SELECT 1 FROM pg_roles WHERE rolname='portal'\"" | grep -q 1 ||
    as_root su postgres -c "psql -p $cport -qc \"CREATE ROLE portal LOGIN PASSWORD 'portal' CREATEDB\""
  # Dropping a test database WITH (FORCE) ends the sessions still in it; one may be an autovacuum worker, which only a
  # member of pg_signal_backend may end (seen failing a test's clean-up once).
  as_root su postgres -c "psql -p $cport -qc \"GRANT pg_signal_backend TO portal\""
  export PORTAL_TEST_POSTGRES="${PORTAL_TEST_POSTGRES:-Host=127.0.0.1;Port=$cport;Username=portal;Password=portal}"
}

ensure_servers() {
  # The scaling tests run three instances behind the repository's nginx file and signal through Redis; they start and
  # stop their own nginx and redis-server, so the packages' own services are not needed (there may be no systemd).
  local missing=()
  [[ -x /usr/sbin/nginx ]] || command -v nginx >/dev/null || missing+=(nginx)
  command -v redis-server >/dev/null || missing+=(redis-server)
  if [[ ${#missing[@]} -gt 0 ]]; then
    apt_install "${missing[@]}"
  fi
}

ensure_chromium() {
  export PORTAL_CHROMIUM="${PORTAL_CHROMIUM:-/usr/bin/chromium}"
  [[ -x "$PORTAL_CHROMIUM" ]] || apt_install chromium fonts-liberation
}

ensure_node_op() {
  command -v node >/dev/null || apt_install nodejs npm
  if [[ -f e2e/op/package-lock.json && ! -d e2e/op/node_modules ]]; then
    log "npm ci (e2e/op)"
    npm ci --prefix e2e/op --no-audit --no-fund --loglevel=error
  fi
}

ensure_postgres
ensure_servers
dotnet build PublisherPortal.sln -nologo -clp:ErrorsOnly

failed=0
node_log=$(mktemp)
projects=(tests/PublisherPortal.Tests tests/PublisherPortal.Oidc.Tests tests/PublisherPortal.DevProviders.Tests)
if [[ $run_e2e == 1 ]]; then
  ensure_chromium
  ensure_node_op
  if [[ -d e2e/op ]]; then
    log "node test (e2e/op)"
    node --test e2e/op/ 2>&1 | tee "$node_log" || failed=1
  fi
  projects+=(e2e/PublisherPortal.E2E)
fi

passed_total=0
failed_total=0
passed_total=$(sed -n 's/^# pass \([0-9]*\)$/\1/p' "$node_log" | tail -n 1)
failed_total=$(sed -n 's/^# fail \([0-9]*\)$/\1/p' "$node_log" | tail -n 1)
passed_total=${passed_total:-0}; failed_total=${failed_total:-0}
rm -f "$node_log"
results=$(mktemp -d)
for project in "${projects[@]}"; do
  [[ -d "$project" ]] || continue
  log "dotnet test $project"
  name=$(basename "$project")
  dotnet test "$project" --no-build -nologo --logger "console;verbosity=normal" --logger "trx;LogFileName=$results/$name.trx" || failed=1
  if [[ -f "$results/$name.trx" ]]; then
    counters=$(grep -o '<Counters [^>]*>' "$results/$name.trx" | head -n 1)
    p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
    passed_total=$((passed_total + ${p:-0})); failed_total=$((failed_total + ${f:-0}))
  fi
done
rm -rf "$results"

log "Summary (all suites)"
echo "$passed_total passed, $failed_total failed"
if [[ $failed != 0 ]]; then
  log "Some tests FAILED"
  exit 1
fi
log "All tests passed"
