#!/usr/bin/env bats
# tag-entities -j N: whole documents tagged in N threads, the output and the messages those of -j 1.
# Batches are cut after 64 KB at a document's end, or inside a document after 256 KB: the inputs
# here are a few MB so that every run has many batches in flight.  --no-model keeps them fast.
load common

TE() { "$BIN/tag-entities" "$@"; }

# documents N: N documents of 60 sentences; each names Joko Widodo in its first, Widodo alone
# after; the first of each document but the first is Widodo alone (another document: no value).
documents() {
	awk -v n="$1" 'BEGIN {
		for (d = 1; d <= n; d++) {
			printf "doc%d\t1\t1\tWidodo hadir di Bandung.\n", d
			printf "doc%d\t2\t1\tPresiden Joko Widodo hadir di Jakarta pada 3 Mei 2021.\n", d
			for (i = 3; i <= 60; i++)
				printf "doc%d\t%d\t1\tWidodo berkata bahwa harga naik 5 persen di kota %d.\n", d, i, i
		}
	}'
}

# same_for_jobs ARGS...: -j 1, 2 and 3 give the same stdout, stderr and status; $TMP/one.* are -j 1's.
same_for_jobs() {
	local j
	for j in 1 2 3; do
		set +e
		TE -j "$j" "$@" > "$TMP/j$j.out" 2> "$TMP/j$j.err"
		echo $? > "$TMP/j$j.status"
		set -e
	done
	for j in 2 3; do
		cmp "$TMP/j1.out" "$TMP/j$j.out" || { echo "-j $j: other records" >&2; return 1; }
		cmp "$TMP/j1.err" "$TMP/j$j.err" || { echo "-j $j: other messages" >&2; return 1; }
		cmp "$TMP/j1.status" "$TMP/j$j.status" || { echo "-j $j: other status" >&2; return 1; }
	done
}

@test "-j 1, 2 and 3: the same records from many documents, each remembering its own people only" {
	documents 600 > "$TMP/in"	# 2.7 MB
	same_for_jobs --no-model "$TMP/in"
	[ "$(cat "$TMP/j1.status")" = 0 ]
	[ ! -s "$TMP/j1.err" ]
	# the surname after the full name is the full name, in every document, to its last sentence
	[ "$(grep -c $'\tPER\tWidodo\tJoko Widodo$' "$TMP/j1.out")" = $((600 * 58)) ]
	grep -qx $'doc600\t60\t1\t0\t6\tPER\tWidodo\tJoko Widodo' "$TMP/j1.out"
	# ... but not across documents: the first sentence of each is Widodo unknown
	[ "$(grep -c $'^doc[0-9]*\t1\t1\t.*Joko Widodo' "$TMP/j1.out")" = 0 ]
	grep -qx $'doc600\t2\t1\t43\t53\tDATE\t3 Mei 2021\t2021-05-03' "$TMP/j1.out"
}

@test "-j 1, 2 and 3: the same lines in the inline and conll formats, with a dictionary and types, and with the model" {
	documents 150 > "$TMP/in"
	printf 'Bandung\tCITY\tKota Bandung\n' > "$TMP/dict.tsv"
	same_for_jobs --no-model -d "$TMP/dict.tsv" -t CITY,DATE "$TMP/in"
	[ "$(grep -c $'\tCITY\tBandung\tKota Bandung$' "$TMP/j1.out")" = 150 ]
	[ "$(cut -f 6 "$TMP/j1.out" | sort -u | tr '\n' ' ')" = "CITY DATE " ]
	same_for_jobs --no-model -f inline "$TMP/in"
	[ "$(wc -l < "$TMP/j1.out")" = 9000 ]
	same_for_jobs --no-model -f conll "$TMP/in"
	[ "$(grep -c '^$' "$TMP/j1.out")" = 9000 ]
	head -n 2000 "$TMP/in" > "$TMP/part"
	same_for_jobs "$TMP/part"
	grep -qx $'doc2\t2\t1\t9\t20\tPER\tJoko Widodo\tJoko Widodo' "$TMP/j1.out"
}

@test "a document longer than a batch keeps its memory from batch to batch" {
	{
		printf 'd\t1\t1\tPresiden Joko Widodo hadir.\n'
		awk 'BEGIN { for (i = 2; i <= 40000; i++) printf "d\t%d\t1\tWidodo berkata bahwa hari ini cerah.\n", i }'
		printf 'e\t1\t1\tWidodo hadir.\n'
	} > "$TMP/in"	# 1.7 MB of one document, then another
	same_for_jobs --no-model "$TMP/in"
	[ "$(cat "$TMP/j1.status")" = 0 ]
	[ "$(wc -l < "$TMP/j1.out")" = 40000 ]
	[ "$(tail -n 1 "$TMP/j1.out")" = $'d\t40000\t1\t0\t6\tPER\tWidodo\tJoko Widodo' ]
}

