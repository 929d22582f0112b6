#!/usr/bin/env bats
# The shared library (lib/), driven through tests/libcheck.c.

load common

@test "lines: LF and CRLF ends, the last line without LF still counts" {
	printf 'one\r\ntwo\n\nthree' > "$TMP/in"
	libcheck_says "$TMP/in:1:3:one
$TMP/in:2:3:two
$TMP/in:3:0:
$TMP/in:4:5:three" lines "$TMP/in"
}

@test "lines: a leading byte-order mark is skipped, a later one is kept" {
	printf '\xef\xbb\xbfa\n\xef\xbb\xbfb\n' | {
		run --separate-stderr "$BIN/libcheck" lines
		[ "$status" -eq 0 ]
		[ "$stderr" = "" ]
		check_output $'-:1:1:a\n-:2:4:\xef\xbb\xbfb'
	}
}

@test "lines: NUL bytes survive and count in the length" {
	printf 'a\0b\n' > "$TMP/in"
	"$BIN/libcheck" lines < "$TMP/in" > "$TMP/out"
	printf -- '-:1:3:a\0b\n' | cmp - "$TMP/out"
}

@test "lines: a lone CR inside a line is data, escaped on output" {
	printf 'a\rb\n' | {
		run --separate-stderr "$BIN/libcheck" lines
		[ "$status" -eq 0 ]
		check_output '-:1:3:a\rb'
	}
}

@test "lines: empty input gives nothing" {
	run --separate-stderr "$BIN/libcheck" lines /dev/null
	[ "$status" -eq 0 ]
	[ "$output" = "" ]
	[ "$stderr" = "" ]
}

@test "lines: a 100 MB line is read whole" {
	head -c 100000000 /dev/zero | tr '\0' 'x' > "$TMP/big"
	printf '\nshort\n' >> "$TMP/big"
	run --separate-stderr bash -c "'$BIN/libcheck' lines '$TMP/big' | sed 's|^.*/big:||' | cut -c1-22"
	[ "$status" -eq 0 ]
	check_output "1:100000000:xxxxxxxxxx
2:5:short"
}

@test "utf8: every sequence of up to four bytes near the edges is judged as Python's strict decoder judges it" {
	# Lead bytes 80-FF, each with every second byte (but LF and CR, which
	# end a line), and with second, third and fourth bytes at the edges of
	# the ranges that table 3-7 of Unicode allows; each sequence alone (cut
	# short by the line's end too) and inside ASCII runs that take the
	# 16-byte path.
	python3 - "$TMP" <<'EOF'
import sys
tmp = sys.argv[1]
edges = [0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xFF]
seqs = []
for b0 in range(0x80, 0x100):
    for b1 in range(0x100):
        if b1 in (0x0A, 0x0D):
            continue
        seqs.append(bytes([b0, b1]))
    for b1 in edges:
        for b2 in edges:
            seqs.append(bytes([b0, b1, b2]))
            if b0 >= 0xF0:
                for b3 in edges:
                    seqs.append(bytes([b0, b1, b2, b3]))
with open(tmp + "/in", "wb") as f, open(tmp + "/want", "w") as w:
    for s in seqs:
        for line in (s, b"abcdefghijklmnopq" + s + b"rstuvwxyz0123456789"):
            f.write(line + b"\n")
            try:
                line.decode("utf-8")
                w.write("valid\n")
            except UnicodeDecodeError:
                w.write("invalid\n")
EOF
	run --separate-stderr "$BIN/libcheck" utf8 "$TMP/in"
	[ "$status" -eq 1 ]
	[[ "$stderr" =~ ^"libcheck: $TMP/in:1: invalid UTF-8 replaced by U+FFFD ("[0-9]+" sequences in the input)"$ ]]
	[ "$(grep -c '^valid' "$TMP/want")" -gt 5000 ]
	check_output "$(cat "$TMP/want")"
}

