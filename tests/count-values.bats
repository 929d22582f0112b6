#!/usr/bin/env bats
# count-values: frequency tables, their options, merging, and bounded memory.

load common

CASES=tests/cases/count-values

# sort_uniq: the reference, `sort | uniq -c` reformatted to COUNT TAB KEY,
# count descending, ties by key bytes (the stable sort keeps sort's order).
sort_uniq() {
	LC_ALL=C sort | LC_ALL=C uniq -c | sed -E 's/^ *([0-9]+) /\1\t/' | LC_ALL=C sort -s -t "$(printf '\t')" -k1,1nr
}

# random_lines SEED: lines with ties, empty keys, UTF-8, escapes, TABs,
# keys that are prefixes of others and long keys sharing their first bytes.
random_lines() {
	python3 - "$1" <<'EOF'
import random, sys
rng = random.Random(int(sys.argv[1]))
vocab = ["", "a", "ab", "abc", "ab\x01", "b", "Ä", "é", "日本", "Jakarta Selatan",
         "x\\ty", "x\\\\", "\\n", "a\tb", "a\t", "\tb", "\t", "PER\tJoko Widodo",
         "PER\tJoko", "PER\tJoko Widodo\t"]
vocab += ["LOC\tKabupaten Bandung Barat %d" % i for i in range(rng.randrange(1, 60))]
vocab += ["%08d" % rng.randrange(100) for _ in range(rng.randrange(30))]
n = rng.randrange(0, 600)
skew = rng.random() * 3
out = []
for _ in range(n):
    i = min(int(len(vocab) * rng.random() ** (1 + skew)), len(vocab) - 1)
    out.append(vocab[i] + "\n")
sys.stdout.write("".join(out))
EOF
}

