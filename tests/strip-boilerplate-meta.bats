#!/usr/bin/env bats
# strip-boilerplate --meta: each page's url, title, date and lang as DOC FIELD VALUE records.
load common

PAGES=tests/cases/meta
SB() { "$BIN/strip-boilerplate" "$@"; }

@test "--meta: url, title, date and lang of Indonesian pages; a page that tells none gives nothing" {
	run --separate-stderr SB --meta "$PAGES/banjir.html" "$PAGES/polos.html" "$PAGES/gempa.html"
	[ "$status" -eq 0 ]
	[ "$stderr" = "" ]
	check_output "$PAGES/banjir.html	url	https://kabarkota.example.id/metro/2015/06/19/banjir-rendam-ribuan-rumah
$PAGES/banjir.html	title	Banjir Rendam Ribuan Rumah di Jakarta Timur
$PAGES/banjir.html	date	2015-06-20T08:15:00+07:00
$PAGES/banjir.html	lang	id
$PAGES/gempa.html	title	Gempa Guncang Palu & Donggala
$PAGES/gempa.html	date	2018-09-28T17:02:00+08:00
$PAGES/gempa.html	lang	id"
}

@test "--meta: an HTML page on standard input and gzipped gives the same records" {
	gzip -c "$PAGES/gempa.html" > "$TMP/gempa.html.gz"
	run --separate-stderr bash -c '"$1"/strip-boilerplate --meta < "$2"; "$1"/strip-boilerplate --meta "$3"' _ \
	    "$BIN" "$PAGES/gempa.html" "$TMP/gempa.html.gz"
	[ "$status" -eq 0 ]
	[ "$stderr" = "" ]
	check_output "-	title	Gempa Guncang Palu & Donggala
-	date	2018-09-28T17:02:00+08:00
-	lang	id
$TMP/gempa.html.gz	title	Gempa Guncang Palu & Donggala
$TMP/gempa.html.gz	date	2018-09-28T17:02:00+08:00
$TMP/gempa.html.gz	lang	id"
}

