#!/usr/bin/env bats
# strip-boilerplate on HTML pages: the rendering, the markup as evidence, charsets, hostile pages.
load common

CASES=tests/cases/strip-boilerplate-html
SB() { "$BIN/strip-boilerplate" "$@"; }

@test "news pages (Indonesian, English): the body, the rendering and --explain, exactly" {
	cd "$CASES"
	for page in id-berita id-detail en-news; do
		run --separate-stderr "$OLDPWD/$BIN/strip-boilerplate" "$page.html"
		[ "$status" -eq 0 ] && [ -z "$stderr" ]
		check_output "$(cat "$page.out")" || { echo "in $page" >&2; return 1; }
		run --separate-stderr "$OLDPWD/$BIN/strip-boilerplate" --render "$page.html"
		[ "$status" -eq 0 ] && [ -z "$stderr" ]
		check_output "$(cat "$page.render")" || { echo "in $page --render" >&2; return 1; }
		run --separate-stderr "$OLDPWD/$BIN/strip-boilerplate" --explain "$page.html"
		[ "$status" -eq 0 ] && [ -z "$stderr" ]
		check_output "$(cat "$page.explain")" || { echo "in $page --explain" >&2; return 1; }
	done
}

@test "Indonesian page: nav, breadcrumb, share buttons, Baca Juga, tags, sidebar and footer are dropped" {
	run --separate-stderr SB "$CASES/id-berita.html"
	[ "$status" -eq 0 ]
	[ "$(printf '%s\n' "$output" | cut -f2 | tr '\n' ' ')" = "10 11 13 14 15 " ]
	[[ "$output" != *"Baca Juga"* && "$output" != *Bagikan* && "$output" != *Terpopuler* ]]
}

@test "Indonesian page in a news portal's markup: byline, share, Baca juga, ADVERTISEMENT, tags, Berita Terkait, comments, Terpopuler dropped" {
	run --separate-stderr SB "$CASES/id-detail.html"
	[ "$status" -eq 0 ]
	[ "$(printf '%s\n' "$output" | cut -f2 | tr '\n' ' ')" = "9 10 13 14 15 " ]
}

@test "LINE of the output is the line of --render; --explain accounts for every rendered line once" {
	run --separate-stderr SB --render "$CASES/en-news.html"
	render=$output
	run --separate-stderr SB --explain "$CASES/en-news.html"
	[ "$(printf '%s\n' "$output" | cut -f1,2,5-)" = "$render" ]
	[ "$(printf '%s\n' "$output" | awk -F'\t' '$3 == "title" { print $2 }')" = 3 ]
	run --separate-stderr SB "$CASES/en-news.html"
	body=$(printf '%s\n' "$render" | awk -F'\t' 'NR == 6 || NR == 7 || NR == 8')
	check_output "$body"
}

@test "nothing of script, style, noscript, template, svg, comments or hidden elements is rendered" {
	run --separate-stderr SB --render "$CASES/en-news.html" "$CASES/id-berita.html"
	[ "$status" -eq 0 ]
	for hidden in "never shown" "not text" "Template text" "svg text" "Hidden text" "Neither is this" \
	    "jangan tampil" "Aktifkan JavaScript" "color: red"; do
		[[ "$output" != *"$hidden"* ]] || { echo "rendered: $hidden" >&2; return 1; }
	done
}

@test "white space folded, one line per block, <br> and table rows" {
	printf '<body><p>  one\n\t two&nbsp; three </p><div>a<br>b<br/>c</div><table><tr><td>1</td><td>x y</td></tr><tr><th>2</th></tr></table><ul><li>i<li>j</ul></body>' > "$TMP/blocks.html"
	run --separate-stderr SB --render "$TMP/blocks.html"
	[ "$status" -eq 0 ] && [ -z "$stderr" ]
	check_output "$(printf '%s\t1\tone two three\n%s\t2\ta\n%s\t3\tb\n%s\t4\tc\n%s\t5\t1 x y\n%s\t6\t2\n%s\t7\ti\n%s\t8\tj' \
	    "$TMP/blocks.html" "$TMP/blocks.html" "$TMP/blocks.html" "$TMP/blocks.html" "$TMP/blocks.html" \
	    "$TMP/blocks.html" "$TMP/blocks.html" "$TMP/blocks.html")"
}

