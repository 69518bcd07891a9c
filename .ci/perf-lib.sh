# Shared by the .ci/perf-* scripts (sourced, not run): building, sample
# databases, taskwarrior's `task next` as the yardstick, and timing.
#
# Environment:
#   PERF_RUNS   runs per timed command (default 30; hyperfine takes the median)
#   PERF_SIZES  application counts to measure (default "10000 100000")
#   PERF_CACHE  a directory to keep the sample databases in between runs (they
#               take a while at 100,000); default: a temporary one, removed
#   PERF_BIN    a prebuilt afterview to time instead of building one

perf_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
perf_runs=${PERF_RUNS:-30}
perf_sizes=${PERF_SIZES:-10000 100000}
perf_tmp=$(mktemp -d "${TMPDIR:-/tmp}/afterview-perf.XXXXXX")
perf_cleanup() { rm -rf "$perf_tmp"; }
trap perf_cleanup EXIT
perf_cache=${PERF_CACHE:-$perf_tmp}
mkdir -p "$perf_cache"
# Every sample is dated relative to today; one fixed today for a whole run.
export AFTERVIEW_TODAY=${AFTERVIEW_TODAY:-$(date +%F)}

command -v hyperfine >/dev/null || { echo "perf: hyperfine is needed (apt-get install hyperfine)" >&2; exit 2; }

# perf_build: $bin is afterview as users get it (pure Go, CGO_ENABLED=0),
# $hello a hello-world Go binary built the same way, $sqlite_only that
# hello-world importing the SQLite driver.
perf_build() {
	bin=${PERF_BIN:-}
	if [[ -z $bin ]]; then
		echo "building afterview…" >&2
		(cd "$perf_root" && CGO_ENABLED=0 go build -trimpath -o "$perf_tmp/afterview" .)
		bin=$perf_tmp/afterview
	fi
	mkdir -p "$perf_tmp/hello"
	printf 'package main\n\nimport "fmt"\n\nfunc main() { fmt.Println("hello, world") }\n' >"$perf_tmp/hello/main.go"
	printf 'module hello\n\ngo 1.22\n' >"$perf_tmp/hello/go.mod"
	(cd "$perf_tmp/hello" && CGO_ENABLED=0 go build -trimpath -o "$perf_tmp/hello-world" .)
	hello=$perf_tmp/hello-world
	# The same hello-world importing only the SQLite driver afterview uses,
	# at the version afterview's go.sum pins: the floor of its start-up.
	mkdir -p "$perf_tmp/sqlite-only"
	printf 'package main\n\nimport (\n\t"fmt"\n\n\t_ "modernc.org/sqlite"\n)\n\nfunc main() { fmt.Println("hello, world") }\n' >"$perf_tmp/sqlite-only/main.go"
	sed 's/^module .*/module sqliteonly/' "$perf_root/go.mod" >"$perf_tmp/sqlite-only/go.mod"
	cp "$perf_root/go.sum" "$perf_tmp/sqlite-only/go.sum"
	(cd "$perf_tmp/sqlite-only" && CGO_ENABLED=0 go build -mod=mod -trimpath -o "$perf_tmp/sqlite-only-world" .)
	sqlite_only=$perf_tmp/sqlite-only-world
	# The same module, reading what `chase` reads of a file and nothing
	# else: the due rows (the columns the chase view shows and the kept
	# summary) from the index that holds them, through database/sql, each
	# value taken as bytes and dropped. Its time is the floor of `chase`
	# with this driver: no work on the rows, no report.
	mkdir -p "$perf_tmp/due-rows"
	cat >"$perf_tmp/due-rows/main.go" <<'GO'
package main

import (
	"database/sql"
	"fmt"
	"os"
	"time"

	_ "modernc.org/sqlite"
)

func main() {
	today, err := time.Parse("2006-01-02", os.Getenv("AFTERVIEW_TODAY"))
	if err != nil {
		panic(err)
	}
	limit := (today.AddDate(0, 0, 3).Unix()+62135596800)/86400 + 1 // afterview's day number: 0001-01-01 is 1
	db, err := sql.Open("sqlite", "file:"+os.Args[1]+"?mode=ro")
	if err != nil {
		panic(err)
	}
	rows, err := db.Query(`SELECT id, company, role, recruiter, contact, summary FROM applications
		INDEXED BY applications_chase_rows WHERE archived = 0 AND next_due <= ?`, limit)
	if err != nil {
		panic(err)
	}
	v := make([]sql.RawBytes, 6)
	dest := []any{&v[0], &v[1], &v[2], &v[3], &v[4], &v[5]}
	n := 0
	for rows.Next() {
		if err := rows.Scan(dest...); err != nil {
			panic(err)
		}
		n++
	}
	if err := rows.Err(); err != nil {
		panic(err)
	}
	fmt.Println(n, "due rows")
}
GO
	sed 's/^module .*/module duerows/' "$perf_root/go.mod" >"$perf_tmp/due-rows/go.mod"
	cp "$perf_root/go.sum" "$perf_tmp/due-rows/go.sum"
	(cd "$perf_tmp/due-rows" && CGO_ENABLED=0 go build -mod=mod -trimpath -o "$perf_tmp/due-rows-only" .)
	due_rows_only=$perf_tmp/due-rows-only
}