@test "--meta: the meta tag's date wins over the URL's and the <time>'s; without it the URL's" {
	sed '/published_time/d' "$PAGES/banjir.html" > "$TMP/a.html"
	sed '/published_time/d; /<time/d' "$PAGES/banjir.html" > "$TMP/b.html"
	run --separate-stderr SB --meta "$TMP/a.html" "$TMP/b.html"
	[ "$status" -eq 0 ]
	[ "$stderr" = "" ]
	[ "$(printf '%s\n' "$output" | grep '	date	')" = "$TMP/a.html	date	2015-06-18
$TMP/b.html	date	2015-06-19" ]
}

@test "--meta: a text page gives what its DOC tells: a WET record its url and the date in its path" {
	printf 'Banjir merendam ribuan rumah di Jakarta Timur sejak Jumat pagi.\n' > "$TMP/page.txt"
	{
		printf 'WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: 10\r\n\r\nsoftware\r\n\r\n\r\n'
		for uri in https://kabarkota.example.id/metro/2015/06/19/banjir https://kabarkota.example.id/indeks; do
			printf 'WARC/1.0\r\nWARC-Type: conversion\r\nWARC-Target-URI: %s\r\nContent-Type: text/plain\r\n\r\n' "$uri"
			cat "$TMP/page.txt"
			printf '\r\n\r\n'
		done
	} > "$TMP/site.wet"
	run --separate-stderr SB --meta "$TMP/page.txt" "$TMP/site.wet"
	[ "$status" -eq 0 ]
	[ "$stderr" = "" ]
	check_output "https://kabarkota.example.id/metro/2015/06/19/banjir	url	https://kabarkota.example.id/metro/2015/06/19/banjir
https://kabarkota.example.id/metro/2015/06/19/banjir	date	2015-06-19
https://kabarkota.example.id/indeks	url	https://kabarkota.example.id/indeks"
}

@test "--meta: a gzipped WARC of HTML and text responses, in the order of its records" {
	{
		printf 'WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: 8\r\n\r\nsoftware\r\n\r\n'
		for page in gempa banjir; do
			body=$( { printf 'HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n'; cat "$PAGES/$page.html"; } | wc -c)
			printf 'WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://warta.example.id/2018/09/%s\r\n' "$page"
			printf 'Content-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n' "$body"
			printf 'HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n'
			cat "$PAGES/$page.html"
			printf '\r\n\r\n'
		done
		printf 'WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://warta.example.id/2018/09/29/teks\r\n'
		printf 'Content-Type: application/http; msgtype=response\r\nContent-Length: 60\r\n\r\n'
		printf 'HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nGempa susulan.\n\r\n\r\n'
	} | gzip > "$TMP/crawl.warc.gz"
	run --separate-stderr SB --meta "$TMP/crawl.warc.gz"
	[ "$status" -eq 0 ]
	[ "$stderr" = "" ]
	check_output "https://warta.example.id/2018/09/gempa	url	https://warta.example.id/2018/09/gempa
https://warta.example.id/2018/09/gempa	title	Gempa Guncang Palu & Donggala
https://warta.example.id/2018/09/gempa	date	2018-09-28T17:02:00+08:00
https://warta.example.id/2018/09/gempa	lang	id
https://warta.example.id/2018/09/banjir	url	https://kabarkota.example.id/metro/2015/06/19/banjir-rendam-ribuan-rumah
https://warta.example.id/2018/09/banjir	title	Banjir Rendam Ribuan Rumah di Jakarta Timur
https://warta.example.id/2018/09/banjir	date	2015-06-20T08:15:00+07:00
https://warta.example.id/2018/09/banjir	lang	id
https://warta.example.id/2018/09/29/teks	url	https://warta.example.id/2018/09/29/teks
https://warta.example.id/2018/09/29/teks	date	2018-09-29"
}

@test "--meta: hostile values: a 1 MB title cut at 1,000 bytes, a LF in a URL escaped, broken JSON-LD, 2015-02-30" {
	{
		printf '<html lang="id"><head><title>x'
		head -c 1000000 /dev/zero | sed 's/\x0/\xc3\xa9/g'
		printf '</title>\n<link rel="canonical" href="https://example.id/a\nb">\n'
		printf '<meta property="article:published_time" content="2015-02-30T10:00:00+07:00">\n'
		printf '<script type="application/ld+json">{"datePublished": "2015-06-2'
		printf '</script><script type="application/ld+json">{"datePublished": ["2015-06-21",\n'
		printf '</script></head><body><p>Isi.</p></body></html>\n'
	} > "$TMP/hostile.html"
	run --separate-stderr SB --meta "$TMP/hostile.html"
	[ "$status" -eq 0 ]
	[ "$stderr" = "" ]
	check_output "$TMP/hostile.html	url	https://example.id/a\\nb
$TMP/hostile.html	title	x$(head -c 499 /dev/zero | sed 's/\x0/\xc3\xa9/g')
$TMP/hostile.html	date	2015-06-21
$TMP/hostile.html	lang	id"
}

@test "--meta excludes --render and --explain: a usage error" {
	run --separate-stderr SB --meta --explain "$PAGES/banjir.html"
	[ "$status" -eq 2 ]
	[ "$output" = "" ]
	[ "${stderr%%$'\n'*}" = "strip-boilerplate: --meta excludes --render and --explain" ]
}

# The recipe of docs/FORMAT.md and the man page: entities counted per day of publication.
@test "--meta: the recipe that counts entities per day, on two pages of different days" {
	cp "$PAGES/banjir.html" "$PAGES/gempa.html" "$PAGES/bencana.dict.tsv" "$TMP"
	PATH="$(cd "$BIN" && pwd):$PATH"
	cd "$TMP"
	run --separate-stderr bash -c '
		export LC_ALL=C
		strip-boilerplate --meta *.html |
		    awk -F"\t" '\''$2 == "date" { print $1 "\t" substr($3, 1, 10) }'\'' | sort > dates.tsv
		strip-boilerplate *.html | split-sentences |
		    tag-entities --dict bencana.dict.tsv --types BENCANA | cut -f 1,6,8 | sort > entities.tsv
		join -t "$(printf "\t")" dates.tsv entities.tsv | count-values -f 2-'
	[ "$status" -eq 0 ]
	[ "$stderr" = "" ]
	check_output "2	2018-09-28	BENCANA	gempa
1	2015-06-20	BENCANA	banjir
1	2018-09-28	BENCANA	tsunami"
}