@test "charset from <meta>: windows-1252 (iso-8859-1) becomes UTF-8" {
	run --separate-stderr SB --render "$CASES/latin1.html"
	[ "$status" -eq 0 ] && [ -z "$stderr" ]
	check_output "$CASES/latin1.html	1	Le café de la gare a rouvert ses portes après des mois de travaux, à la grande joie des habitués du quartier.
$CASES/latin1.html	2	“Quoted” in windows-1252."
}

@test "charset: a UTF-16 page with its byte-order mark" {
	printf '<p>Kabar dari Jakarta \xe2\x80\x94 hari ini</p>' | iconv -f UTF-8 -t UTF-16 > "$TMP/u16.html"
	run --separate-stderr SB --render "$TMP/u16.html"
	[ "$status" -eq 0 ] && [ -z "$stderr" ]
	check_output "$TMP/u16.html	1	Kabar dari Jakarta — hari ini"
}

@test "invalid UTF-8 in a page: U+FFFD, counted and reported, status 1, the page still read" {
	printf '<p>bad \xff byte and \xc3 another</p>' > "$TMP/bad.html"
	run --separate-stderr SB --render "$TMP/bad.html"
	[ "$status" -eq 1 ]
	check_output "$TMP/bad.html	1	bad � byte and � another"
	[ "$stderr" = "strip-boilerplate: $TMP/bad.html: bytes of no character replaced by U+FFFD (2 in the page)" ]
}

@test "repetition across the pages of one site: a line on every page is boilerplate (-r), kept with -r 0" {
	for i in 1 2 3; do
		place=$(echo "harbour market school" | cut -d' ' -f$i)
		printf '<body><p>This page tells its own story about the %s and the people who come there every morning.</p><p>Our newsroom works hard every single day so that you can read the news that matters to you.</p></body>' "$place" > "$TMP/p$i.html"
	done
	run --separate-stderr SB "$TMP/p1.html" "$TMP/p2.html" "$TMP/p3.html"
	[ "$status" -eq 0 ]
	[ "$(printf '%s\n' "$output" | cut -f2 | tr '\n' ' ')" = "1 1 1 " ]
	run --separate-stderr SB -r 0 "$TMP/p1.html" "$TMP/p2.html" "$TMP/p3.html"
	[ "$(printf '%s\n' "$output" | cut -f2 | tr '\n' ' ')" = "1 2 1 2 1 2 " ]
}

@test "<html lang> chooses the stoplist when --lang is auto" {
	text='Dia mengatakan bahwa mereka akan datang ke kota itu untuk bertemu dengan para warga yang sudah menunggu.'
	printf '<html lang="id"><body><p>%s</p></body></html>' "$text" > "$TMP/id.html"
	run --separate-stderr SB "$TMP/id.html"
	[ "$status" -eq 0 ]
	check_output "$TMP/id.html	1	$text"
}

@test "a form right inside <body> (ASP.NET pages) wraps the whole page: it is no evidence against its lines" {
	printf '<html><body><form id="aspnetForm" action="x"><div class="menu"><a href="/">Beranda</a> <a href="/b">Berita</a></div><p>Pemerintah daerah menyiapkan anggaran tambahan untuk memperbaiki jalan yang rusak akibat banjir di wilayah selatan kota.</p><p>Perbaikan ditargetkan selesai sebelum musim hujan berikutnya, kata kepala dinas pekerjaan umum kepada wartawan.</p></form></body></html>' > "$TMP/asp.html"
	run --separate-stderr SB --explain "$TMP/asp.html"
	[ "$status" -eq 0 ] && [ -z "$stderr" ]
	[ "$(printf '%s\n' "$output" | cut -f2-4 | tr '\t\n' '  ')" = "1 boilerplate 0.000 2 body 0.979 3 body 0.964 " ]
}

