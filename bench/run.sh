#!/usr/bin/env bash
# Issue 14: lodestar kpi against an analyst's DuckDB on the same generated national files (docs/benchmarks.md).
#
#   bench/run.sh [COUNCILS] [RUNS]        default 10 councils, 3 runs; data kept in $NATIONAL_DATA (default /tmp/lodestar-national)
#   PROFILE=0 bench/run.sh ...            without the phase profile (it loads every council at once, on one thread)
#   STORED=0 bench/run.sh ...             without the stored path (bulk load into SQLite and PostgreSQL, national scorecard, a new month)
#   FILES=0 bench/run.sh ...              the stored path only (no lodestar kpi / DuckDB comparison)
#
# Generates the data unless it is there, flattens the CIN census XML to CSV for DuckDB (timed apart: DuckDB
# cannot read it), then RUNS times: lodestar kpi for the four KPIs every month of five years (two runs of the
# command: cla_placements_3plus only makes sense over the 12 months to each month end), and DuckDB SQL for the
# same. Checks every row is identical, and prints the medians of wall time, CPU and peak RSS, the ratio, and
# Lodestar's reading rates and allocation (bench/Lodestar.Bench.National profile). Then the stored path: the councils
# taken in by `lodestar returns load`'s use case into a new SQLite database and a new database on a throwaway
# PostgreSQL cluster (started here as scripts/test.sh starts one), a national scorecard read from the stored
# results, and one council's new month confirmed (bench/Lodestar.Bench.National stored).
set -euo pipefail
COUNCILS=${1:-10}
RUNS=${2:-3}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DATA_ROOT=${NATIONAL_DATA:-/tmp/lodestar-national}
DATA="$DATA_ROOT/c$COUNCILS"
FLAT="$DATA_ROOT/c$COUNCILS-flat"
OUT="$DATA_ROOT/out"
mkdir -p "$DATA_ROOT" "$OUT"

# What a fresh machine lacks: GNU time for the peak RSS (the .NET SDK of global.json is needed already to build).
if [ ! -x /usr/bin/time ]; then
  if command -v apt-get >/dev/null; then sudo -n apt-get install -y time >/dev/null 2>&1 || apt-get install -y time >/dev/null; fi
fi
command -v dotnet >/dev/null || { echo "run.sh: the .NET SDK (global.json) is needed: https://dot.net" >&2; exit 2; }

echo "building (Release) ..."
dotnet build "$ROOT/src/Lodestar.Cli" -c Release -v q -nologo >/dev/null
dotnet build "$ROOT/bench/Lodestar.Bench.National" -c Release -v q -nologo >/dev/null
LODESTAR="$ROOT/src/Lodestar.Cli/bin/Release/net10.0/lodestar"
BENCH="$ROOT/bench/Lodestar.Bench.National/bin/Release/net10.0/Lodestar.Bench.National"

if [ ! -f "$DATA/population.csv" ]; then
  echo "generating $COUNCILS council(s) into $DATA ..."
  "$LODESTAR" generate --out "$DATA" --councils "$COUNCILS" | tail -1
fi
echo "data: $(du -sh "$DATA" | cut -f1), $(find "$DATA" -name '*.xml' -o -name '*.csv' | wc -l) files"

if [ "${FILES:-1}" = 1 ]; then
if [ ! -f "$FLAT/cin_referrals.csv" ]; then
  echo "flattening the CIN census for DuckDB: $("$BENCH" flatten "$DATA" "$FLAT") s"
fi

SPAN=(--from 2020-04-01 --to 2025-03-31 --format csv)
measure() { # label, command...: appends "label wall cpu peak_kb" to $OUT/times
  local label=$1; shift
  /usr/bin/time -f "$label %e %U %S %M" -o "$OUT/time.tmp" "$@"
  awk '{ printf "%s %.2f %.2f %d\n", $1, $2, $3 + $4, $5 }' "$OUT/time.tmp" >> "$OUT/times"
}

: > "$OUT/times"
for run in $(seq "$RUNS"); do
  echo "run $run of $RUNS ..."
  measure lodestar_month "$LODESTAR" kpi "$DATA" --series month --kpi cla_at_end,rereferrals_12m,cpp_subsequent "${SPAN[@]}" > "$OUT/lodestar_month.csv" 2> "$OUT/lodestar.err" || [ $? -eq 1 ]
  measure lodestar_rolling12 "$LODESTAR" kpi "$DATA" --series rolling12 --kpi cla_placements_3plus "${SPAN[@]}" > "$OUT/lodestar_rolling12.csv" 2>> "$OUT/lodestar.err" || [ $? -eq 1 ]
  measure duckdb "$BENCH" duckdb "$DATA" "$FLAT" "$OUT/duckdb.csv" > /dev/null
