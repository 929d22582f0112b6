#!/usr/bin/env bats
# What the record contract (docs/FORMAT.md) promises, checked on every filter.

load common

FILTERS="strip-boilerplate split-sentences tag-entities count-values"
PAGE=corpus/000_fdfa7573e456b054.txt
VERSION=$(sed -n 's/^VERSION *= *//p' Makefile)

# each_filter CMD...: run CMD with $f set to each filter; the first failure names the filter.
each_filter() {
	for f in $FILTERS; do
		"$@" || { echo "failed for $f" >&2; return 1; }
	done
}

help_is_usage() {
	run --separate-stderr "$BIN/$f" --help
	[ "$status" -eq 0 ] && [ "$stderr" = "" ] && [[ "${lines[0]}" == "usage: $f "* ]]
}
@test "--help prints the usage on stdout and exits 0" { each_filter help_is_usage; }

version_line() {
	run --separate-stderr "$BIN/$f" --version
	[ "$status" -eq 0 ] && [ "$stderr" = "" ] && [ "$output" = "$f $VERSION" ]
}
@test "--version prints NAME VERSION and exits 0" { each_filter version_line; }

unknown_option() {
	run --separate-stderr "$BIN/$f" "$1" "$PAGE"
	[ "$status" -eq 2 ] && [ "$output" = "" ] &&
	[ "${stderr%%$'\n'*}" = "$f: unknown option: $2" ] &&
	[[ "$(sed -n 2p <<<"$stderr")" == "usage: $f "* ]]
}
@test "an unknown long option: one-line reason, the usage, exit 2, nothing on stdout" {
	each_filter unknown_option --no-such-option --no-such-option
}
@test "an unknown short option: one-line reason, the usage, exit 2, nothing on stdout" {
	each_filter unknown_option -Z -Z
}

missing_file() {
	"$BIN/$f" "$PAGE" "$PAGE" > "$TMP/want"
	run --separate-stderr "$BIN/$f" "$PAGE" "$TMP/nope" "$PAGE"
	[ "$status" -eq 1 ] && [ "$stderr" = "$f: $TMP/nope: No such file or directory" ] &&
	[ "$output" = "$(cat "$TMP/want")" ] && [ -s "$TMP/want" ]
}
@test "a missing file among good ones: reported, exit 1, the others processed" { each_filter missing_file; }

empty_input() {
	run --separate-stderr "$BIN/$f" < /dev/null
	[ "$status" -eq 0 ] && [ "$output" = "" ] && [ "$stderr" = "" ] || return 1
	run --separate-stderr "$BIN/$f" /dev/null
	[ "$status" -eq 0 ] && [ "$output" = "" ] && [ "$stderr" = "" ]
}
@test "empty input: no output, no message, exit 0" { each_filter empty_input; }

invalid_utf8() {
	# the page with two bytes broken, against the page with U+FFFD written in their place
	sed '13s/^/\xff/; 15s/$/ \xc3/' "$PAGE" > "$TMP/bad"
	sed '13s/^/\xef\xbf\xbd/; 15s/$/ \xef\xbf\xbd/' "$PAGE" > "$TMP/fixed"
	"$BIN/$f" < "$TMP/fixed" > "$TMP/want"
	run --separate-stderr "$BIN/$f" < "$TMP/bad"
	[ "$status" -eq 1 ] &&
	[ "$stderr" = "$f: -:13: invalid UTF-8 replaced by U+FFFD (2 sequences in the input)" ] &&
	[ "$output" = "$(cat "$TMP/want")" ] && [ -s "$TMP/want" ] &&
	iconv -f UTF-8 -t UTF-8 "$TMP/want" > /dev/null
}
@test "invalid UTF-8: U+FFFD in its place, one message naming the line, exit 1" { each_filter invalid_utf8; }

crlf_and_bom() {
	"$BIN/$f" < "$PAGE" > "$TMP/want"
	{ printf '\xef\xbb\xbf'; sed 's/$/\r/' "$PAGE"; } > "$TMP/crlf"
	run --separate-stderr "$BIN/$f" < "$TMP/crlf"
	[ "$status" -eq 0 ] && [ "$stderr" = "" ] && [ "$output" = "$(cat "$TMP/want")" ] && [ -s "$TMP/want" ]
}
@test "CRLF line ends and a leading byte-order mark change nothing" { each_filter crlf_and_bom; }

nul_bytes() {
	{ head -n 20 "$PAGE"; printf 'Ada\0NUL di sini. Kalimat\0kedua.\n\0\n'; tail -n +21 "$PAGE"; } > "$TMP/nul"
	run --separate-stderr "$BIN/$f" "$TMP/nul"
	[ "$status" -eq 0 ] && [ "$stderr" = "" ]
}
@test "NUL bytes: no crash, no message, exit 0" { each_filter nul_bytes; }

full_disk() {
	run --separate-stderr bash -c "'$BIN/$f' '$PAGE' > /dev/full"
	[ "$status" -eq 1 ] && [ "$stderr" = "$f: write error: No space left on device" ]
}
@test "a write error (/dev/full): one message, exit 1" { each_filter full_disk; }

closed_pipe() {
	run --separate-stderr bash -c "'$BIN/$f' $(printf "$PAGE %.0s" $(seq 300)) | head -n 1; exit \${PIPESTATUS[0]}"
	[ "$stderr" = "" ] && [ "${#lines[@]}" -eq 1 ] && [ "$status" -ne 2 ]
}
@test "a closed pipe (| head -n1) ends the filter silently" { each_filter closed_pipe; }

field_counts() {
	"$BIN/$f" "$PAGE" | awk -F'\t' -v want="$1" 'NF != want { bad = 1 } END { exit bad || NR == 0 }'
}
@test "records have the contract's fields" {
	f=strip-boilerplate field_counts 3
	"$BIN/strip-boilerplate" "$PAGE" > "$TMP/paragraphs"
	PAGE=$TMP/paragraphs f=split-sentences field_counts 4
	"$BIN/split-sentences" "$TMP/paragraphs" > "$TMP/sentences"
	PAGE=$TMP/sentences f=tag-entities field_counts 8
	PAGE=$TMP/sentences f=count-values field_counts 5
}

@test "the pipeline runs end to end on the corpus" {
	run --separate-stderr bash -c "'$BIN/strip-boilerplate' corpus/*.txt | '$BIN/split-sentences' | '$BIN/tag-entities' | '$BIN/count-values' -f 6,8 | head -n 3"
	[ "$status" -eq 0 ]
	[ "$stderr" = "" ]
	[ "${#lines[@]}" -eq 3 ]
}
