#!/usr/bin/env bats
# Limits: huge lines, many lines, many fields, pathological text.  Each
# filter must finish (the timeout is a guard against a runaway, not a
# measurement), bounded, with exact output where it can be known.

load common

FILTERS="strip-boilerplate split-sentences tag-entities count-values"

@test "a 1 GB line is read whole (the reader, and count-values), from a pipe" {
	# a minute under the sanitizers, for CI's time budget: there the 100 MB lines stand for it
	[ -z "${KABAR_SANITIZED:-}" ] || skip "make check runs it; check-asan runs the 100 MB lines"
	huge="{ head -c 1000000000 /dev/zero | tr '\\0' q; printf '\\nq\\n'; }"
	run --separate-stderr bash -c "$huge | '$BIN/libcheck' lines | cut -d: -f2-3"
	[ "$status" -eq 0 ]
	[ "$stderr" = "" ]
	check_output $'1:1000000000\n2:1'
	run --separate-stderr bash -c "$huge | '$BIN/count-values' | cut -c 1-12"
	[ "$status" -eq 0 ]
	check_output $'1\tq\n1\tqqqqqqqqqq'
}

@test "a million empty lines: nothing to keep, split or tag; one empty key counted" {
	yes '' | head -n 1000000 > "$TMP/empty"
	for f in strip-boilerplate split-sentences tag-entities; do
		run --separate-stderr "$BIN/$f" "$TMP/empty"
		[ "$status" -eq 0 ] && [ "$output" = "" ] && [ "$stderr" = "" ] || { echo "$f" >&2; return 1; }
	done
	run --separate-stderr "$BIN/count-values" "$TMP/empty"
	[ "$status" -eq 0 ]
	[ "$stderr" = "" ]
	check_output $'1000000\t'
}

@test "a record of 100,000 fields: counted by field, reported where it is malformed" {
	python3 -c "print('\t'.join(['x'] * 100000))" > "$TMP/wide"
	run --separate-stderr "$BIN/count-values" -f 99999- "$TMP/wide"
	[ "$status" -eq 0 ]
	check_output $'1\tx\tx'
	run --separate-stderr "$BIN/split-sentences" "$TMP/wide"
	[ "$status" -eq 1 ]
	[ "$output" = "" ]
	[ "$stderr" = "split-sentences: $TMP/wide:1: want 3 fields DOC LINE TEXT, found 100000" ]
	run --separate-stderr "$BIN/tag-entities" "$TMP/wide"
	[ "$status" -eq 1 ]
	[ "$output" = "" ]
	[ "$stderr" = "tag-entities: $TMP/wide:1: want 4 fields DOC LINE SENT TEXT, found 100000" ]
	run --separate-stderr "$BIN/strip-boilerplate" "$TMP/wide"
	[ "$status" -eq 0 ]
	[ "$stderr" = "" ]
}

@test "deeply repeated punctuation: every filter finishes, split-sentences loses nothing" {
	python3 -c "
print('.' * 300000)
print('!?' * 150000)
print('\"' * 100000)
print('. ' * 100000)
print('...' * 50000)
print('(' * 100000)
print(')' * 100000)" > "$TMP/punct"
	for f in $FILTERS; do
		run --separate-stderr timeout 120 "$BIN/$f" "$TMP/punct"
		[ "$status" -eq 0 ] && [ "$stderr" = "" ] || { echo "$f: $status $stderr" >&2; return 1; }
	done
	"$BIN/split-sentences" "$TMP/punct" | awk -F'\t' '
		$2 != line { if (NR > 1) print text; line = $2; text = $4; next }
		{ text = text " " $4 }
		END { print text }' > "$TMP/joined"
	sed 's/ *$//; s/  */ /g' "$TMP/punct" | cmp - "$TMP/joined"
}

@test "regular-expression worst cases finish" {
	python3 -c "
print('1.' * 100000)
print('a@' * 100000)
print('Rp' + '1.' * 50000)
print('http://' + 'a.' * 100000)
print('A ' * 100000)
print('Kab. ' * 50000)
print('1/' * 100000)
print('Januari ' * 50000)
print(' '.join(['Aa'] * 100000))
print('x' * 100000 + '@' + 'y.' * 50000)" > "$TMP/regex"
	for f in $FILTERS; do
		run --separate-stderr timeout 300 "$BIN/$f" "$TMP/regex"
		[ "$status" -eq 0 ] && [ "$stderr" = "" ] || { echo "$f: $status $stderr" >&2; return 1; }
	done
}

@test "a sentence of a million numbers is tagged, in order, without overlaps (no quadratic choice of mentions)" {
	python3 -c "print('1.' * 1000000)" > "$TMP/numbers"
	run --separate-stderr timeout 100 "$BIN/tag-entities" --no-model "$TMP/numbers"
	[ "$status" -eq 0 ]
	[ "$stderr" = "" ]
	[ "${#lines[@]}" -ge 1 ]
	# mentions never overlap and come in text order
	printf '%s\n' "${lines[@]}" | awk -F'\t' '$4 < end { exit 1 } { end = $5 }'
}

