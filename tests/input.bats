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

# A small page: each element on a line of its own.
make_page() {
	printf '%s\n' '<!DOCTYPE html>' '<html lang="en"><head><title>Council votes</title></head>' '<body>' \
		'<p>The council voted on Tuesday to approve the plan, which the residents had asked for during many long public meetings.</p>' \
		'<p>It will take about a year to build, and the work is expected to begin in the spring after the rains have ended.</p>' \
		'</body></html>' > "$TMP/$1"
}
BODY='The council voted on Tuesday to approve the plan, which the residents had asked for during many long public meetings.
It will take about a year to build, and the work is expected to begin in the spring after the rains have ended.'

# The DOC and TEXT fields of each record.
doc_text() { printf '%s\n' "$output" | cut -f1,3; }

@test "HTML is found by its start: a doctype, an element, after a BOM, white space and comments" {
	make_page page.txt
	sed '1d' "$TMP/page.txt" > "$TMP/element.txt"
	{ printf '\357\273\277 \r\n\t<!-- saved by a crawler\n -->\n<!-- two -->'; cat "$TMP/page.txt"; } > "$TMP/comments.txt"
	tr 'a-z' 'A-Z' < "$TMP/page.txt" | sed 's/^<P>.*//' > "$TMP/upper.txt"
	for name in page.txt element.txt comments.txt; do
		run --separate-stderr SB "$TMP/$name"
		[ "$status" -eq 0 ]
		[ -z "$stderr" ]
		output=$(doc_text)
		check_output "$(printf '%s\n' "$BODY" | sed "s|^|$TMP/$name	|")" || { echo "in $name" >&2; return 1; }
	done
	run --separate-stderr SB --explain "$TMP/upper.txt"
	[ "$status" -eq 0 ]
	[[ "$output" != *'<'* ]]
}

@test "HTML is found by its name: .html, .htm, .html.gz; a page on standard input is named -" {
	printf 'The council voted on Tuesday to approve the plan,<br>\nwhich the residents had asked for during many long public meetings.\n' > "$TMP/a.htm"
	cp "$TMP/a.htm" "$TMP/a.HTML"
	gzip -c "$TMP/a.htm" > "$TMP/a.html.gz"
	for name in a.htm a.HTML a.html.gz; do
		run --separate-stderr SB --explain "$TMP/$name"
		[ "$status" -eq 0 ]
		[ -z "$stderr" ]
		[[ "$output" == "$TMP/$name	"* ]]
		[[ "$output" != *'<br>'* ]] || { echo "$name read as text" >&2; return 1; }
	done
	make_page page.html
	run --separate-stderr bash -c '"$1"/strip-boilerplate < "$2"' _ "$BIN" "$TMP/page.html"
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	output=$(doc_text)
	check_output "$(printf '%s\n' "$BODY" | sed "s|^|-	|")"
}

@test "text with markup after its start, or a < that opens no element, stays text" {
	{ echo 'Menu'; echo; echo '<p>The council voted on Tuesday to approve the plan, which the residents had asked for during many long public meetings.</p>'; } > "$TMP/later.txt"
	{ echo '<3 to the council, which voted on Tuesday to approve the plan that the residents had asked for during many long public meetings.'; } > "$TMP/heart.txt"
	run --separate-stderr SB "$TMP/later.txt" "$TMP/heart.txt"
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	check_output "$TMP/later.txt	3	<p>The council voted on Tuesday to approve the plan, which the residents had asked for during many long public meetings.</p>
$TMP/heart.txt	1	<3 to the council, which voted on Tuesday to approve the plan that the residents had asked for during many long public meetings."
}

@test "a .html.gz page gives the records of the .html page (DOC aside)" {
	make_page page.html
	gzip -c "$TMP/page.html" > "$TMP/page.html.gz"
	cp "$TMP/page.html.gz" "$TMP/page.gz"
	run --separate-stderr SB --explain "$TMP/page.html"
	[ "$status" -eq 0 ]
	want=$(printf '%s\n' "$output" | cut -f2-)
	[ -n "$want" ]
	for name in page.html.gz page.gz; do
		run --separate-stderr SB --explain "$TMP/$name"
		[ "$status" -eq 0 ]
		[ -z "$stderr" ]
		[ "$(printf '%s\n' "$output" | cut -f1 | sort -u)" = "$TMP/$name" ]
		[ "$(printf '%s\n' "$output" | cut -f2-)" = "$want" ]
	done
}