@test "plain lines of one file are one document however long, across batches" {
	{
		echo 'Widodo hadir.'
		echo 'Presiden Joko Widodo hadir.'
		yes 'Widodo berkata bahwa hari ini cerah.' | head -n 30000
	} > "$TMP/plain.txt"	# 1.1 MB
	same_for_jobs --no-model "$TMP/plain.txt" "$TMP/plain.txt"
	# the same file twice is one document: Widodo of its first line is unknown the first time only
	[ "$(grep -c "^$TMP/plain.txt"$'\t1\t1\t0\t6\tPER\tWidodo\tJoko Widodo$' "$TMP/j1.out")" = 1 ]
	[ "$(tail -n 1 "$TMP/j1.out")" = "$TMP/plain.txt"$'\t30002\t1\t0\t6\tPER\tWidodo\tJoko Widodo' ]
	[ "$(wc -l < "$TMP/j1.out")" = 60003 ]
}

@test "bad lines: the messages of -j 1, in input order, with their lines, among the records" {
	documents 300 > "$TMP/good"
	{
		head -n 100 "$TMP/good"
		printf 'doc2\t1\ttwo fields too many\tx\ty\n'
		head -n 9000 "$TMP/good" | tail -n 8900
		printf 'doc151\tx\t1\tLINE is no number.\n'
		printf 'doc151\t1\t1\tWidodo \xff hadir.\n'
		tail -n +9001 "$TMP/good"
		printf 'plain text, Joko Widodo\n'
	} > "$TMP/in"
	same_for_jobs --no-model "$TMP/in" "$TMP/missing" "$TMP/in"
	[ "$(cat "$TMP/j1.status")" = 1 ]
	[ "$(cat "$TMP/j1.err")" = "tag-entities: $TMP/in:101: want 4 fields DOC LINE SENT TEXT, found 5
tag-entities: $TMP/in:9002: LINE is not a number: x
tag-entities: $TMP/in:9003: invalid UTF-8 replaced by U+FFFD (1 sequence in the input)
tag-entities: $TMP/missing: No such file or directory
tag-entities: $TMP/in:101: want 4 fields DOC LINE SENT TEXT, found 5
tag-entities: $TMP/in:9002: LINE is not a number: x
tag-entities: $TMP/in:9003: invalid UTF-8 replaced by U+FFFD (1 sequence in the input)" ]
	# with stderr into stdout, each message comes after the records of the lines before it
	for j in 1 3; do
		TE -j $j --no-model "$TMP/in" "$TMP/missing" > "$TMP/both$j" 2>&1 || true
	done
	cmp "$TMP/both1" "$TMP/both3"
	grep -n 'tag-entities:' "$TMP/both1" | cut -d: -f1 > "$TMP/at"
	[ "$(sed -n 1p "$TMP/at")" = $(($(head -n 100 "$TMP/good" | TE --no-model | wc -l) + 1)) ]
	[ "$(wc -l < "$TMP/at")" = 4 ]
}

@test "empty input: nothing, with any -j" {
	for j in 1 2 5; do
		run --separate-stderr TE -j $j < /dev/null
		[ "$status" -eq 0 ]
		[ -z "$output" ]
		[ -z "$stderr" ]
	done
}

@test "-j: a write error and a closed pipe end it as with one thread" {
	documents 300 > "$TMP/in"
	for j in 1 3; do
		run --separate-stderr bash -c "'$BIN/tag-entities' -j $j --no-model '$TMP/in' > /dev/full"
		[ "$status" -eq 1 ]
		[ "$stderr" = "tag-entities: write error: No space left on device" ]
		run --separate-stderr bash -c "'$BIN/tag-entities' -j $j --no-model '$TMP/in' | head -n 1; exit \${PIPESTATUS[0]}"
		[ "$status" -ne 0 ]
		[ -z "$stderr" ]
		[ "$output" = $'doc1\t1\t1\t16\t23\tLOC\tBandung\tBandung' ]
	done
}

@test "-j 0, -j x and -j 65 are usage errors" {
	for bad in "0:too small: 0 (at least 1)" "x:not a number: x" "65:too large: 65 (at most 64)" ; do
		run --separate-stderr TE -j "${bad%%:*}" < /dev/null
		[ "$status" -eq 2 ]
		[ -z "$output" ]
		[ "$stderr" = "tag-entities: -j: ${bad#*:}
usage: tag-entities [-d FILE]... [-f tsv|inline|conll] [-t LIST] [-l LANG] [--values LANG]
                    [-m FILE | -M] [-j N] [FILE...]" ]
	done
	run --separate-stderr TE --jobs
	[ "$status" -eq 2 ]
	[ "${stderr%%$'\n'*}" = "tag-entities: option requires an argument: -j" ]
}

@test "--help tells of -j" {
	run --separate-stderr TE --help
	[ "$status" -eq 0 ]
	[[ "$output" == *"-j, --jobs N        tag in N threads (default: one per core, up to 8), whole"* ]]
}