@test "lines: invalid UTF-8 becomes U+FFFD, reported once per file with the first line" {
	printf 'ok\nbad \xff\xfe end\nalso \xc3\n' > "$TMP/in"
	run --separate-stderr "$BIN/libcheck" lines "$TMP/in"
	[ "$status" -eq 1 ]
	check_output "$TMP/in:1:2:ok
$TMP/in:2:14:bad $(printf '\xef\xbf\xbd\xef\xbf\xbd') end
$TMP/in:3:8:also $(printf '\xef\xbf\xbd')"
	[ "$stderr" = "libcheck: $TMP/in:2: invalid UTF-8 replaced by U+FFFD (3 sequences in the input)" ]
}

@test "lines: overlong and surrogate encodings are invalid too" {
	printf '\xc0\xaf|\xed\xa0\x80|\xf4\x90\x80\x80\n' | {
		run --separate-stderr "$BIN/libcheck" lines
		[ "$status" -eq 1 ]
		[ "$stderr" = "libcheck: -:1: invalid UTF-8 replaced by U+FFFD (3 sequences in the input)" ]
		check_output "-:1:11:$(printf '\xef\xbf\xbd|\xef\xbf\xbd|\xef\xbf\xbd')"
	}
}

@test "inputs: a missing file is reported and the others are still read" {
	printf 'a\n' > "$TMP/one"
	run --separate-stderr "$BIN/libcheck" lines "$TMP/one" "$TMP/nope" "$TMP/one"
	[ "$status" -eq 1 ]
	check_output "$TMP/one:1:1:a
$TMP/one:1:1:a"
	[ "$stderr" = "libcheck: $TMP/nope: No such file or directory" ]
}

@test "inputs: a directory is a read error, reported, and the rest goes on" {
	printf 'a\n' > "$TMP/one"
	run --separate-stderr "$BIN/libcheck" lines "$TMP" "$TMP/one"
	[ "$status" -eq 1 ]
	check_output "$TMP/one:1:1:a"
	[ "$stderr" = "libcheck: $TMP: Is a directory" ]
}

@test "escape: exactly backslash, TAB, LF and CR are escaped" {
	run --separate-stderr bash -c "printf 'a\\\\b\\tc\\nd\\re\\001' | '$BIN/libcheck' escape"
	[ "$status" -eq 0 ]
	check_output 'a\\b\tc\nd\re'$'\001'
}

@test "escape then unescape gives back every ASCII byte, NUL included" {
	for i in $(seq 0 127); do printf "\\$(printf %03o "$i")"; done > "$TMP/all"
	[ "$(wc -c < "$TMP/all")" -eq 128 ]
	"$BIN/libcheck" escape < "$TMP/all" | "$BIN/libcheck" unescape | cmp - "$TMP/all"
}

@test "escape then unescape round-trips random UTF-8 text" {
	python3 -c '
import random
random.seed(7)
alphabet = "ab \t\n\r\\\\xé€𝄞\0"
print("".join(random.choice(alphabet) for _ in range(5000)), end="")' > "$TMP/text"
	"$BIN/libcheck" escape < "$TMP/text" > "$TMP/escaped"
	[ "$(wc -l < "$TMP/escaped")" -eq 1 ]
	"$BIN/libcheck" unescape "$TMP/escaped" | cmp - "$TMP/text"
}

@test "escape: the four characters found at every place of long runs, \\v and \\f kept as they are" {
	# Runs of 0 to 40 plain bytes (the escaper looks at 16 at a time) between the
	# four characters and their neighbours \v and \f, checked against Python's escaping.
	python3 -c '
import random
r = random.Random(11)
text = "".join("x" * r.randint(0, 40) + r.choice("\\\t\n\r\v\f\x08\x0e\u00e9") for _ in range(4000))
open("'"$TMP"'/text", "w").write(text)
esc = {"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"}
open("'"$TMP"'/want", "w").write("".join(esc.get(c, c) for c in text) + "\n")'
	"$BIN/libcheck" escape < "$TMP/text" | cmp - "$TMP/want"
}

@test "unescape keeps an unknown escape and a final backslash as written" {
	printf 'a\\qb\\\n' | {
		run --separate-stderr "$BIN/libcheck" unescape
		[ "$status" -eq 0 ]
		check_output 'a\qb\'
	}
}

