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

# The peak memory (KB) of strip-boilerplate on FILE, and its stdout and stderr in $TMP/peak.out and .err.
peak_kb() {
	/usr/bin/time -f %M -o "$TMP/peak.kb" "$BIN/strip-boilerplate" "$1" > "$TMP/peak.out" 2> "$TMP/peak.err" || true
	cat "$TMP/peak.kb"
}

# Bounded memory: the peak on the bomb is within 20 MB of the peak on its last line alone (a
# sanitizer build's fixed share, the shadow of the reserved block, is in both).
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
	run --separate-stderr SB "$TMP/bomb.gz"
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	check_output "$TMP/bomb.gz	200001	The council voted on Tuesday to approve the plan, which the residents had asked for during many long public meetings."
	echo "The council voted on Tuesday to approve the plan, which the residents had asked for during many long public meetings." | gzip > "$TMP/line.gz"
	base=$(peak_kb "$TMP/line.gz")
	peak=$(peak_kb "$TMP/bomb.gz")
	[ "$peak" -lt $((base + 20000)) ]
}

# A small page: each element on a line of its own.
make_page() {
	printf '%s\n' '<!DOCTYPE html>' '<html lang="en"><head><title>Council votes</title></head>' '<body>' \
		'<p>The council voted on Tuesday to approve the plan, which the residents had asked for during many long public meetings.</p>' \
		'<p>It will take about a year to build, and the work is expected to begin in the spring after the rains have ended.</p>' \
		'</body></html>' > "$TMP/$1"
}
# The records of make_page's page named $1.
page_records() {
	printf '%s\t1\tThe council voted on Tuesday to approve the plan, which the residents had asked for during many long public meetings.\n' "$1"
	printf '%s\t2\tIt will take about a year to build, and the work is expected to begin in the spring after the rains have ended.\n' "$1"
}

@test "HTML is found by its start: a doctype, an element, after a BOM, white space and comments" {
	make_page page.txt
	sed '1d' "$TMP/page.txt" > "$TMP/element.txt"
	{ printf '\357\273\277 \r\n\t<!-- saved by a crawler\n -->\n<!-- two -->'; cat "$TMP/page.txt"; } > "$TMP/comments.txt"
	tr 'a-z' 'A-Z' < "$TMP/page.txt" | sed 's/^<P>.*//' > "$TMP/upper.txt"
	for name in page.txt element.txt comments.txt; do
		run --separate-stderr SB "$TMP/$name"
		[ "$status" -eq 0 ]
		[ -z "$stderr" ]
		check_output "$(page_records "$TMP/$name")" || { echo "in $name" >&2; return 1; }
	done
	# upper case markup, and no paragraph: nothing of the markup is text
	run --separate-stderr SB --explain "$TMP/upper.txt"
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	[ -z "$output" ]
}

