#!/usr/bin/env bats
# strip-boilerplate: the article body of scraped pages, as DOC LINE TEXT records.
load common

CASES=tests/cases/strip-boilerplate
SB() { "$BIN/strip-boilerplate" "$@"; }

@test "exact output on every case (NAME.in, NAME.out; NAME.explain for --explain)" {
	for input in "$CASES"/*.in; do
		name=${input%.in}
		run --separate-stderr SB "$input"
		[ "$status" -eq 0 ] || { echo "$input: status $status" >&2; return 1; }
		[ -z "$stderr" ]
		check_output "$(cat "$name.out")" || { echo "in $input" >&2; return 1; }
		if [ -f "$name.explain" ]; then
			run --separate-stderr SB --explain "$input"
			[ "$status" -eq 0 ]
			check_output "$(cat "$name.explain")" || { echo "in $input --explain" >&2; return 1; }
		fi
	done
}

@test "corpus: all 40 body lines kept and at most 2 other lines (scripts/score-boilerplate)" {
	run --separate-stderr bash -c '"$1"/strip-boilerplate corpus/*.txt | scripts/score-boilerplate --max-fn 0 --max-fp 2' _ "$BIN"
	echo "$output" >&2
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	[[ "${lines[-1]}" == *" tp=40 "* ]]
}

@test "--explain accounts for every non-blank line, once, in order" {
	for page in corpus/*.txt; do
		name=$(basename "$page")
		run --separate-stderr SB --explain "$page"
		[ "$status" -eq 0 ]
		[ -z "$stderr" ]
		got=$(printf '%s\n' "$output" | cut -f2 | tr '\n' ' ')
		want=$(awk -F'\t' -v n="$name" '$1 == n { printf "%s ", $2 }' corpus/seeds.gold.tsv)
		[ "$got" = "$want" ] || { echo "$page: $got != $want" >&2; return 1; }
		classes=$(printf '%s\n' "$output" | cut -f3 | sort -u | tr '\n' ' ')
		[[ "$classes" == "body boilerplate title " || "$classes" == "body boilerplate " ]]
		# the body lines of --explain are the records of the plain output
		body=$(printf '%s\n' "$output" | awk -F'\t' -v OFS='\t' '$3 == "body" { print $1, $2, $5 }')
		run --separate-stderr SB "$page"
		check_output "$body"
	done
}

@test "--explain: the score is a number from 0 to 1, the title is marked" {
	run --separate-stderr SB --explain "$CASES/en-news.in"
	[ "$status" -eq 0 ]
	printf '%s\n' "$output" | awk -F'\t' '$4 !~ /^[01]\.[0-9][0-9][0-9]$/ { exit 1 }'
	[ "$(printf '%s\n' "$output" | awk -F'\t' '$3 == "title" { print $2 }')" = 5 ]
}

@test "both languages: --lang id, --lang en and auto" {
	run --separate-stderr SB --lang id "$CASES/id-berita.in"
	[ "$status" -eq 0 ]
	check_output "$(cat "$CASES/id-berita.out")"
	run --separate-stderr SB --lang en "$CASES/en-news.in"
	[ "$status" -eq 0 ]
	check_output "$(cat "$CASES/en-news.out")"
	# the wrong stoplist finds few stopwords: lower scores
	run --separate-stderr SB --lang en --explain "$CASES/id-berita.in"
	[ "$status" -eq 0 ]
	[ "$output" != "$(cat "$CASES/id-berita.explain")" ]
	[ "$(SB --lang en --explain "$CASES/id-berita.in" | awk -F'\t' '{ s += $4 } END { print int(s * 1000) }')" -lt \
	  "$(awk -F'\t' '{ s += $4 } END { print int(s * 1000) }' "$CASES/id-berita.explain")" ]
}

@test "an unknown language or a bad threshold is a usage error" {
	run --separate-stderr SB --lang xx "$CASES/en-news.in"
	[ "$status" -eq 2 ]
	[ -z "$output" ]
	[[ "$stderr" == "strip-boilerplate: --lang: no stoplist for xx (stop-xx.txt)"* ]]
	run --separate-stderr SB --threshold 1.5 "$CASES/en-news.in"
	[ "$status" -eq 2 ]
	[ -z "$output" ]
	[[ "$stderr" == "strip-boilerplate: --threshold: not a number from 0 to 1: 1.5"* ]]
	run --separate-stderr SB --repeat -1 "$CASES/en-news.in"
	[ "$status" -eq 2 ]
}

@test "--threshold: 0 keeps every line, 1 keeps none" {
	run --separate-stderr SB --threshold 0 "$CASES/en-news.in"
	[ "$status" -eq 0 ]
	[ "${#lines[@]}" -eq "$(grep -c '[^[:space:]]' "$CASES/en-news.in")" ]
	run --separate-stderr SB --threshold 1 "$CASES/en-news.in"
	[ "$status" -eq 0 ]
	[ -z "$output" ]
}

# Three pages of one site: the same newsletter box on each.
make_site() {
	local what=(x "the bridge" "the school" "the market")
	for i in 1 2 3; do
		{
			echo "Get our newsletter: the news that matters, delivered to your inbox every morning."
			echo
			echo "Story $i begins here: the reporter explains what happened to ${what[i]} in the town on that day and why it matters to the people who live there."
			echo
			echo "The second paragraph of story $i adds the reactions of residents, who said they had waited a long time for a decision on ${what[i]}."
		} > "$TMP/page$i.txt"
	done
}

@test "a line found in three documents is boilerplate; alone it is body" {
	make_site
	run --separate-stderr SB "$TMP/page1.txt"
	[ "$status" -eq 0 ]
	[ "${#lines[@]}" -eq 3 ]
	[[ "${lines[0]}" == "$TMP/page1.txt	1	Get our newsletter"* ]]
	run --separate-stderr SB "$TMP/page1.txt" "$TMP/page2.txt" "$TMP/page3.txt"
	[ "$status" -eq 0 ]
	[ "${#lines[@]}" -eq 6 ]
	[[ "$output" != *newsletter* ]]
	run --separate-stderr SB --repeat 0 "$TMP/page1.txt" "$TMP/page2.txt" "$TMP/page3.txt"
	[ "${#lines[@]}" -eq 9 ]
	run --separate-stderr SB --explain "$TMP/page1.txt" "$TMP/page2.txt" "$TMP/page3.txt"
	[ "$(printf '%s\n' "$output" | grep -c $'\tboilerplate\t0.000\tGet our newsletter')" -eq 3 ]
}

# The numbers 1 to N spelled out, one a line ("one", ... "one two"): lines of words of their own.
spelled() {
	awk -v last="$1" 'BEGIN {
		split("nought one two three four five six seven eight nine", digit, " ")
		for (i = 1; i <= last; i++) {
			name = digit[i % 10 + 1]
			for (n = int(i / 10); n > 0; n = int(n / 10))
				name = digit[n % 10 + 1] " " name
			print name
		}
	}'
}

@test "a line twice in a page of 3000 different lines scores half, wherever the two are" {
	# each line its own words (numbers alike would make the lines one: its number spelled out)
	spelled 3000 | awk 'NR == 6 || NR == 2951 { print "The council will meet again next week, when the budget for the new school is due."; next }
	    { printf "Report %s of the council: the town met that day and agreed on the plan for the roads.\n", $0 }' > "$TMP/long.txt"
	run --separate-stderr SB --explain "$TMP/long.txt"
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	[ "${#lines[@]}" -eq 3000 ]
	# the two copies: half the score of the lines around them (0.98)
	for i in 6 2951; do
		[ "${lines[i - 1]}" = "$TMP/long.txt	$i	body	0.500	The council will meet again next week, when the budget for the new school is due." ]
		[[ "${lines[i - 2]}" == "$TMP/long.txt	$((i - 1))	body	0.98"[0-9]"	Report "* ]]
		[[ "${lines[i]}" == "$TMP/long.txt	$((i + 1))	body	0.98"[0-9]"	Report "* ]]
	done
}

@test "lines twice in a page score half; once in each of two pages, they do not (each page's lines are forgotten after it)" {
	for p in a b; do
		printf '%s\n' "Report one of the council: the town met that day and agreed on the plan for the roads." \
		    "The council will meet again next week, when the budget for the new school is due." \
		    "Report two of the council: the town met that day and agreed on the plan for the bridges." > "$TMP/$p.txt"
	done
	cat "$TMP/a.txt" "$TMP/a.txt" > "$TMP/twice.txt"
	run --separate-stderr SB -r 0 --explain "$TMP/a.txt" "$TMP/b.txt" "$TMP/twice.txt"
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	[ "${#lines[@]}" -eq 12 ]
	for p in a b; do
		[ "$(printf '%s\n' "$output" | grep -c "^$TMP/$p.txt	[123]	body	0.98[12]	")" -eq 2 ]
		[ "$(printf '%s\n' "$output" | grep -c "^$TMP/$p.txt	2	body	0.979	The council will meet again next week")" -eq 1 ]
	done
	[ "$(printf '%s\n' "$output" | grep -c "^$TMP/twice.txt	[1346]	boilerplate	0.491	Report ")" -eq 4 ]
	[ "$(printf '%s\n' "$output" | grep -c "^$TMP/twice.txt	[25]	boilerplate	0.490	The council will meet")" -eq 2 ]
}

@test "a line in three documents is boilerplate though thousands of other lines come between them" {
	make_site
	# page 1 also holds 5000 lines of words of their own: the site's table grows past 1,024, 2,048 and 4,096 lines
	spelled 5000 | awk '{ printf "Note %s\n\n", $0 }' >> "$TMP/page1.txt"
	run --separate-stderr SB --explain "$TMP/page1.txt" "$TMP/page2.txt" "$TMP/page3.txt"
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	[ "$(printf '%s\n' "$output" | grep -c $'\tboilerplate\t0.000\tGet our newsletter')" -eq 3 ]
}

# A WET stream: a warcinfo record and one conversion record per page, CRLF headers.
make_wet() {
	{
		printf 'WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: 10\r\n\r\nsoftware\r\n\r\n\r\n'
		for i in 1 2 3; do
			printf 'WARC/1.0\r\nWARC-Type: conversion\r\nWARC-Target-URI: https://example.com/news/%d\r\nContent-Type: text/plain\r\nContent-Length: %d\r\n\r\n' "$i" "$(wc -c < "$TMP/page$i.txt")"
			cat "$TMP/page$i.txt"
			printf '\r\n\r\n'
		done
	} > "$TMP/site.wet"
}

@test "WARC/WET input: one document per conversion record, DOC is its URI" {
	make_site
	make_wet
	run --separate-stderr SB "$TMP/site.wet"
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	[ "${#lines[@]}" -eq 6 ]
	[[ "${lines[0]}" == "https://example.com/news/1	3	Story 1 begins here:"* ]]
	[[ "${lines[1]}" == "https://example.com/news/1	5	The second paragraph of story 1"* ]]
	[[ "${lines[5]}" == "https://example.com/news/3	5	The second paragraph of story 3"* ]]
}

@test "WARC response records: the HTTP headers are skipped, other records ignored" {
	{
		printf 'WARC/1.0\r\nWARC-Type: request\r\nWARC-Target-URI: https://example.com/a\r\n\r\nGET /a HTTP/1.1\r\n\r\n\r\n'
		printf 'WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://example.com/a\r\n\r\n'
		printf 'HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\n'
		printf 'Menu\r\n\r\nThe council voted on Tuesday to approve the plan, which the residents had asked for during many long public meetings.\r\n\r\n'
		printf 'WARC/1.0\r\nWARC-Type: metadata\r\nWARC-Target-URI: https://example.com/a\r\n\r\nThis metadata record is not a document and is never read as one, whatever it says here.\r\n'
	} > "$TMP/resp.warc"
	run --separate-stderr SB --explain "$TMP/resp.warc"
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	[ "${#lines[@]}" -eq 2 ]
	[[ "${lines[0]}" == "https://example.com/a	1	boilerplate	"*"	Menu" ]]
	[[ "${lines[1]}" == "https://example.com/a	3	body	"*"	The council voted"* ]]
}

@test "standard input: one document, or a WARC stream counted in blocks" {
	make_site
	make_wet
	run --separate-stderr bash -c '"$1"/strip-boilerplate < "$2"' _ "$BIN" "$TMP/page1.txt"
	[ "$status" -eq 0 ]
	[ "${#lines[@]}" -eq 3 ]
	[[ "${lines[1]}" == "-	3	Story 1 begins here:"* ]]
	run --separate-stderr bash -c '"$1"/strip-boilerplate < "$2"' _ "$BIN" "$TMP/site.wet"
	[ "$status" -eq 0 ]
	[ "${#lines[@]}" -eq 6 ]
	[[ "$output" != *newsletter* ]]
	# blocks of one document: the counts carry over, so only the third sees the repetition
	run --separate-stderr bash -c '"$1"/strip-boilerplate --block 1 < "$2"' _ "$BIN" "$TMP/site.wet"
	[ "${#lines[@]}" -eq 8 ]
	[[ "${lines[6]}" == "https://example.com/news/3	3	Story 3"* ]]
}

@test "empty input: no output" {
	run --separate-stderr SB /dev/null
	[ "$status" -eq 0 ]
	[ -z "$output" ]
	[ -z "$stderr" ]
	run --separate-stderr SB --explain < /dev/null
	[ "$status" -eq 0 ]
	[ -z "$output" ]
}

@test "CRLF input gives the output of LF input" {
	sed 's/$/\r/' "$CASES/en-news.in" > "$TMP/crlf.in"
	run --separate-stderr SB "$TMP/crlf.in"
	[ "$status" -eq 0 ]
	check_output "$(sed "s|^$CASES/en-news.in|$TMP/crlf.in|" "$CASES/en-news.out")"
}

@test "NUL bytes are kept as text and do not end a line" {
	printf 'Menu\n\nThe council voted on Tuesday to approve the plan,\0 which the residents had asked for during many long public meetings.\n\nIt will take about a year to build, and the work is expected to begin in the spring after the rains.\n' > "$TMP/nul.txt"
	run --separate-stderr SB "$TMP/nul.txt"
	[ "$status" -eq 0 ]
	[ "$(SB "$TMP/nul.txt" | wc -l)" -eq 2 ]
	[ "$(SB "$TMP/nul.txt" | head -n 1 | tr -d '\0' | cut -f2)" = 3 ]
	[ "$(SB "$TMP/nul.txt" | head -n 1 | wc -c)" -eq $(( ${#TMP} + 9 + 3 + 117 + 1 )) ]
}

@test "a 100 MB line is one line: boilerplate, written whole by --explain" {
	head -c 100000000 /dev/zero | tr '\0' 'a' > "$TMP/long.txt"
	run --separate-stderr SB "$TMP/long.txt"
	[ "$status" -eq 0 ]
	[ -z "$output" ]
	[ "$(SB --explain "$TMP/long.txt" | wc -c)" -eq $(( ${#TMP} + 9 + 3 + 12 + 6 + 100000000 + 1 )) ]
	[[ "$(SB --explain "$TMP/long.txt" | cut -c1-$(( ${#TMP} + 40 )))" == "$TMP/long.txt	1	boilerplate	0.00"?"	aaaaaaaaaa" ]]
}

@test "invalid UTF-8 is replaced and reported, the rest still read" {
	printf 'The council voted on Tuesday to approve the plan \xff which the residents had asked for during many long public meetings.\n' > "$TMP/bad.txt"
	run --separate-stderr SB "$TMP/bad.txt"
	[ "$status" -eq 1 ]
	[[ "$output" == *$'plan \xef\xbf\xbd which'* ]]
	[ "$stderr" = "strip-boilerplate: $TMP/bad.txt:1: invalid UTF-8 replaced by U+FFFD (1 sequence in the input)" ]
}

@test "a WARC record with no WARC-Target-URI (or an empty one) is named by its input" {
	{
		printf 'WARC/1.0\r\nWARC-Type: conversion\r\n\r\n'
		printf 'The council voted on Tuesday to approve the plan, which the residents had asked for during many long public meetings.\r\n\r\n'
		printf 'WARC/1.0\r\nWARC-Type: conversion\r\nWARC-Target-URI:\r\n\r\n'
		printf 'The mayor said on Wednesday that the work on the new bridge would begin in the spring and last for two full years.\r\n\r\n'
	} > "$TMP/nouri.wet"
	run --separate-stderr SB "$TMP/nouri.wet"
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	[ "${#lines[@]}" -eq 2 ]
	[[ "${lines[0]}" == "$TMP/nouri.wet	1	The council voted"* ]]
	[[ "${lines[1]}" == "$TMP/nouri.wet	1	The mayor said"* ]]
	run --separate-stderr bash -c '"$1"/strip-boilerplate < "$2"' _ "$BIN" "$TMP/nouri.wet"
	[[ "${lines[0]}" == "-	1	The council voted"* ]]
}

@test "a block ends at 32 MiB of memory, lines counted too: 400000 short lines are a block of their own" {
	{
		printf 'WARC/1.0\nWARC-Type: conversion\nWARC-Target-URI: one\n\n'
		printf 'The weather in the city was fine on most days of the year, the report said.\n'
		yes x | head -n 400000
		printf '\n'
		for i in 2 3; do
			printf 'WARC/1.0\nWARC-Type: conversion\nWARC-Target-URI: p%d\n\n' "$i"
			printf 'The weather in the city was fine on most days of the year, the report said.\n\n'
		done
	} > "$TMP/lines.wet"
	run --separate-stderr bash -c '"$1"/strip-boilerplate --explain "$2" | grep weather' _ "$BIN" "$TMP/lines.wet"
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	# the first document was judged before the others were read: its line is not yet repeated
	[[ "${lines[0]}" == "one	1	body	"* ]]
	[[ "${lines[1]}" == "p2	1	boilerplate	0.000	"* ]]
	[[ "${lines[2]}" == "p3	1	boilerplate	0.000	"* ]]
}

@test "edge input: blank-only, punctuation-only and CR-only lines, a truncated WARC record, 2500 records" {
	printf '\n \t\n\xc2\xa0\n\xe3\x80\x80\r\n\n' > "$TMP/blank.txt"
	run --separate-stderr SB --explain "$TMP/blank.txt"
	[ "$status" -eq 0 ] && [ -z "$output" ] && [ -z "$stderr" ]
	# punctuation alone is boilerplate, a CR alone does not end a line
	printf '...\n!!! ???\n|\nThe council voted on Tuesday to approve the plan,\rwhich the residents had asked for during many long public meetings.\n' > "$TMP/punct.txt"
	run --separate-stderr SB --explain "$TMP/punct.txt"
	[ "$status" -eq 0 ]
	[ "$(printf '%s\n' "$output" | cut -f2,3 | tr '\t\n' ': ')" = "1:boilerplate 2:boilerplate 3:boilerplate 4:body " ]
	[[ "${lines[3]}" == *'plan,\rwhich'* ]]
	# a record cut off in its text (no Content-Length: it ends with the input), or in its headers
	printf 'WARC/1.0\nWARC-Type: conversion\nWARC-Target-URI: a\n\nThe council voted on Tuesday to approve the plan, which the residents had asked for during many' > "$TMP/cut.wet"
	printf 'WARC/1.0\nWARC-Type: conv' > "$TMP/cut2.wet"
	run --separate-stderr SB "$TMP/cut.wet" "$TMP/cut2.wet"
	[ "$status" -eq 1 ]
	[ "$stderr" = "strip-boilerplate: $TMP/cut2.wet: record 1: truncated in its headers" ]
	[[ "$output" == "a	1	The council voted"*"asked for during many" ]]
	# many records: blocks of 1000 follow one another, the shared menu is learnt in the first
	# (each story names a town of its own: numbers alone would make the stories one repeated line)
	awk 'BEGIN { for (i = 1; i <= 2500; i++) { t = ""; for (n = i; n > 0; n = int(n / 10)) t = t substr("bcdfghjklm", n % 10 + 1, 1) "a"
		printf "WARC/1.0\nWARC-Type: conversion\nWARC-Target-URI: u%d\n\nHome | News | Sport | Contact\nThe council of %s voted on Tuesday to approve the plan, which the residents had asked for.\n\n", i, t } }' > "$TMP/many.wet"
	run --separate-stderr SB "$TMP/many.wet"
	[ "$status" -eq 0 ] && [ -z "$stderr" ]
	[ "${#lines[@]}" -eq 2500 ]
	[[ "${lines[0]}" == "u1	2	The council of "* ]]
	[[ "${lines[2499]}" == "u2500	2	The council of "* ]]
}

@test "1,000 pages in one block: their lines analysed by the threads in batches, counted in order across all of them" {
	# 360 KB of text: several 64 KB batches of lines for the threads of a
	# block; a prose line in every page is repeated, a report line once
	awk -v dir="$TMP" 'BEGIN {
		for (i = 1; i <= 1000; i++) {
			f = sprintf("%s/p%04d.txt", dir, i)
			print "Rivertown Daily - Home - News - Sport" > f
			printf "Report %d: The council of the district met on day %d and voted to approve a new plan for the old bridge over the river, which residents had asked for during many long public meetings in the town hall this year.\n", i, i > f
			print "The weather office said that the rain would continue over the coming days and warned people living near the rivers to stay alert." > f
			close(f)
		}
	}'
	want=$(for i in $(seq 1 1000); do printf '%s/p%04d.txt\t2\tReport %d: The council of the district met on day %d and voted to approve a new plan for the old bridge over the river, which residents had asked for during many long public meetings in the town hall this year.\n' "$TMP" "$i" "$i" "$i"; done)
	for block in 1000 250 3; do
		run --separate-stderr SB -b "$block" "$TMP"/p*.txt
		[ "$status" -eq 0 ]
		[ -z "$stderr" ]
		check_output "$want" || { echo "-b $block" >&2; return 1; }
	done
	# in a block of 2 pages the prose line is found twice only: body
	run --separate-stderr SB -b 2 "$TMP"/p0001.txt "$TMP"/p0002.txt
	[ "${#lines[@]}" -eq 4 ]
	[[ "${lines[1]}" == "$TMP/p0001.txt	3	The weather office said "* ]]
}