# perf_db KIND N: prints the path of a sample database of N applications,
# writing it first if the cache has none. KIND is demo (a long search, mostly
# history, one in ten under way) or backlog (never tidied up: most due).
perf_db() {
	local kind=$1 n=$2 path="$perf_cache/$1-$2-$AFTERVIEW_TODAY.db" flag=""
	[[ $kind == backlog ]] && flag=--backlog
	if [[ ! -s $path ]]; then
		echo "writing $n $kind applications…" >&2
		rm -f "$path" "$path-wal" "$path-shm"
		"$bin" demo --db "$path" --apps "$n" $flag --no-tui >/dev/null
		# Open it once, so that no timed run pays for a one-off upgrade.
		"$bin" --db "$path" chase --count >/dev/null
	fi
	echo "$path"
}

# perf_taskwarrior: 10,000 pending tasks with due dates from 30 days ago to
# 60 days ahead, in a taskwarrior of its own; sets TASKRC and TASKDATA.
perf_taskwarrior() {
	command -v task >/dev/null || { echo "perf: taskwarrior (task) is needed for the yardstick" >&2; exit 2; }
	export TASKRC=$perf_cache/taskrc TASKDATA=$perf_cache/taskdata
	if [[ ! -s $TASKDATA/pending.data ]]; then
		echo "writing 10000 taskwarrior tasks…" >&2
		mkdir -p "$TASKDATA"
		printf 'data.location=%s\nconfirmation=off\nnews.version=99.0.0\nverbose=nothing\n' "$TASKDATA" >"$TASKRC"
		local dates=() d
		for ((d = -30; d < 60; d++)); do dates+=("$(date -u -d "$d days" +%Y%m%dT000000Z)"); done
		seq 10000 | awk -v dates="${dates[*]}" 'BEGIN { n = split(dates, ds, " ") }
			{ printf "{\"description\":\"Follow up with company %d\",\"status\":\"pending\",\"entry\":\"%s\",\"due\":\"%s\",\"project\":\"search%d\"}\n",
				$1, ds[1], ds[($1 % n) + 1], $1 % 20 }' >"$perf_tmp/tasks.json"
		task import "$perf_tmp/tasks.json" >/dev/null 2>&1
	fi
	task_label="task next (taskwarrior $(task --version), $(task count status:pending 2>/dev/null) tasks)"
}

# perf_median CMD...: prints the median wall time of CMD in ms (hyperfine,
# no shell, a few warm-up runs, output discarded).
perf_median() {
	hyperfine -N --warmup 3 --runs "$perf_runs" --export-json "$perf_tmp/h.json" -- "$(printf '%q ' "$@")" >/dev/null 2>&1 ||
		{ echo "perf: failed: $*" >&2; return 1; }
	python3 -c 'import json,sys; print("%.1f" % (json.load(open(sys.argv[1]))["results"][0]["median"] * 1000))' "$perf_tmp/h.json"
}

# perf_machine: one line about where and when this ran.
perf_machine() {
	local cpu
	cpu=$(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null)
	echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores (${cpu:-unknown CPU}), $(go version | awk '{ print $3 }'), load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
}

# perf_row WHAT DATA VALUE UNIT RATIO GOALTEXT OK: one row of the results table.
perf_rows=$perf_tmp/rows
: >"$perf_rows"
perf_fail=0
perf_row() {
	printf '%s\t%s\t%s %s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" "$5" "$6" "$7" >>"$perf_rows"
	[[ $7 == OVER ]] && perf_fail=1
	return 0
}

# perf_check VALUE LIMIT: prints ok when VALUE ≤ LIMIT, else OVER.
perf_check() { awk -v v="$1" -v l="$2" 'BEGIN { print (v <= l ? "ok" : "OVER") }'; }

# perf_ratio A B: A/B with three decimals.
perf_ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a / b }'; }

# perf_table: prints the rows as a table.
perf_table() {
	{
		printf 'what\tdata\tmedian\tratio\tgoal\t\n'
		cat "$perf_rows"
	} | column -t -s $'\t'
}