# tally FILE: tag-entities on FILE (a guard of 30 s), its mentions counted by type and value.
tally() {
	run --separate-stderr bash -c "set -o pipefail; timeout 30 '$BIN/tag-entities' '$1' |
		awk -F'\t' '{ n[\$6 \"\\t\" \$8]++ } END { for (k in n) print n[k] \"\\t\" k }' | LC_ALL=C sort -k2"
}

# The three below took 60 to 100 s each before their fixes (a search of all the
# candidates, or of the tokens before, for each name), under a second after.

@test "a 2.5 MB sentence of names and dates: no search of every date at each word of a name" {
	python3 -c "print('Mr. John Smith and Mrs. Mary Brown met on Monday, 12 May 2020, ' * 40000)" > "$TMP/dates"
	tally "$TMP/dates"
	[ "$status" -eq 0 ]
	[ "$stderr" = "" ]
	check_output $'40000\tDATE\t2020-05-12\n40000\tPER\tJohn Smith\n40000\tPER\tMary Brown'
}

@test "a 2.3 MB sentence whose names come after 1 MB of punctuation: its first word found once" {
	python3 -c "print('- ' * 500000 + 'However John Smith said, ' * 50000)" > "$TMP/lead"
	tally "$TMP/lead"
	[ "$status" -eq 0 ]
	[ "$stderr" = "" ]
	check_output $'50000\tPER\tJohn Smith'
}

@test "a 4.4 MB sentence of acronyms defined in parentheses: no search of every candidate at each one" {
	python3 -c "print('the Asian Development Bank (ADB) met the World Health Organization (WHO), ' * 60000)" > "$TMP/defs"
	tally "$TMP/defs"
	[ "$status" -eq 0 ]
	[ "$stderr" = "" ]
	check_output $'120000\tORG\tAsian Development Bank'
}

# interrupt FILTER FIELDS: start FILTER on a FIFO fed slowly, SIGINT it, check its output.
interrupt() {
	local f=$1 fields=$2
	rm -f "$TMP/fifo" && mkfifo "$TMP/fifo"
	{ for i in $(seq 50); do cat "$TMP/in"; done; sleep 4; } > "$TMP/fifo" &
	python3 -c '
import signal, subprocess, sys, time
p = subprocess.Popen(sys.argv[2:], stdout=open(sys.argv[1], "wb"),
                     preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
time.sleep(1)
p.send_signal(signal.SIGINT)
sys.exit(0 if p.wait() == -signal.SIGINT else 1)' "$TMP/out" "$BIN/$f" "$TMP/fifo"
	wait
	# whole records only: empty, or ending with LF, every line with its fields
	[ ! -s "$TMP/out" ] || [ "$(tail -c 1 "$TMP/out" | od -An -c | tr -d ' ')" = '\n' ]
	awk -F'\t' -v n="$fields" 'NF != n { exit 1 }' "$TMP/out"
}

@test "SIGINT mid-run: the filter dies of it, and what it wrote is whole records" {
	"$BIN/strip-boilerplate" corpus/*.txt > "$TMP/paragraphs"
	"$BIN/split-sentences" "$TMP/paragraphs" > "$TMP/sentences"
	cp corpus/003_f04ab3ca39abb6c7.txt "$TMP/in"
	interrupt strip-boilerplate 3
	cp "$TMP/paragraphs" "$TMP/in"
	interrupt split-sentences 4
	cp "$TMP/sentences" "$TMP/in"
	interrupt tag-entities 8
	interrupt count-values 5
}

@test "a file removed while an earlier one is read: reported, the rest processed" {
	cp corpus/000_fdfa7573e456b054.txt "$TMP/a"
	cp corpus/001_6c093d3b5edf5605.txt "$TMP/b"
	for f in strip-boilerplate split-sentences tag-entities count-values; do
		"$BIN/$f" "$TMP/a" > "$TMP/want"
		rm -f "$TMP/fifo" && mkfifo "$TMP/fifo"
		cp "$TMP/b" "$TMP/gone"
		{ cat "$TMP/a"; rm "$TMP/gone"; } > "$TMP/fifo" &
		run --separate-stderr "$BIN/$f" "$TMP/fifo" "$TMP/gone"
		wait
		[ "$status" -eq 1 ] && [ "$stderr" = "$f: $TMP/gone: No such file or directory" ] &&
		[ "$output" = "$(sed "s|^$TMP/a\t|$TMP/fifo\t|" "$TMP/want")" ] || { echo "$f" >&2; return 1; }
	done
}
