#!/usr/bin/env bash
# Runs every Lodestar test for real: installs PostgreSQL and Chromium when missing, starts a throwaway
# PostgreSQL cluster on a loopback port, points LODESTAR_TEST_POSTGRES at it, runs `dotnet test` for the
# whole solution, and stops the cluster whatever happens. Exits non-zero when any test fails.
#
#   scripts/test.sh [extra dotnet test arguments, e.g. --filter FullyQualifiedName~Kpi]
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
need=()
[ -n "$pg_bin" ] && [ -x "$pg_bin/initdb" ] || need+=(postgresql)
# The browser tests run on Debian's headless shell build of Chromium (the same version and Blink as its chromium
# package, without the full browser's UI layer): the browser tests' CPU in a sweep fell by about a third against the full browser.
[ -x /usr/bin/chromium-headless-shell ] || need+=(chromium-headless-shell)
if [ ${#need[@]} -gt 0 ]; then
  echo "test.sh: installing ${need[*]} with apt"
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${need[@]}" >/dev/null
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
fi

# A throwaway cluster in a temp folder. PostgreSQL refuses to run as root, so as root it runs as postgres.
pg_dir=$(mktemp -d /tmp/lodestar-pg.XXXXXX)
pg_port=${LODESTAR_TEST_PG_PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null || echo 55432)}
as_pg() { if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }
if [ "$(id -u)" -eq 0 ]; then chown postgres "$pg_dir"; fi

stop_pg() {
  as_pg "'$pg_bin/pg_ctl' -D '$pg_dir/data' -m immediate stop" >/dev/null 2>&1 || true
  rm -rf "$pg_dir"
}
trap stop_pg EXIT

as_pg "'$pg_bin/initdb' -D '$pg_dir/data' -U postgres -A trust --no-sync -E UTF8 --locale=C.UTF-8" >/dev/null
as_pg "'$pg_bin/pg_ctl' -D '$pg_dir/data' -l '$pg_dir/log' -w -t 60 -o \"-h 127.0.0.1 -p $pg_port -k '$pg_dir' -c fsync=off -c synchronous_commit=off -c full_page_writes=off\" start" >/dev/null
export LODESTAR_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres;Pooling=true"
echo "test.sh: PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$pg_port; Chromium at /usr/bin/chromium-headless-shell"

# The test hosts run many apps, Chromium and PostgreSQL on two cores: idle thread-pool threads spinning before they
# sleep took about a fifth of the web tests' managed CPU in a sampled trace, and tiered PGO's instrumentation pays off
# only in processes that live longer than a test run. Test runs only; the product's own settings are untouched.
export DOTNET_ThreadPool_UnfairSemaphoreSpinLimit=0 DOTNET_TieredPGO=0

log="$pg_dir/dotnet-test.log"
set +e
dotnet test Lodestar.slnx --nologo "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
# One closing line over every test project, in the plain "N passed, N failed, N skipped" form.
awk '/^(Passed|Failed)! +- Failed:/ { gsub(/[^0-9,]/, "", $0); split($0, n, ","); f += n[1]; p += n[2]; s += n[3] }
     END { printf "Total: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
exit "$status"
