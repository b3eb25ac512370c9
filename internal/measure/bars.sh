#!/usr/bin/env bash
# bars.sh: the speed and memory bars of issue 13, timed as the issue states
# them (best of RUNS runs, /usr/bin/time's wall time and peak RSS), on
# inputs built from this checkout's texts:
#
#   news    the news texts of testdata (seeds, holdout, holdout2; 19 German,
#           Spanish and mixed articles) repeated as 20 MB of JSON Lines
#   dev     the same from DEV (a folder of .txt files, e.g. the dev set's
#           texts), when DEV is set
#   1mb/8mb the seeds joined into one 1 MB and one 8 MB text document
#   pages   go-trafilatura's ~950 real test pages (module cache), batch
#   ftm     the synthetic million-name FollowTheMoney gazetteer
#
# Usage: internal/measure/bars.sh            (RUNS=3, files in a temp dir)
#        RUNS=5 DEV=../shared/eval/dev/texts OUT=/tmp/bars internal/measure/bars.sh
# Needs /usr/bin/time (Debian package time). MB here is 10^6 bytes.
set -euo pipefail
cd "$(dirname "$0")/../.."

runs=${RUNS:-3}
out=${OUT:-$(mktemp -d)}
mkdir -p "$out"
[ -x /usr/bin/time ] || { echo "bars.sh: needs /usr/bin/time (apt-get install time)" >&2; exit 2; }

echo "# $(date -u +%FT%TZ) $(git rev-parse --short HEAD)$(git diff --quiet || echo +dirty)," \
  "$(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); files in $out"
go build -o "$out/gazex" ./cmd/gazex
gz=$out/gazex
news="testdata/seeds testdata/eval/holdout/texts testdata/eval/holdout2/texts"
[ -s "$out/news.jsonl" ] || go run ./internal/measure/corpus -size 20000000 -o "$out/news.jsonl" $news
if [ -n "${DEV:-}" ] && [ ! -s "$out/dev.jsonl" ]; then
  go run ./internal/measure/corpus -size 20000000 -o "$out/dev.jsonl" "$DEV"
fi
for mb in 1 8; do
  [ -s "$out/${mb}mb.txt" ] || go run ./internal/measure/corpus -doc -size ${mb}000000 -o "$out/${mb}mb.txt" testdata/seeds
done
[ -s "$out/ftm.json" ] || go run ./gazetteer/internal/synth/cmd/synth -o "$out/ftm.json"
pages=$(go mod download -json github.com/markusmobius/go-trafilatura@v1.12.2 |
  sed -n 's/^[[:space:]]*"Dir": "\(.*\)",*$/\1/p')/test-files/comparison
npages=$(find "$pages" -type f -name '*.html' | wc -l)
seed=$(ls testdata/seeds/*.txt | head -1)

# best NAME CMD...: runs CMD RUNS times (output to /dev/null) and sets
# wall (the least wall seconds), rss (the largest peak RSS in MB), and
# prints every run.
best() {
  local name=$1; shift
  wall=; rss=0
  local all=
  for _ in $(seq "$runs"); do
    rm -rf "$out/batch"
    # exit status 1 is a run in which some documents failed (reported on
    # stderr): three of the real pages have no main text.
    /usr/bin/time -f '%e %M' -o "$out/time" "$@" >/dev/null 2>"$out/stderr" ||
      grep -q '^Command exited with non-zero status 1$' "$out/time" ||
      { echo "$name: failed:"; tail -3 "$out/stderr"; exit 1; }
    sed -i '/^Command exited/d' "$out/time"
    read -r w k < "$out/time"
    all="$all $w"
    wall=$(awk -v a="$w" -v b="${wall:-1e9}" 'BEGIN { print (a < b) ? a : b }')
    rss=$(awk -v a="$((k * 1024))" -v b="$rss" 'BEGIN { m = int(a / 1e6 + 0.999); print (m > b) ? m : b }')
  done
  printf '%-34s best %6.2f s  (runs:%s s)  peak %4.0f MB\n' "$name" "$wall" "$all" "$rss"
}

# bar TEXT OK: prints whether a bar is met.
bar() { if [ "$2" = 1 ]; then echo "  met:     $1"; else echo "  NOT MET: $1"; fi; }
cmp() { awk "BEGIN { print ($1) ? 1 : 0 }"; }

x="$gz extract --format jsonl --emit documents"
for c in news ${DEV:+dev}; do
  size=$(stat -L -c %s "$out/$c.jsonl")
  best "$c 20 MB, --workers 1" $x --workers 1 "$out/$c.jsonl"; w1=$wall
  mbs=$(awk -v s="$size" -v w="$w1" 'BEGIN { printf "%.1f", s / 1e6 / w }')
  bar "one worker $mbs MB/s >= 6, peak $rss MB <= 300" "$(cmp "$mbs >= 6 && $rss <= 300")"
  best "$c 20 MB, --workers 2" $x --workers 2 "$out/$c.jsonl"
  sp=$(awk -v a="$w1" -v b="$wall" 'BEGIN { printf "%.2f", a / b }')
  bar "two workers ${sp}x one >= 1.7" "$(cmp "$sp >= 1.7")"
done

best "start-up, $(basename "$seed")" "$gz" extract "$seed"; start=$wall
bar "start-up $start s <= 0.35" "$(cmp "$start <= 0.35")"

best "one 1 MB document" "$gz" extract --workers 1 "$out/1mb.txt"; w1=$wall
best "one 8 MB document" "$gz" extract --workers 1 "$out/8mb.txt"; w8=$wall
s1=$(stat -L -c %s "$out/1mb.txt"); s8=$(stat -L -c %s "$out/8mb.txt")
r=$(awk -v a="$w8" -v b="$w1" -v s1="$s1" -v s8="$s8" 'BEGIN { printf "%.2f", (a / s8) / (b / s1) }')
bar "8 MB / 1 MB time per MB ${r}x <= 1.2, peak $rss MB <= 540" "$(cmp "$r <= 1.2 && $rss <= 540")"

best "batch --emit all --workers 2, $npages pages" "$gz" batch --emit all --workers 2 -o "$out/batch" "$pages"
pps=$(awk -v n="$npages" -v w="$wall" 'BEGIN { printf "%.0f", n / w }')
bar "batch $pps pages/s >= 100, peak $rss MB <= 400" "$(cmp "$pps >= 100 && $rss <= 400")"

best "million-name FtM gazetteer, a seed" "$gz" extract --gazetteer "$out/ftm.json" "$seed"
bar "FtM $wall s <= 5, peak $rss MB <= 1000" "$(cmp "$wall <= 5 && $rss <= 1000")"
