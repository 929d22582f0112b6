#!/usr/bin/env bats
# Properties on generated inputs (tests/properties.py, fixed seeds).

load common

@test "tag-entities: START and END cut TEXT out of the sentence, on character boundaries (3000 sentences)" {
	for seed in 1 2 3; do
		python3 tests/properties.py sentences "$seed" 1000 > "$TMP/sentences"
		"$BIN/tag-entities" "$TMP/sentences" > "$TMP/mentions"
		[ -s "$TMP/mentions" ]
		python3 - "$TMP/sentences" "$TMP/mentions" <<'PY'
import sys
def unescape(s):
    return s.replace("\\\\", "\0").replace("\\t", "\t").replace("\\n", "\n").replace("\\r", "\r").replace("\0", "\\")
text = open(sys.argv[1], "rb").read().split(b"\n")
last = {}
for rec in open(sys.argv[2], "rb").read().decode().split("\n")[:-1]:
    doc, line, sent, start, end, typ, mention, value = rec.split("\t")
    s, start, end = text[int(line) - 1], int(start), int(end)
    assert 0 <= start < end <= len(s), rec
    s[start:end].decode()        # raises unless both ends are character boundaries
    assert s[start:end].decode() == unescape(mention), rec
    assert start >= last.get(line, 0), rec      # in text order, no overlap
    last[line] = end
    assert value != "" and typ.isupper(), rec
PY
	done
}

@test "strip-boilerplate: --explain accounts for every non-blank line once; kept lines are its body lines (200 pages)" {
	python3 tests/properties.py pages 7 200 | awk -v dir="$TMP" '
		BEGIN { n = 0; f = sprintf("%s/p%03d", dir, n) }
		/^@@@$/ { close(f); n++; f = sprintf("%s/p%03d", dir, n); next }
		{ print > f }'
	for f in "$TMP"/p*; do [ -s "$f" ] || printf '\n' > "$f"; done
	"$BIN/strip-boilerplate" --explain "$TMP"/p* > "$TMP/explain"
	"$BIN/strip-boilerplate" "$TMP"/p* > "$TMP/kept"
	# every non-blank line, in order, once
	for f in "$TMP"/p*; do awk -v f="$f" 'NF { print f "\t" FNR }' "$f"; done > "$TMP/want"
	cut -f 1,2 "$TMP/explain" | cmp - "$TMP/want"
	# the kept records are exactly the body lines of --explain
	awk -F'\t' -v OFS='\t' '$3 == "body" { print $1, $2, $5 }' "$TMP/explain" | cmp - "$TMP/kept"
	# the text of --explain is the line as read
	awk -F'\t' '{ print $5 }' "$TMP/explain" > "$TMP/texts"
	for f in "$TMP"/p*; do awk 'NF' "$f"; done | cmp - "$TMP/texts"
}