@test "HTML is found by its name: .html, .htm, .html.gz; a page on standard input is named -" {
	printf 'The council voted on Tuesday to approve the plan,<br>\nwhich the residents had asked for during many long public meetings.\n' > "$TMP/a.htm"
	cp "$TMP/a.htm" "$TMP/a.HTML"
	gzip -c "$TMP/a.htm" > "$TMP/a.html.gz"
	for name in a.htm a.HTML a.html.gz; do
		run --separate-stderr SB "$TMP/$name"
		[ "$status" -eq 0 ]
		[ -z "$stderr" ]
		check_output "$TMP/$name	1	The council voted on Tuesday to approve the plan,
$TMP/$name	2	which the residents had asked for during many long public meetings." || { echo "in $name" >&2; return 1; }
	done
	make_page page.html
	run --separate-stderr bash -c '"$1"/strip-boilerplate < "$2"' _ "$BIN" "$TMP/page.html"
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	check_output "$(page_records -)"
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

IN=tests/cases/input
FIX=tests/warc-fixture
URL=http://127.0.0.1:18937

# The records of the three pages given as files, without DOC: what a WARC of them must give.
pages_records() {
	SB "$@" "$IN/index.html" "$IN/berita.html" "$IN/catatan.txt" | cut -f2-
}

@test "wget's WARC (real writer): the bodies of the pages given as files, DOC the URI without <>, the rest skipped" {
	run --separate-stderr SB --explain "$IN/wget.warc.gz"
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	[ "$(printf '%s\n' "$output" | cut -f1 | uniq | tr '\n' ' ')" = "$URL/index.html $URL/berita.html $URL/catatan.txt " ]
	[ "$(printf '%s\n' "$output" | cut -f2-)" = "$(pages_records --explain)" ]
	# the same on standard input, and uncompressed
	run --separate-stderr bash -c 'gzip -dc "$2" | "$1"/strip-boilerplate' _ "$BIN" "$IN/wget.warc.gz"
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	[ "$(printf '%s\n' "$output" | cut -f2-)" = "$(pages_records)" ]
	[[ "${lines[0]}" == "$URL/index.html	"* ]]
}

@test "a gzipped WARC: chunked, gzip and deflate bodies decoded, text/plain as text, a fake chunked header read raw" {
	printf '\211PNG\r\n\032\n' > "$TMP/logo.png"
	(cd "$IN" && ../../warc-fixture --gzip warcinfo request \
		"response,uri=http://a.id/berita/1,file=index.html,ctype=text/html; charset=UTF-8,chunked,gzip,brackets" \
		request "response,uri=http://a.id/logo.png,file=$TMP/logo.png,ctype=image/png" \
		"response,uri=http://a.id/lama,file=index.html,ctype=text/html,status=404" \
		"response,uri=http://a.id/berita/2,file=berita.html,ctype=text/html,rawdeflate,fakechunked" \
		"metadata,uri=http://a.id/berita/2,file=catatan.txt" "revisit,uri=http://a.id/berita/2,file=berita.html" \
		"resource,uri=http://a.id/catatan.txt,file=catatan.txt,ctype=text/plain" \
		"response,uri=http://a.id/catatan.txt,file=catatan.txt,ctype=text/plain,deflate") > "$TMP/crawl.warc.gz"
	run --separate-stderr SB "$TMP/crawl.warc.gz"
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	[ "$(printf '%s\n' "$output" | cut -f1 | uniq | tr '\n' ' ')" = "http://a.id/berita/1 http://a.id/berita/2 http://a.id/catatan.txt " ]
	[ "$(printf '%s\n' "$output" | cut -f2-)" = "$(pages_records)" ]
	# a resource record of HTML is a page too; the WARC on standard input
	(cd "$IN" && ../../warc-fixture "resource,uri=<http://a.id/r>,file=index.html,ctype=text/html") > "$TMP/res.warc"
	run --separate-stderr bash -c '"$1"/strip-boilerplate < "$2"' _ "$BIN" "$TMP/res.warc"
	[ "$status" -eq 0 ]
	[ "$(printf '%s\n' "$output" | cut -f2-)" = "$(SB "$IN/index.html" | cut -f2-)" ]
	[[ "${lines[0]}" == "http://a.id/r	"* ]]
}

@test "a Content-Length that lies, too long or too short: one message naming the record, the next records still read" {
	(cd "$IN" && ../../warc-fixture warcinfo "response,uri=u2,file=index.html,ctype=text/html,length=+300" \
		"response,uri=u3,file=berita.html,ctype=text/html" "conversion,uri=u4,file=catatan.txt,length=-30" \
		"conversion,uri=u5,file=catatan.txt") > "$TMP/lies.warc"
	run --separate-stderr SB "$TMP/lies.warc"
	[ "$status" -eq 1 ]
	[ "$stderr" = "strip-boilerplate: $TMP/lies.warc: record 2: Content-Length 838 runs into the next record: read up to it
strip-boilerplate: $TMP/lies.warc: record 4: Content-Length 73 ends inside the record: read up to the next record" ]
	[ "$(printf '%s\n' "$output" | cut -f1 | uniq | tr '\n' ' ')" = "u2 u3 u4 u5 " ]
	[ "$(printf '%s\n' "$output" | grep -v ^u5 | cut -f2-)" = "$(pages_records)" ]
	[ "$(printf '%s\n' "$output" | grep -c ^u5)" -eq 1 ]
}

@test "a truncated last record, in its block or its gzip member: one message, what is there kept" {
	(cd "$IN" && ../../warc-fixture --cut 100 "response,uri=u1,file=index.html,ctype=text/html" \
		"response,uri=u2,file=berita.html,ctype=text/html") > "$TMP/cut.warc"
	run --separate-stderr SB --explain "$TMP/cut.warc"
	[ "$status" -eq 1 ]
	[ "$stderr" = "strip-boilerplate: $TMP/cut.warc: record 2: truncated: 333 of 429 bytes" ]
	[ "$(printf '%s\n' "$output" | cut -f1 | uniq | tr '\n' ' ')" = "u1 u2 " ]
	[ "${lines[-1]}" = "u2	2	body	0.710	Warga mengungsi ke balai desa da" ]
	(cd "$IN" && ../../warc-fixture --gzip --cut 100 "response,uri=u1,file=index.html,ctype=text/html" \
		"response,uri=u2,file=berita.html,ctype=text/html,gzip") > "$TMP/cut.warc.gz"
	run --separate-stderr SB "$TMP/cut.warc.gz"
	[ "$status" -eq 1 ]
	[ "$stderr" = "strip-boilerplate: $TMP/cut.warc.gz: record 2: truncated gzip data" ]
	[ "$(printf '%s\n' "$output" | grep ^u1 | cut -f2-)" = "$(SB "$IN/index.html" | cut -f2-)" ]
	[ "${lines[-1]}" = "u2	1	Banjir merendam tiga desa di tepi sungai setelah hujan deras turun sepanjang malam, kata petug" ]
	# a record without Content-Length cut with its gzip stream
	{ printf 'WARC/1.0\r\nWARC-Type: conversion\r\nWARC-Target-URI: a\r\n\r\n'; yes 'The council voted on Tuesday to approve the plan.' | head -n 5000; } |
		gzip -c | head -c 400 > "$TMP/nolength.warc.gz"
	run --separate-stderr SB --explain "$TMP/nolength.warc.gz"
	[ "$status" -eq 1 ]
	[ "$stderr" = "strip-boilerplate: $TMP/nolength.warc.gz: record 1: truncated gzip data" ]
	[[ "${lines[0]}" == "a	1	"*"The council voted on Tuesday to approve the plan." ]]
	# cut between two members: the records before are whole
	(cd "$IN" && ../../warc-fixture --gzip "response,uri=u1,file=index.html,ctype=text/html") > "$TMP/one.warc.gz"
	{ cat "$TMP/one.warc.gz"; head -c 20 "$TMP/one.warc.gz"; } > "$TMP/cut2.warc.gz"
	run --separate-stderr SB "$TMP/cut2.warc.gz"
	[ "$status" -eq 1 ]
	[ "$stderr" = "strip-boilerplate: $TMP/cut2.warc.gz: record 2: truncated gzip data" ]
	[ "$(printf '%s\n' "$output" | cut -f2-)" = "$(SB "$IN/index.html" | cut -f2-)" ]
}

@test "hostile WARC bodies: NUL bytes, bad chunks, corrupt gzip content, an unknown coding, invalid UTF-8, an empty page" {
	printf 'The council voted on Tuesday\0 to approve the plan, which the residents had asked for during many long public meetings.\n' > "$TMP/nul.txt"
	printf 'The mayor said on Wednesday that the work on the new bridge would begin in \xff spring and last two full years.\n' > "$TMP/bad.txt"
	printf '\037\213\010\000garbage that is no deflate data at all' > "$TMP/notgz.bin"
	(cd "$IN" && ../../warc-fixture "response,uri=nul,file=$TMP/nul.txt,ctype=text/plain,chunked" \
		"response,uri=corrupt,file=$TMP/notgz.bin,ctype=text/html,coding=gzip" \
		"response,uri=br,file=index.html,ctype=text/html,coding=br" \
		"response,uri=badchunk,file=catatan.txt,ctype=text/plain,chunked,badchunk" \
		"response,uri=bad,file=$TMP/bad.txt,ctype=text/plain" "resource,uri=empty,ctype=text/html") > "$TMP/hostile.warc"
	run --separate-stderr SB --explain "$TMP/hostile.warc"
	[ "$status" -eq 1 ]
	[ "$stderr" = "strip-boilerplate: $TMP/hostile.warc: record 2: corrupt gzip content: invalid code lengths set
strip-boilerplate: $TMP/hostile.warc: record 3: Content-Encoding br cannot be decoded: skipped
strip-boilerplate: $TMP/hostile.warc: record 4: bad chunked transfer coding: no chunk size
strip-boilerplate: $TMP/hostile.warc: record 5: invalid UTF-8 replaced by U+FFFD (1 sequence in the input)" ]
	# the first chunk (7 bytes) of a broken chunked body is kept
	[ "$(printf '%s\n' "$output" | cut -f1,2,5 | tr '\n' ' ')" = "nul	1	The council voted on Tuesday to approve the plan, which the residents had asked for during many long public meetings. badchunk	1	Catatan bad	1	The mayor said on Wednesday that the work on the new bridge would begin in $(printf '\357\277\275') spring and last two full years. " ]
	# the NUL byte is kept
	[ "$(SB "$TMP/hostile.warc" 2>/dev/null | head -n 1 | wc -c)" -eq $(( 4 + 2 + 118 + 1 )) ]
}

@test "a gzip bomb in a WARC: 200 MB of gzip content in a 200 KB record, read in bounded memory" {
	python3 -c '
import sys
sys.stdout.buffer.write((b" " * 999 + b"\n") * 200000)
sys.stdout.buffer.write(b"The council voted on Tuesday to approve the plan, which the residents had asked for during many long public meetings.\n")
' > "$TMP/big.txt"
	(cd "$IN" && ../../warc-fixture --gzip "response,uri=big,file=$TMP/big.txt,ctype=text/plain,gzip" \
		"response,uri=next,file=catatan.txt,ctype=text/plain") > "$TMP/bomb.warc.gz"
	rm "$TMP/big.txt"
	[ "$(stat -c %s "$TMP/bomb.warc.gz")" -lt 500000 ]
	run --separate-stderr SB "$TMP/bomb.warc.gz"
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	check_output "big	200001	The council voted on Tuesday to approve the plan, which the residents had asked for during many long public meetings.
next	1	Catatan redaksi: berkas teks ini disimpan bersama halaman dan dibaca sebagai teks biasa oleh alat ini."
	(cd "$IN" && ../../warc-fixture --gzip "response,uri=next,file=catatan.txt,ctype=text/plain") > "$TMP/small.warc.gz"
	base=$(peak_kb "$TMP/small.warc.gz")
	peak=$(peak_kb "$TMP/bomb.warc.gz")
	[ "$peak" -lt $((base + 20000)) ]
}

@test "a closed pipe ends a WARC run silently" {
	for i in $(seq 200); do printf 'conversion,uri=u%d,file=catatan.txt\n' "$i"; done > "$TMP/specs"
	(cd "$IN" && xargs ../../warc-fixture --gzip < "$TMP/specs") > "$TMP/many.warc.gz"
	run --separate-stderr bash -c '"$1"/strip-boilerplate --block 1 "$2" | head -n 1; exit ${PIPESTATUS[0]}' _ "$BIN" "$TMP/many.warc.gz"
	[ -z "$stderr" ]
	[ "$output" = "u1	1	Catatan redaksi: berkas teks ini disimpan bersama halaman dan dibaca sebagai teks biasa oleh alat ini." ]
	[ "$status" -ne 2 ]
}

@test "a WARC page: the charset of its HTTP Content-Type is used; a bad byte is reported naming the file and record" {
	printf '<p>Le conseil a vot\351 mardi le plan que les habitants avaient demand\351 pendant de longues r\351unions publiques.</p>\n' > "$TMP/latin1.html"
	printf '<p>The council voted on Tuesday to approve the plan \377 which the residents had asked for during many long public meetings.</p>\n' > "$TMP/bad.html"
	(cd "$IN" && ../../warc-fixture warcinfo "response,uri=fr,file=$TMP/latin1.html,ctype=text/html; charset=ISO-8859-1" \
		"response,uri=bad,file=$TMP/bad.html,ctype=text/html; charset=utf-8") > "$TMP/cs.warc"
	run --separate-stderr SB --lang en "$TMP/cs.warc"
	[ "$status" -eq 1 ]
	[ "$stderr" = "strip-boilerplate: $TMP/cs.warc: record 3: bytes of no character replaced by U+FFFD (1 in the page)" ]
	check_output "fr	1	Le conseil a voté mardi le plan que les habitants avaient demandé pendant de longues réunions publiques.
bad	1	The council voted on Tuesday to approve the plan $(printf '\357\277\275') which the residents had asked for during many long public meetings."
}