@test "cases: each input and options give the expected table" {
	for args in "$CASES"/*.args; do
		name=${args%.args}
		read -r -a opts < "$args" || true
		run --separate-stderr "$BIN/count-values" "${opts[@]}" "$name.in"
		[ "$status" -eq 0 ] || { echo "$name: status $status: $stderr" >&2; return 1; }
		[ "$stderr" = "" ] || { echo "$name: stderr: $stderr" >&2; return 1; }
		check_output "$(cat "$name.out")" || { echo "in case $name" >&2; return 1; }
	done
}

@test "property: the same table as sort | uniq -c on random inputs (20 seeds, 5 under the sanitizers)" {
	for seed in $(property_seeds); do
		random_lines "$seed" > "$TMP/in"
		sort_uniq < "$TMP/in" > "$TMP/want"
		"$BIN/count-values" "$TMP/in" > "$TMP/got"
		cmp -s "$TMP/want" "$TMP/got" || { diff "$TMP/want" "$TMP/got" | head >&2; echo "seed $seed" >&2; return 1; }
	done
}

@test "property: -f picks the fields that cut -f picks (20 seeds, 5 under the sanitizers)" {
	for seed in $(property_seeds); do
		random_lines "$seed" | paste - - - | awk -F'\t' 'NF >= 3' > "$TMP/in"
		for list in 2 1,3 2- 1-2; do
			cut -f "$list" "$TMP/in" | sort_uniq > "$TMP/want"
			"$BIN/count-values" -f "$list" "$TMP/in" > "$TMP/got"
			cmp -s "$TMP/want" "$TMP/got" || { diff "$TMP/want" "$TMP/got" | head >&2; echo "seed $seed -f $list" >&2; return 1; }
		done
	done
}

@test "merge: tables of the pieces, summed with -w 1 -f 2-, equal the table of the whole" {
	scripts/gen-records 0.5 7 > "$TMP/all"
	split -n l/4 "$TMP/all" "$TMP/part."
	for p in "$TMP"/part.*; do "$BIN/count-values" -f 6,8 "$p" > "$p.counts"; done
	"$BIN/count-values" -f 6,8 "$TMP/all" > "$TMP/want"
	run --separate-stderr "$BIN/count-values" -w 1 -f 2- "$TMP"/part.*.counts
	[ "$status" -eq 0 ] && [ "$stderr" = "" ]
	check_output "$(cat "$TMP/want")"
	[ "$(wc -l < "$TMP/want")" -gt 1000 ]
}

@test "merge: --by tables summed with --by 1 -w 2 -f 3-" {
	scripts/gen-records 0.3 8 > "$TMP/all"
	split -n l/3 "$TMP/all" "$TMP/part."
	for p in "$TMP"/part.*; do "$BIN/count-values" --by 6 -f 8 "$p" > "$p.counts"; done
	"$BIN/count-values" --by 6 -f 8 "$TMP/all" > "$TMP/want"
	run --separate-stderr "$BIN/count-values" --by 1 -w 2 -f 3- "$TMP"/part.*.counts
	[ "$status" -eq 0 ] && [ "$stderr" = "" ]
	check_output "$(cat "$TMP/want")"
}

@test "merge: -d tables of pieces with disjoint documents summed with -w 1,2 -f 3-" {
	scripts/gen-records 0.5 9 > "$TMP/all"
	awk -F'\t' -v dir="$TMP" '{ print > (dir "/doc." (substr($1, 7, 6) % 4)) }' "$TMP/all"
	for p in "$TMP"/doc.?; do "$BIN/count-values" -d 1 -f 6,8 "$p" > "$p.counts"; done
	"$BIN/count-values" -d 1 -f 6,8 "$TMP/all" > "$TMP/want"
	run --separate-stderr "$BIN/count-values" -w 1,2 -f 3- "$TMP"/doc.?.counts
	[ "$status" -eq 0 ] && [ "$stderr" = "" ]
	check_output "$(cat "$TMP/want")"
}

@test "parallel: GNU parallel over pieces, merged, is byte-identical to one run" {
	command -v parallel > /dev/null || skip "GNU parallel is not installed (scripts/deps installs it)"
	scripts/gen-records 1 10 > "$TMP/all"
	split -n l/8 "$TMP/all" "$TMP/part."
	"$BIN/count-values" -f 6,8 "$TMP/all" > "$TMP/want"
	run --separate-stderr bash -c "ls '$TMP'/part.* | parallel -j 4 '$BIN/count-values -f 6,8 {}' | '$BIN/count-values' -w 1 -f 2-"
	[ "$status" -eq 0 ] && [ "$stderr" = "" ]
	check_output "$(cat "$TMP/want")"
}

@test "worked example: the parallel recipe of docs/PARALLEL.md (parallel and make -j) matches one run" {
	command -v parallel > /dev/null || skip "GNU parallel is not installed (scripts/deps installs it)"
	for t in strip-boilerplate split-sentences tag-entities; do
		[ -x "$BIN/$t" ] || skip "$t is not built"
	done
	run --separate-stderr env B="$BIN" scripts/parallel-example corpus "$TMP/work"
	[ "$status" -eq 0 ]
	[ "$stderr" = "" ]
	check_output "parallel-example: parallel: identical to one run
parallel-example: make -j: identical to one run
parallel-example: document frequency (-d 1), parallel: identical to one run"
}

@test "scripts/count-pages.mk on a directory without pages: an empty table, no wait on standard input" {
	mkdir "$TMP/pages"
	run --separate-stderr bash -c "timeout 20 make -s -f scripts/count-pages.mk PAGES='$TMP/pages' OUT='$TMP/out' B='$BIN' < /dev/zero"
	[ "$status" -eq 0 ]
	[ -f "$TMP/out/total.counts" ] && [ ! -s "$TMP/out/total.counts" ]
}

@test "-n keeps the N largest counts, ties by key bytes" {
	printf 'b\nc\na\nc\nb\nd\n' > "$TMP/in"
	run --separate-stderr "$BIN/count-values" -n 3 "$TMP/in"
	[ "$status" -eq 0 ] && [ "$stderr" = "" ]
	check_output $'2\tb\n2\tc\n1\ta'
}

@test "--bars draws Unicode blocks scaled to COLUMNS, labels cut at a third of it" {
	printf 'Joko\nJoko\nJoko\nJoko\nAni\nBandung\tBarat\nBandung\tBarat\n' > "$TMP/in"
	COLUMNS=30 run --separate-stderr "$BIN/count-values" --bars --total "$TMP/in"
	[ "$status" -eq 0 ] && [ "$stderr" = "" ]
	check_output "Joko       ████████████████ 4
Bandung Ba ████████ 2
Ani        ████ 1
total 7"
	COLUMNS=30 run --separate-stderr "$BIN/count-values" --bars --by 1 -f 2 <(printf 'a\tx\na\tx\na\ty\nb\tz\n')
	check_output "a:
x █████████████████████████ 2
y ████████████▌ 1

b:
z █████████████████████████ 1"
}

@test "--bars: a COLUMNS that is no width (too large, not a number) counts as unset" {
	printf 'a\nb\na\n' > "$TMP/in"
	COLUMNS=80 "$BIN/count-values" --bars "$TMP/in" > "$TMP/want"
	for cols in 99999999999 10001 12x -3; do
		run --separate-stderr env COLUMNS=$cols "$BIN/count-values" --bars "$TMP/in"
		[ "$status" -eq 0 ]
		check_output "$(cat "$TMP/want")"
	done
}

@test "--bars with --percent uses eighths of a block" {
	printf 'a\na\na\na\na\na\na\na\nb\n' > "$TMP/in"
	COLUMNS=20 run --separate-stderr "$BIN/count-values" --bars --percent "$TMP/in"
	[ "$status" -eq 0 ] && [ "$stderr" = "" ]
	check_output "a ██████ 8 (88.89%)
b ▊ 1 (11.11%)"
}

@test "--memory large enough: the exact table, nothing on stderr" {
	scripts/gen-records 0.3 11 > "$TMP/in"
	"$BIN/count-values" -f 8 -n 50 "$TMP/in" > "$TMP/want"
	run --separate-stderr "$BIN/count-values" -f 8 -n 50 --memory 64M "$TMP/in"
	[ "$status" -eq 0 ] && [ "$stderr" = "" ]
	check_output "$(cat "$TMP/want")"
}

@test "--memory too small: Space-Saving counts within the stated bound" {
	scripts/gen-records 1 12 > "$TMP/in"
	"$BIN/count-values" -f 8 "$TMP/in" > "$TMP/exact"
	run --separate-stderr "$BIN/count-values" -f 8 -n 20 --memory 200K "$TMP/in"
	[ "$status" -eq 0 ]
	[ "${#lines[@]}" -eq 20 ]
	[[ "$stderr" =~ ^count-values:\ --memory:\ approximate:\ Space-Saving\ over\ ([0-9]+)\ keys\;\ each\ count\ is\ at\ most\ ([0-9]+)\ above\ the\ true\ count\ \(total\ ([0-9]+)\)$ ]]
	k=${BASH_REMATCH[1]} bound=${BASH_REMATCH[2]} total=${BASH_REMATCH[3]}
	[ "$total" -eq "$(wc -l < "$TMP/in")" ]
	[ "$bound" -le $((total / k)) ]
	[ "$bound" -gt 0 ]
	# true <= estimate <= true + bound, for every row shown
	printf '%s\n' "$output" | awk -F'\t' -v bound="$bound" '
		FNR == NR { exact[$2] = $1; next }
		{ t = exact[$2] + 0; if ($1 < t || $1 > t + bound) { print "bad: " $0 " true " t; bad = 1 } }
		END { exit bad }' "$TMP/exact" -
	# every key whose true count exceeds the bound by the 20th estimate is shown
	twentieth=$(printf '%s\n' "$output" | sed -n 20p | cut -f1)
	awk -F'\t' -v b="$bound" -v m="$twentieth" '$1 > m + b { print $2 }' "$TMP/exact" > "$TMP/must"
	while IFS= read -r key; do
		printf '%s\n' "$output" | cut -f2- | grep -qxF -- "$key"
	done < "$TMP/must"
}

@test "-j 1 and -j 2 give the same bytes: keys, groups, weights, distinct values, bounded memory" {
	# 222,000 records: the counting thread starts at the 16th chunk of 8,192;
	# -f 4,7,8: more keys than sort in two halves (65536)
	scripts/gen-records 20 13 > "$TMP/in"
	[ "$(wc -l < "$TMP/in")" -gt $((3 * 16 * 8192 / 2)) ]
	"$BIN/count-values" -f 6,8 "$TMP/in" > "$TMP/counts"
	for opts in "-f 6,8" "-f 4,7,8" "-f 8 -n 100" "--by 6 -f 8" "-d 1 -f 6,8" "-w 1 -f 2-" "-f 8 -n 20 --memory 200K" \
	    "-f 8 -n 50 --memory 64M" "--min 3 --percent --total -f 7"; do
		file=$TMP/in
		[ "$opts" = "-w 1 -f 2-" ] && file=$TMP/counts
		"$BIN/count-values" -j 1 $opts "$file" > "$TMP/one" 2> "$TMP/one.err"
		"$BIN/count-values" -j 2 $opts "$file" > "$TMP/two" 2> "$TMP/two.err"
		[ -s "$TMP/one" ] || { echo "no output: $opts" >&2; return 1; }
		cmp "$TMP/one" "$TMP/two" || { echo "-j differs: $opts" >&2; return 1; }
		cmp "$TMP/one.err" "$TMP/two.err" || { echo "-j stderr differs: $opts" >&2; return 1; }
	done
	# Malformed records: the same messages and status with either.
	printf 'a\tx\nb\nc\tx\n' > "$TMP/bad"
	for j in 1 2; do
		run --separate-stderr "$BIN/count-values" -j $j -f 2 "$TMP/bad"
		[ "$status" -eq 1 ]
		[ "$stderr" = "count-values: $TMP/bad:2: 1 field, want at least 2" ]
		check_output $'2\tx'
	done
}

@test "-j 2 counts the first 15 chunks of 8,192 records in the reading thread: on each side of the 16th the bytes of -j 1" {
	scripts/gen-records 20 14 > "$TMP/all"
	for n in 8191 8193 122879 122880 122881 131071 131072 131073 139265; do
		head -n $n "$TMP/all" > "$TMP/in"
		"$BIN/count-values" -j 1 -f 6,8 "$TMP/in" > "$TMP/one"
		"$BIN/count-values" -j 2 -f 6,8 "$TMP/in" > "$TMP/two"
		[ "$(awk -F'\t' '{ s += $1 } END { print s }' "$TMP/one")" -eq $n ]
		cmp "$TMP/one" "$TMP/two" || { echo "-j differs on $n records" >&2; return 1; }
	done
}

@test "many keys, most seen once: the table of sort | uniq -c with -j 1 and -j 2 (the sort's items reuse the table's memory)" {
	scripts/gen-records 8 13 > "$TMP/in"	# more keys than sort in two halves and than the slots jump at (65536), ties on 1
	cut -f4,7,8 "$TMP/in" | sort_uniq > "$TMP/want"
	[ "$(wc -l < "$TMP/want")" -gt 65536 ]
	[ "$(grep -c $'^1\t' "$TMP/want")" -gt 40000 ]
	for j in 1 2; do
		"$BIN/count-values" -j $j -f 4,7,8 "$TMP/in" > "$TMP/got"
		cmp "$TMP/want" "$TMP/got"
	done
	# --by: each group's table in the same reused memory, one after the other.
	cut -f6,8 "$TMP/in" | grep -a $'^PER\t' | cut -f2 | sort_uniq | sed 's/^/PER\t/' > "$TMP/want"
	"$BIN/count-values" --by 6 -f 8 "$TMP/in" | grep -a $'^PER\t' > "$TMP/got"
	cmp "$TMP/want" "$TMP/got"
}

@test "-j takes 1 or 2 threads, anything else is a usage error" {
	for j in 0 3 x ""; do
		run --separate-stderr "$BIN/count-values" -j "$j" /dev/null
		[ "$status" -eq 2 ] && [ "$output" = "" ]
	done
	run --separate-stderr "$BIN/count-values" -j 3 /dev/null
	[ "${stderr%%$'\n'*}" = "count-values: -j: too large: 3 (at most 2)" ]
	run --separate-stderr "$BIN/count-values" -j 0 /dev/null
	[ "${stderr%%$'\n'*}" = "count-values: -j: too small: 0 (at least 1)" ]
	run --separate-stderr "$BIN/count-values" -j x /dev/null
	[ "${stderr%%$'\n'*}" = "count-values: -j: not a number: x" ]
}

@test "a record with fewer fields than asked is reported, skipped, status 1" {
	printf 'a\tx\nb\nc\tx\n' > "$TMP/in"
	run --separate-stderr "$BIN/count-values" -f 2 "$TMP/in"
	[ "$status" -eq 1 ]
	[ "$stderr" = "count-values: $TMP/in:2: 1 field, want at least 2" ]
	check_output $'2\tx'
}

@test "a weight that is not a number is reported, skipped, status 1" {
	printf '2\tx\nx\ty\n-1\tz\n3\tx\n' > "$TMP/in"
	run --separate-stderr "$BIN/count-values" -w 1 -f 2 "$TMP/in"
	[ "$status" -eq 1 ]
	[ "$stderr" = "count-values: $TMP/in:2: weight is not a number: x
count-values: $TMP/in:3: weight is not a number: -1" ]
	check_output $'5\tx'
}

@test "a long bad weight is shown cut to 40 bytes, never inside a UTF-8 character" {
	printf 'x%s\ty\n' "$(printf '\xc3\xa9%.0s' $(seq 30))" > "$TMP/in"
	run --separate-stderr "$BIN/count-values" -w 1 -f 2 "$TMP/in"
	[ "$status" -eq 1 ]
	[ "$stderr" = "count-values: $TMP/in:1: weight is not a number: x$(printf '\xc3\xa9%.0s' $(seq 19))" ]
	[ -z "$output" ]
}

@test "after ten malformed records of an input the rest are summed up in one line" {
	for i in $(seq 1 14); do echo bad; done > "$TMP/in"
	run --separate-stderr "$BIN/count-values" -f 2 "$TMP/in" "$TMP/in"
	[ "$status" -eq 1 ]
	[ "$output" = "" ]
	[ "$(grep -c 'want at least 2$' <<<"$stderr")" -eq 20 ]
	[ "$(grep -c "^count-values: $TMP/in: 4 more malformed records skipped$" <<<"$stderr")" -eq 2 ]
	[ "$(wc -l <<<"$stderr")" -eq 22 ]
}

@test "option combinations that cannot work are usage errors" {
	run --separate-stderr "$BIN/count-values" -d 1 -w 1,2 /dev/null
	[ "$status" -eq 2 ] && [ "$output" = "" ]
	[ "${stderr%%$'\n'*}" = "count-values: -d and -w F,G both fill the DISTINCT column: use one" ]
	run --separate-stderr "$BIN/count-values" --memory 1M /dev/null
	[ "$status" -eq 2 ]
	[ "${stderr%%$'\n'*}" = "count-values: --memory needs -n: it keeps the largest counts only" ]
	run --separate-stderr "$BIN/count-values" -f 0 /dev/null
	[ "$status" -eq 2 ]
	[ "${stderr%%$'\n'*}" = "count-values: -f: fields are numbered from 1: 0" ]
	run --separate-stderr "$BIN/count-values" --memory 12X -n 3 /dev/null
	[ "$status" -eq 2 ]
	[ "${stderr%%$'\n'*}" = "count-values: --memory: not a size between 1 and 1T: 12X" ]
}

@test "empty input: no table; --total still sums to 0" {
	run --separate-stderr "$BIN/count-values" /dev/null
	[ "$status" -eq 0 ] && [ "$stderr" = "" ] && [ "$output" = "" ]
	run --separate-stderr "$BIN/count-values" --total < /dev/null
	[ "$status" -eq 0 ] && [ "$stderr" = "" ]
	check_output $'0\t(total)'
}

@test "NUL bytes are key bytes like any other" {
	printf 'a\0b\na\0b\na\0c\na\n' > "$TMP/in"
	"$BIN/count-values" "$TMP/in" > "$TMP/out"
	[ "$(od -An -c "$TMP/out" | tr -s ' ' | tr -d '\n')" = " 2 \t a \0 b \n 1 \t a \n 1 \t a \0 c \n" ]
}

@test "CRLF line ends are not part of the key" {
	printf 'x\tPER\r\ny\tPER\nz\tLOC\r\n' > "$TMP/in"
	run --separate-stderr "$BIN/count-values" -f 2 "$TMP/in"
	[ "$status" -eq 0 ] && [ "$stderr" = "" ]
	check_output $'2\tPER\n1\tLOC'
}

@test "a 100 MB line is one key" {
	{ head -c 100000000 /dev/zero | tr '\0' 'a'; echo; echo b; head -c 100000000 /dev/zero | tr '\0' 'a'; echo; } > "$TMP/in"
	"$BIN/count-values" "$TMP/in" > "$TMP/out"
	[ "$(wc -c < "$TMP/out")" -eq 100000007 ]
	[ "$(cut -c1-3 "$TMP/out" | head -n 2 | tr '\n' ' ')" = "$(printf '2\ta 1\tb ')" ]
}

@test "--by the last field: the key is the fields before it (a record needs no field beyond)" {
	printf 'a\tb\tPER\na\tb\tPER\nc\td\tLOC\n' > "$TMP/in"
	run --separate-stderr "$BIN/count-values" --by 3 "$TMP/in"
	[ "$status" -eq 0 ]
	[ "$stderr" = "" ]
	check_output $'LOC\t1\tc\td\nPER\t2\ta\tb'
}

@test "-w: weights up to 2^64-1; a weight that would take the sums beyond is reported with file and line" {
	printf '18446744073709551615\tx\n' > "$TMP/max"
	run --separate-stderr "$BIN/count-values" -w 1 -f 2 "$TMP/max"
	[ "$status" -eq 0 ]
	check_output $'18446744073709551615\tx'
	printf '9999999999999999999\tx\n9999999999999999999\tx\n2\ty\n18446744073709551616\tz\n' > "$TMP/in"
	run --separate-stderr "$BIN/count-values" -w 1 -f 2 "$TMP/in"
	[ "$status" -eq 1 ]
	[ "$stderr" = "count-values: $TMP/in:2: the weights add up beyond 2^64-1
count-values: $TMP/in:4: weight is not a number: 18446744073709551616" ]
	check_output $'9999999999999999999\tx\n2\ty'
	printf '1\t9999999999999999999\tx\n1\t9999999999999999999\tx\n' > "$TMP/d"
	run --separate-stderr "$BIN/count-values" -w 1,2 -f 3 "$TMP/d"
	[ "$status" -eq 1 ]
	[ "$stderr" = "count-values: $TMP/d:2: the weights add up beyond 2^64-1" ]
	check_output $'1\t9999999999999999999\tx'
}

@test "invalid UTF-8 among 400 KB of multi-byte lines (the reader checks many lines at once, across its 128 KB blocks): each bad byte one U+FFFD, first bad line and count reported, -j 1 and -j 2" {
	# Lines of ASCII, 2-, 3- and 4-byte characters, a lone 0xFF in one line of 50:
	# block ends fall inside characters; Python says what each line becomes.
	python3 - "$TMP/in" "$TMP/want" "$TMP/why" <<'EOF2'
import random, sys
from collections import Counter
rng = random.Random(5)
chars = ["a", "b", "\t", "é", "李", "😀"]
raw, good, first, bad = [], [], 0, 0
while sum(map(len, raw)) < 400000:
    line = "".join(rng.choice(chars) for _ in range(rng.randrange(0, 40))).encode()
    if rng.randrange(50) == 0:
        cut = rng.randrange(len(line) + 1)
        while cut < len(line) and line[cut] & 0xC0 == 0x80:
            cut += 1
        line = line[:cut] + b"\xff" + line[cut:]
        bad += 1
        first = first or len(raw) + 1
    raw.append(line)
    good.append(line.decode("utf-8", "replace").encode())
open(sys.argv[1], "wb").write(b"\n".join(raw) + b"\n")
rows = sorted(Counter(good).items(), key=lambda kv: (-kv[1], kv[0]))
open(sys.argv[2], "wb").write(b"".join(b"%d\t%s\n" % (n, k) for k, n in rows))
open(sys.argv[3], "w").write("%s:%d: invalid UTF-8 replaced by U+FFFD (%d sequences in the input)" % (sys.argv[1], first, bad))
EOF2
	[ "$(wc -c < "$TMP/in")" -gt 400000 ]
	for j in 1 2; do
		run --separate-stderr "$BIN/count-values" -j $j "$TMP/in"
		[ "$status" -eq 1 ]
		[ "$stderr" = "count-values: $(cat "$TMP/why")" ]
		[ "$output" = "$(cat "$TMP/want")" ]
	done
}

@test "fields of records of 14 to 34 bytes, two TABs anywhere (the split reads 16 bytes at a time, the last 1-16 from the record's end): as cut picks them, -j 1 and -j 2" {
	python3 - > "$TMP/in" <<'EOF2'
for n in range(14, 35):
    for a in range(n):
        for b in range(a + 1, n):
            line = [chr(97 + (i * 7 + n + a) % 26) for i in range(n)]
            line[a] = line[b] = "\t"
            print("".join(line))
EOF2
	[ "$(wc -l < "$TMP/in")" -gt 5000 ]
	for list in 2 3 1,3 2-; do
		cut -f "$list" "$TMP/in" | sort_uniq > "$TMP/want"
		for j in 1 2; do
			"$BIN/count-values" -j $j -f "$list" "$TMP/in" > "$TMP/got"
			cmp -s "$TMP/want" "$TMP/got" || { diff "$TMP/want" "$TMP/got" | head >&2; echo "-f $list -j $j" >&2; return 1; }
		done
	done
}