done

"$BENCH" compare "$OUT/duckdb.csv" "$OUT/lodestar_month.csv" "$OUT/lodestar_rolling12.csv"

# Medians; Lodestar's two commands added run by run (peak RSS: the larger of the two).
awk -v runs="$RUNS" '
  function median(a, n,   i, j, t) { for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t } return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2 }
  $1 == "lodestar_month" { m++; lw[m] = $2; lc[m] = $3; lr[m] = $4 }
  $1 == "lodestar_rolling12" { r++; lw[r] += $2; lc[r] += $3; if ($4 > lr[r]) lr[r] = $4 }
  $1 == "duckdb" { d++; dw[d] = $2; dc[d] = $3; dr[d] = $4 }
  END {
    LW = median(lw, m); LC = median(lc, m); LR = median(lr, m); DW = median(dw, d); DC = median(dc, d); DR = median(dr, d)
    printf "\n| medians of %d runs | wall | CPU | peak RSS |\n|---|---|---|---|\n", runs
    printf "| lodestar kpi (two commands) | %.2f s | %.2f s | %.0f MB |\n", LW, LC, LR / 1024
    printf "| DuckDB: read CSVs + SQL | %.2f s | %.2f s | %.0f MB |\n", DW, DC, DR / 1024
    printf "ratio Lodestar / DuckDB: wall %.2f, CPU %.2f\n", LW / DW, LC / DC
  }' "$OUT/times"

if [ "${PROFILE:-1}" = 1 ]; then
  echo
  echo "Lodestar's phases on one thread (CPU seconds; allocation from the runtime's counters; PROFILE=0 skips):"
  "$BENCH" profile "$DATA"
fi
fi

if [ "${STORED:-1}" = 1 ]; then
  FRAMEWORK="$ROOT/samples/frameworks/national-framework.yaml"
  # The JIT as the lodestar command runs it (src/Lodestar.Cli/Lodestar.Cli.csproj): no instrumented tier, no quick-JIT loops.
  export DOTNET_TieredPGO=0 DOTNET_TC_QuickJitForLoops=0
  echo
  echo "Stored path, SQLite (a new database file in $DATA_ROOT/scratch each run):"
  "$BENCH" stored "$DATA" sqlite --runs "$RUNS" --framework "$FRAMEWORK" --scratch "$DATA_ROOT/scratch"
  if [ "${PROFILE:-1}" = 1 ]; then
    echo
    echo "Where the bulk load's CPU goes (no database; one thread; PROFILE=0 skips):"
    "$BENCH" stored-phases "$DATA"
  fi

  # A throwaway PostgreSQL cluster with its defaults (fsync on) but for a larger max_wal_size, as for any bulk load.
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -z "$pg_bin" ] && command -v apt-get >/dev/null; then
    { sudo -n apt-get install -y -qq postgresql || apt-get install -y -qq postgresql; } >/dev/null 2>&1 || true
    pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  fi
  if [ -z "$pg_bin" ]; then
    echo "run.sh: PostgreSQL is not installed; the stored path was measured on SQLite only" >&2
  else
    pg_dir=$(mktemp -d /tmp/lodestar-bench-pg.XXXXXX)
    pg_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null || echo 55433)
    as_pg() { if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }
    if [ "$(id -u)" -eq 0 ]; then chown postgres "$pg_dir"; fi
    trap 'as_pg "\"$pg_bin/pg_ctl\" -D \"$pg_dir/data\" -m fast stop" >/dev/null 2>&1 || true; rm -rf "$pg_dir"' EXIT
    as_pg "'$pg_bin/initdb' -D '$pg_dir/data' -U postgres -A trust -E UTF8 --locale=C.UTF-8" >/dev/null
    as_pg "'$pg_bin/pg_ctl' -D '$pg_dir/data' -l '$pg_dir/log' -w -t 60 -o \"-h 127.0.0.1 -p $pg_port -k '$pg_dir' -c max_wal_size=4GB\" start" >/dev/null
    echo
    echo "Stored path, PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') (a new database each run; the cluster's CPU from /proc):"
    "$BENCH" stored "$DATA" postgres --runs "$RUNS" --framework "$FRAMEWORK" \
      --postgres "Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres" --postmaster-pid "$(head -n 1 "$pg_dir/data/postmaster.pid")"
  fi
fi
