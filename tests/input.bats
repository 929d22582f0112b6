#!/usr/bin/env bats
# Input forms: gzip (any tool, found by its magic bytes), and strip-boilerplate's
# plain text, HTML and WARC documents, found by their content.
load common

CASES=tests/cases/strip-boilerplate
SB() { "$BIN/strip-boilerplate" "$@"; }

@test "a gzipped page gives the records of the page, whatever its name; other tools read gzip too" {
	gzip -c "$CASES/en-news.in" > "$TMP/page.gz"
	cp "$TMP/page.gz" "$TMP/page.txt"
	for name in page.gz page.txt; do
		run --separate-stderr SB --explain "$TMP/$name"
		[ "$status" -eq 0 ]
		[ -z "$stderr" ]
		check_output "$(sed "s|^$CASES/en-news.in|$TMP/$name|" "$CASES/en-news.explain")"
	done
	run --separate-stderr bash -c '"$1"/split-sentences < "$2"' _ "$BIN" "$TMP/page.gz"
	[ "$status" -eq 0 ]
	check_output "$("$BIN/split-sentences" < "$CASES/en-news.in")"
}

@test "multi-member gzip on standard input is one stream, the members joined" {
	head -n 5 "$CASES/en-news.in" | gzip -c > "$TMP/two.gz"
	tail -n +6 "$CASES/en-news.in" | gzip -c >> "$TMP/two.gz"
	run --separate-stderr bash -c '"$1"/strip-boilerplate --explain < "$2"' _ "$BIN" "$TMP/two.gz"
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	check_output "$(sed "s|^$CASES/en-news.in|-|" "$CASES/en-news.explain")"
}

@test "a truncated, corrupt or padded gzip input: one message naming it, status 1, what was read kept, the next file read" {
	gzip -c "$CASES/en-news.in" > "$TMP/full.gz"
	head -c 300 "$TMP/full.gz" > "$TMP/cut.gz"
	run --separate-stderr SB --explain "$TMP/cut.gz" "$CASES/en-news.in"
	[ "$status" -eq 1 ]
	[ "$stderr" = "strip-boilerplate: $TMP/cut.gz: truncated gzip data" ]
	# the lines inflated before the cut are judged, the last one cut short; the next file whole
	[[ "${lines[0]}" == "$TMP/cut.gz	1	"* ]]
	[ "$(printf '%s\n' "$output" | grep -c "^$TMP/cut.gz")" -ge 5 ]
	[ "$(printf '%s\n' "$output" | grep -v "^$TMP/cut.gz")" = "$(cat "$CASES/en-news.explain")" ]
	# a byte flipped in the data: the check at the member's end fails
	python3 -c 'import sys; d = bytearray(open(sys.argv[1], "rb").read()); d[-6] ^= 0xff; sys.stdout.buffer.write(d)' "$TMP/full.gz" > "$TMP/bad.gz"
	run --separate-stderr SB "$TMP/bad.gz"
	[ "$status" -eq 1 ]
	[ "$stderr" = "strip-boilerplate: $TMP/bad.gz: corrupt gzip data: incorrect data check" ]
	check_output "$(sed "s|^$CASES/en-news.in|$TMP/bad.gz|" "$CASES/en-news.out")"
	{ cat "$TMP/full.gz"; echo junk; } > "$TMP/padded.gz"
	run --separate-stderr SB "$TMP/padded.gz"
	[ "$status" -eq 1 ]
	[ "$stderr" = "strip-boilerplate: $TMP/padded.gz: trailing bytes after the gzip data" ]
	check_output "$(sed "s|^$CASES/en-news.in|$TMP/padded.gz|" "$CASES/en-news.out")"
}

@test "a text input that starts like gzip but is not: read as text" {
	printf '\037 is a unit separator\nThe council voted on Tuesday to approve the plan, which the residents had asked for during many long public meetings.\n' > "$TMP/odd.txt"
	run --separate-stderr SB "$TMP/odd.txt"
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	check_output "$TMP/odd.txt	1	$(printf '\037') is a unit separator
$TMP/odd.txt	2	The council voted on Tuesday to approve the plan, which the residents had asked for during many long public meetings."
}

@test "a gzip bomb: 200 MB of white space lines in 400 KB is read in bounded memory" {
	python3 -c '
import gzip, sys
line = b" " * 999 + b"\n"
with gzip.open(sys.argv[1], "wb", compresslevel=9) as f:
    for i in range(200):
        f.write(line * 1000)
    f.write(b"The council voted on Tuesday to approve the plan, which the residents had asked for during many long public meetings.\n")
' "$TMP/bomb.gz"
	[ "$(stat -c %s "$TMP/bomb.gz")" -lt 500000 ]
	run --separate-stderr /usr/bin/time -f 'maxrss %M' "$BIN/strip-boilerplate" "$TMP/bomb.gz"
	[ "$status" -eq 0 ]
	check_output "$TMP/bomb.gz	200001	The council voted on Tuesday to approve the plan, which the residents had asked for during many long public meetings."
	[[ "$stderr" == "maxrss "* ]]
	[ "${stderr#maxrss }" -lt 30000 ]
}