@test "an empty page and a page of white space give nothing, and no error" {
	printf '' > "$TMP/empty.html"
	printf ' \n\t ' > "$TMP/space.html"
	run --separate-stderr SB --render "$TMP/empty.html" "$TMP/space.html"
	[ "$status" -eq 0 ] && [ -z "$stderr" ] && [ -z "$output" ]
}

@test "hostile: unclosed tags everywhere and NUL bytes" {
	printf '<p>one\0two</p><div><p>unclosed <b>bold <i>it <p>next para <li>item <table><td>cell' > "$TMP/open.html"
	run --separate-stderr SB --render "$TMP/open.html"
	[ "$status" -eq 0 ] && [ -z "$stderr" ]
	check_output "$(printf '%s\t1\tone two\n%s\t2\tunclosed bold it\n%s\t3\tnext para\n%s\t4\titem\n%s\t5\tcell' \
	    "$TMP/open.html" "$TMP/open.html" "$TMP/open.html" "$TMP/open.html" "$TMP/open.html")"
}

@test "hostile: 100,000 nested elements" {
	python3 -c 'import sys; sys.stdout.write("<body>" + "<div><span>" * 50000 + "<p>Deep inside.</p>" + "</span></div>" * 50000)' > "$TMP/deep.html"
	run --separate-stderr SB --render "$TMP/deep.html"
	[ "$status" -eq 0 ] && [ -z "$stderr" ]
	check_output "$TMP/deep.html	1	Deep inside."
}

@test "hostile: a 100 MB attribute: the page is reported as too large, status 1, the next page read" {
	python3 -c 'import sys; sys.stdout.write("<p>Before.</p><div title=\"" + "a" * (100 << 20) + "\">x</div>")' > "$TMP/attr.html"
	printf '<p>Next page.</p>' > "$TMP/next.html"
	run --separate-stderr SB --render "$TMP/attr.html" "$TMP/next.html"
	[ "$status" -eq 1 ]
	check_output "$TMP/next.html	1	Next page."
	[ "$stderr" = "strip-boilerplate: $TMP/attr.html: page larger than 32 MB: skipped" ]
}

@test "hostile: a 20 MB attribute in a page under the limit is read, its text kept" {
	python3 -c 'import sys; sys.stdout.write("<p>Before.</p><div title=\"" + "a" * (20 << 20) + "\">x</div><p>After.</p>")' > "$TMP/attr.html"
	run --separate-stderr SB --render "$TMP/attr.html"
	[ "$status" -eq 0 ] && [ -z "$stderr" ]
	check_output "$(printf '%s\t1\tBefore.\n%s\t2\tx\n%s\t3\tAfter.' "$TMP/attr.html" "$TMP/attr.html" "$TMP/attr.html")"
}

@test "hostile: a 1 GB single-line page (a pipe): reported as too large, memory bounded, the next page read" {
	mkfifo "$TMP/huge.html"
	{ printf '<html><body><p>'; head -c 1073741824 /dev/zero | tr '\0' 'w'; printf '</p>'; } > "$TMP/huge.html" &
	printf '<p>Next page.</p>' > "$TMP/next.html"
	run --separate-stderr /usr/bin/time -f '%M' "$BIN/strip-boilerplate" --render "$TMP/huge.html" "$TMP/next.html"
	wait
	[ "$status" -eq 1 ]
	check_output "$TMP/next.html	1	Next page."
	[ "${stderr%%$'\n'*}" = "strip-boilerplate: $TMP/huge.html: page larger than 32 MB: skipped" ]
	[ "${stderr##*$'\n'}" -lt 400000 ]	# peak KB
}