@test "fields: cut-style lists" {
	line=$'a\tb\tc\td\te'
	for case in '1:a' '2,4:b	d' '2,4-:b	d	e' '-2:a	b' '3-:c	d	e' '4,2:b	d' '1-2,2-3:a	b	c'; do
		list=${case%%:*} want=${case#*:}
		got=$(printf '%s\n' "$line" | "$BIN/libcheck" fields -- "$list")
		[ "$got" = "$want" ] || { echo "list $list: got '$got' want '$want'" >&2; return 1; }
	done
}

@test "fields: bad lists are usage errors naming the reason" {
	for case in '0:fields are numbered from 1' '3-1:decreasing range' 'a:expected a field number' \
	    ':empty field list' '-:a range needs at least one end' '1;2:expected '"','"' or '"'-'"'' \
	    '99999999999:field number too large'; do
		list=${case%%:*} why=${case#*:}
		run --separate-stderr "$BIN/libcheck" fields -- "$list" /dev/null
		[ "$status" -eq 2 ]
		[ "$output" = "" ]
		[ "${stderr%%$'\n'*}" = "libcheck: bad field list '$list': $why" ] || { echo "$stderr" >&2; return 1; }
	done
}

@test "fields: a record with too few fields is reported with file and line, and skipped" {
	printf 'a\tb\tc\nshort\nx\ty\tz\n' > "$TMP/in"
	run --separate-stderr "$BIN/libcheck" fields 3 "$TMP/in"
	[ "$status" -eq 1 ]
	check_output $'c\nz'
	[ "$stderr" = "libcheck: $TMP/in:2: want 3 fields, found 1" ]
}

@test "intern: equal keys get one id, ids are dense, many keys fit" {
	run --separate-stderr bash -c "printf 'b\na\nb\n\n' | '$BIN/libcheck' intern"
	check_output $'0\n1\n0\n2\n3 distinct'
	seq 1 300000 > "$TMP/keys"
	cat "$TMP/keys" "$TMP/keys" | "$BIN/libcheck" intern > "$TMP/ids"
	[ "$(tail -n 1 "$TMP/ids")" = "300000 distinct" ]
	[ "$(sed -n '300001p' "$TMP/ids")" = "0" ]
	[ "$(sed -n '600000p' "$TMP/ids")" = "299999" ]
}

@test "keymap: equal keys get one id, ids are dense, a clear forgets every key, many keys fit" {
	run --separate-stderr bash -c "printf 'b\na\nb\n\na\nc\n' | '$BIN/libcheck' keymap"
	check_output $'0 new\n1 new\n0\nclear\n0 new\n1 new\n2 keys'
	seq 1 300000 > "$TMP/keys"
	{ cat "$TMP/keys" "$TMP/keys"; echo; cat "$TMP/keys"; } | "$BIN/libcheck" keymap > "$TMP/ids"
	[ "$(tail -n 1 "$TMP/ids")" = "300000 keys" ]
	[ "$(sed -n '299999p' "$TMP/ids")" = "299998 new" ]
	[ "$(sed -n '300001p' "$TMP/ids")" = "0" ]
	[ "$(sed -n '600000p' "$TMP/ids")" = "299999" ]
	[ "$(sed -n '600001p' "$TMP/ids")" = "clear" ]
	[ "$(sed -n '900001p' "$TMP/ids")" = "299999 new" ]
	[ "$(grep -c new "$TMP/ids")" = 600000 ]
}

@test "numbers from options are checked with bounds" {
	run --separate-stderr "$BIN/libcheck" number 3
	[ "$status" -eq 0 ]
	check_output 8
	for case in '6:too large: 6 (at most 5)' '-6:too small: -6 (at least -5)' '2x:not a number: 2x' \
	    ':not a number: ' '99999999999999999999:too large: 99999999999999999999 (at most 5)'; do
		run --separate-stderr "$BIN/libcheck" number -- "${case%%:*}"
		[ "$status" -eq 2 ]
		[ "$output" = "" ]
		[ "${stderr%%$'\n'*}" = "libcheck: number: ${case#*:}" ] || { echo "$stderr" >&2; return 1; }
	done
}

@test "built-in data files are found by name" {
	run --separate-stderr bash -c "'$BIN/libcheck' data stop-id.txt | head -n 2"
	check_output $'yang\ndan'
	run --separate-stderr "$BIN/libcheck" data no-such-file
	[ "$status" -eq 1 ]
	[ "$stderr" = "libcheck: no-such-file: no such data file" ]
}

@test "each program carries only the data files its modules read" {
	# The model's magic and a village of the trainer's lists (lib/data/).
	village='Kampuang Tanjuang Koto Mambang Sungai Durian'
	for prog in strip-boilerplate split-sentences count-values; do
		! grep -q -a -F KBRNER "$BIN/$prog" || { echo "$prog has the model" >&2; return 1; }
	done
	for prog in strip-boilerplate split-sentences count-values tag-entities; do
		! grep -q -a -F "$village" "$BIN/$prog" || { echo "$prog has the villages" >&2; return 1; }
	done
	grep -q -a -F KBRNER "$BIN/tag-entities"
	grep -q -a -F "$village" "$BIN/train-ner"
}

@test "output to a pipe: the pipe is widened to 1 MB (a stage writing in bursts keeps the next fed), the same bytes as to a file" {
	[ "$(cat /proc/sys/fs/pipe-max-size)" -ge 1048576 ] || skip "pipes are limited below 1 MB here"
	seq 1 300000 > "$TMP/in"
	"$BIN/libcheck" lines "$TMP/in" > "$TMP/file"
	run --separate-stderr python3 -c '
import fcntl, subprocess, sys
p = subprocess.Popen(sys.argv[1:], stdout=subprocess.PIPE)
data = p.stdout.read()
size = fcntl.fcntl(p.stdout.fileno(), fcntl.F_GETPIPE_SZ)
open(sys.argv[-1] + ".piped", "wb").write(data)
print(p.wait(), size)' "$BIN/libcheck" lines "$TMP/in"
	[ "$status" -eq 0 ]
	[ "$output" = "0 1048576" ]
	cmp "$TMP/file" "$TMP/in.piped"
}

@test "output: a write error is reported and ends the program with status 1" {
	seq 1 100000 > "$TMP/in"
	run --separate-stderr bash -c "'$BIN/libcheck' lines '$TMP/in' > /dev/full"
	[ "$status" -eq 1 ]
	[ "$stderr" = "libcheck: write error: No space left on device" ]
}

@test "output: a closed pipe ends the program silently" {
	seq 1 1000000 > "$TMP/in"
	run --separate-stderr bash -c "'$BIN/libcheck' lines '$TMP/in' | head -n 1; exit \${PIPESTATUS[0]}"
	[ "$status" -ne 0 ]
	[ "$output" = "$TMP/in:1:1:1" ]
	[ "$stderr" = "" ]
}

@test "output: a record longer than the buffer is written whole" {
	head -c 300000 /dev/zero | tr '\0' 'y' > "$TMP/long"
	printf '\nz\n' >> "$TMP/long"
	"$BIN/libcheck" lines "$TMP/long" > "$TMP/out"
	[ "$(wc -l < "$TMP/out")" -eq 2 ]
	[ "$(head -n 1 "$TMP/out" | wc -c)" -eq $((300000 + ${#TMP} + 16)) ]
}

@test "output: terminated while waiting for input, every record made so far is written whole" {
	mkfifo "$TMP/fifo"
	{ seq 1 100000; sleep 5; } > "$TMP/fifo" &
	"$BIN/libcheck" lines "$TMP/fifo" > "$TMP/out" &
	pid=$!
	sleep 1
	kill -TERM "$pid"
	status=0
	wait "$pid" || status=$?
	[ "$status" -eq 143 ]
	[ "$(wc -l < "$TMP/out")" -eq 100000 ]
	[ "$(tail -n 1 "$TMP/out")" = "$TMP/fifo:100000:6:100000" ]
	kill %1 2>/dev/null || true
}

@test "bytes: bytes_copy and bytes_equal agree with memcpy and memcmp at every length to 40, nothing written beyond" {
	libcheck_says "0 wrong" bytes
}

@test "memo: strip-boilerplate's signals of a line met before are those of its analysis, across the memo's restarts" {
	# corpus/ 250 times: its lines, each made new by a number, and their first 20 bytes;
	# more distinct short lines (42,548, 5.2 MB) than a memo keeps, lines over 512 bytes too
	cat corpus/*.txt > "$TMP/corpus"
	awk 'BEGIN { for (r = 1; r <= 250; r++) { while ((getline l < ARGV[1]) > 0) {
		print l; print r " " l; if (length(l) > 0) print substr(l, 1, 20) } close(ARGV[1]) } }' "$TMP/corpus" > "$TMP/in"
	libcheck_says "235000 lines, 0 differ" memo "$TMP/in"
}

@test "english: the hash tables of the English word lists answer as a binary search of their lines, on each line and near misses" {
	libcheck_says "en-common.txt: more than 1,000 lines, 0 wrong
ner-given.txt: more than 1,000 lines, 0 wrong
ner-cities.txt: more than 1,000 lines, 0 wrong" english
}

@test "lexicons: the built-in lexicons answer the same with and without their first words' cues, at each token of each phrase and near misses" {
	libcheck_says "builtin: 40 phrases or more, 0 wrong
known: 40 phrases or more, 0 wrong
terms: 40 phrases or more, 0 wrong" lexicons
}

@test "patterns: the date and amount pattern for a token that starts with a digit matches as the whole pattern, at each digit of random amounts" {
	libcheck_says "more than 500,000 tries, most of them matches, 0 differ" patterns
}

@test "prepared: each table of the prepared images answers as the table built from the lists, on every key and near misses" {
	libcheck_says "en-common.txt: 10 keys or more, 0 wrong
ner-given.txt: 10 keys or more, 0 wrong
ner-cities.txt: 10 keys or more, 0 wrong
types: 10 keys or more, 0 wrong
cues: 10 keys or more, 0 wrong
builtin phrases: 10 keys or more, 0 wrong
builtin first words: 10 keys or more, 0 wrong
known phrases: 10 keys or more, 0 wrong
known first words: 10 keys or more, 0 wrong
terms phrases: 10 keys or more, 0 wrong
terms first words: 10 keys or more, 0 wrong
places: 10 keys or more, 0 wrong
countries: 10 keys or more, 0 wrong
country starts: 10 keys or more, 0 wrong" prepared
}

@test "prepared: a truncated image is refused with a message, not read past its end" {
	run --separate-stderr "$BIN/libcheck" prepared truncated
	[ "$status" -eq 1 ]
	[ "$output" = "" ]
	[ "$stderr" = "libcheck: built-in entity-tables.bin: malformed" ]
}

# Page metadata (lib/pagemeta): tables of inputs and outputs in tests/cases/pagemeta.
PAGEMETA=tests/cases/pagemeta

@test "pagemeta: metadata dates normalised to ISO 8601, impossible ones rejected" {
	libcheck_says "$(cat "$PAGEMETA/dates.out")" date "$PAGEMETA/dates.in"
}

@test "pagemeta: the date in a URL's path, not in its query" {
	libcheck_says "$(cat "$PAGEMETA/url-dates.out")" url-date "$PAGEMETA/url-dates.in"
}

@test "pagemeta: url, title, date and lang chosen from the parser's events" {
	for events in "$PAGEMETA"/*.events; do
		run --separate-stderr "$BIN/libcheck" pagemeta "$events"
		[ "$status" -eq 0 ] || { echo "$events: status $status" >&2; return 1; }
		[ "$stderr" = "" ]
		check_output "$(cat "${events%.events}.out")" || { echo "in $events" >&2; return 1; }
	done
}

@test "pagemeta: a 1 MB title is cut at 1,000 bytes without splitting a character" {
	{
		printf 'begin\thttps://example.id/a\nstart\ttitle\ntext\tx'
		head -c 1000000 /dev/zero | sed 's/\x0/\xc3\xa9/g'
		printf '\nend\ttitle\nfinish\n'
	} > "$TMP/events"
	libcheck_says "https://example.id/a	url	https://example.id/a
https://example.id/a	title	x$(head -c 499 /dev/zero | sed 's/\x0/\xc3\xa9/g')" pagemeta "$TMP/events"
}

@test "pagemeta: an event it does not know is reported with its line" {
	printf 'begin\ta\nstart\nfinish\n' > "$TMP/events"
	run --separate-stderr "$BIN/libcheck" pagemeta "$TMP/events"
	[ "$status" -eq 1 ]
	[ "$output" = "" ]
	[ "$stderr" = "libcheck: $TMP/events:2: not an event" ]
}
