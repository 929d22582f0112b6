#!/usr/bin/env bats
# The name tagger (lib/ner.c) and its trainer (tools/train-ner).
load common

CASES=tests/cases/ner

@test "training is deterministic: the same data gives the same bytes" {
	run --separate-stderr "$BIN/train-ner" -e 3 -k 2 -o "$TMP/a.model" "$CASES/tiny.conll"
	[ "$status" -eq 0 ]
	[ "$output" = "" ]
	run --separate-stderr "$BIN/train-ner" -e 3 -k 2 -o "$TMP/b.model" "$CASES/tiny.conll"
	[ "$status" -eq 0 ]
	cmp "$TMP/a.model" "$TMP/b.model"
	[ "$(head -c 8 "$TMP/a.model")" = "KBRNER1" ]
}

@test "a trained model loads and tags its own training data" {
	"$BIN/train-ner" -e 10 -k 2 -p 0 -o "$TMP/a.model" "$CASES/tiny.conll" 2>/dev/null
	run --separate-stderr "$BIN/train-ner" --tag -m "$TMP/a.model" "$CASES/tiny.conll"
	[ "$status" -eq 0 ]
	[ "$stderr" = "" ]
	[ "$(printf '%s\n' "$output" | awk -F'\t' 'NF == 3 && $2 != $3' | wc -l)" -eq 0 ]
	[ "$(printf '%s\n' "$output" | grep -c .)" -eq 30 ]
}

@test "the built-in model tags known sentences as expected" {
	run --separate-stderr "$BIN/train-ner" --tag "$CASES/known.conll"
	[ "$status" -eq 0 ]
	[ "$stderr" = "" ]
	check_output "$(awk -F'\t' 'NF == 2 { print $1 "\t" $2 "\t" $2; next } { print }' "$CASES/known.conll")"
}

@test "--eval prints precision, recall and F1 per type" {
	run --separate-stderr "$BIN/train-ner" --eval "$CASES/known.conll"
	[ "$status" -eq 0 ]
	[ "$stderr" = "" ]
	check_output "$(printf '%s\n' 'type	gold	found	right	precision	recall	F1' \
		'PER	2	2	2	1.0000	1.0000	1.0000' 'ORG	1	1	1	1.0000	1.0000	1.0000' \
		'LOC	4	4	4	1.0000	1.0000	1.0000' 'micro	7	7	7	1.0000	1.0000	1.0000')"
}

@test "a file that is not a model is rejected with a clear message" {
	printf 'hello\n' > "$TMP/bad.model"
	run --separate-stderr "$BIN/train-ner" --eval -m "$TMP/bad.model" "$CASES/known.conll"
	[ "$status" -eq 1 ]
	[ "$output" = "" ]
	[ "$stderr" = "train-ner: name tagger model: not a model file (rebuild it with make model)" ]
}

@test "a truncated model is rejected with a clear message" {
	"$BIN/train-ner" -e 2 -k 2 -o "$TMP/a.model" "$CASES/tiny.conll" 2>/dev/null
	head -c 1000 "$TMP/a.model" > "$TMP/bad.model"
	run --separate-stderr "$BIN/train-ner" --eval -m "$TMP/bad.model" "$CASES/known.conll"
	[ "$status" -eq 1 ]
	[ "$output" = "" ]
	[ "$stderr" = "train-ner: name tagger model: wrong size (rebuild it with make model)" ]
}

@test "a model of another feature version is rejected" {
	"$BIN/train-ner" -e 2 -k 2 -o "$TMP/a.model" "$CASES/tiny.conll" 2>/dev/null
	{ head -c 8 "$TMP/a.model"; printf '\377\377\0\0'; tail -c +13 "$TMP/a.model"; } > "$TMP/bad.model"
	run --separate-stderr "$BIN/train-ner" --eval -m "$TMP/bad.model" "$CASES/known.conll"
	[ "$status" -eq 1 ]
	[ "$stderr" = "train-ner: name tagger model: made for other features (rebuild it with make model)" ]
}

@test "features out of order are rejected" {
	"$BIN/train-ner" -e 2 -k 2 -o "$TMP/a.model" "$CASES/tiny.conll" 2>/dev/null
	# Swap the first two feature keys (the header is 388 bytes: 24, then 14 x 13 transition weights).
	{ head -c 388 "$TMP/a.model"; tail -c +397 "$TMP/a.model" | head -c 8
	  tail -c +389 "$TMP/a.model" | head -c 8; tail -c +405 "$TMP/a.model"; } > "$TMP/bad.model"
	[ "$(wc -c < "$TMP/bad.model")" -eq "$(wc -c < "$TMP/a.model")" ]
	run --separate-stderr "$BIN/train-ner" --eval -m "$TMP/bad.model" "$CASES/known.conll"
	[ "$status" -eq 1 ]
	[ "$stderr" = "train-ner: name tagger model: features out of order (rebuild it with make model)" ]
}

@test "malformed training data is reported with its line" {
	printf 'Joko\tB-PER\nWidodo\tI-XYZ\n' > "$TMP/bad.conll"
	run --separate-stderr "$BIN/train-ner" -o "$TMP/a.model" "$TMP/bad.conll"
	[ "$status" -eq 1 ]
	[ "$stderr" = "train-ner: $TMP/bad.conll:2: unknown label 'I-XYZ'" ]
	printf 'Joko\tO\nWidodo\tI-PER\n' > "$TMP/bad.conll"
	run --separate-stderr "$BIN/train-ner" -o "$TMP/a.model" "$TMP/bad.conll"
	[ "$status" -eq 1 ]
	[ "$stderr" = "train-ner: $TMP/bad.conll:2: I-PER does not follow B or I of its type" ]
	printf 'Joko Widodo\n' > "$TMP/bad.conll"
	run --separate-stderr "$BIN/train-ner" -o "$TMP/a.model" "$TMP/bad.conll"
	[ "$status" -eq 1 ]
	[ "$stderr" = "train-ner: $TMP/bad.conll:1: want TOKEN<TAB>LABEL" ]
}

@test "empty input has no sentences" {
	run --separate-stderr "$BIN/train-ner" --eval /dev/null
	[ "$status" -eq 1 ]
	[ "$output" = "" ]
	[ "$stderr" = "train-ner: no sentences in the input" ]
}

@test "CRLF input tags as LF input" {
	sed 's/$/\r/' "$CASES/known.conll" > "$TMP/crlf.conll"
	run --separate-stderr "$BIN/train-ner" --tag "$TMP/crlf.conll"
	[ "$status" -eq 0 ]
	check_output "$("$BIN/train-ner" --tag "$CASES/known.conll")"
}

@test "NUL bytes in a token are tagged as a word" {
	printf 'Joko\0Widodo\tB-PER\ndatang\tO\n' > "$TMP/nul.conll"
	run --separate-stderr "$BIN/train-ner" --tag "$TMP/nul.conll"
	[ "$status" -eq 0 ]
	[ "${#lines[@]}" -eq 2 ]
	[ "$(printf '%s\n' "$output" | tail -n 1 | cut -f 2)" = "O" ]
}

@test "a sentence longer than one chunk is tagged in pieces" {
	awk 'BEGIN { for (i = 0; i < 3000; i++) print "Presiden\tO\nJoko\tB-PER\nWidodo\tI-PER\ndatang\tO" }' > "$TMP/long.conll"
	run --separate-stderr "$BIN/train-ner" --tag "$TMP/long.conll"
	[ "$status" -eq 0 ]
	[ "${#lines[@]}" -eq 12000 ]
	[ "$(printf '%s\n' "$output" | cut -f 3 | sort | uniq -c | awk '{ print $2 "=" $1 }' | tr '\n' ' ')" = "B-PER=3000 I-PER=3000 O=6000 " ]
}

@test "a 100 MB token is one word" {
	{ head -c 100000000 /dev/zero | tr '\0' 'a'; printf '\tO\n'; } > "$TMP/big.conll"
	"$BIN/train-ner" --tag "$TMP/big.conll" > "$TMP/out"
	[ "$(wc -c < "$TMP/out")" -eq 100000006 ]
	[ "$(tail -c 6 "$TMP/out" | od -c | head -n 1)" = "0000000  \\t   O  \\t   O  \\n  \\n" ]
}

@test "usage errors exit 2" {
	run --separate-stderr "$BIN/train-ner" "$CASES/tiny.conll"
	[ "$status" -eq 2 ]
	[ "${stderr%%$'\n'*}" = "train-ner: want -o MODEL, --eval or --tag" ]
	run --separate-stderr "$BIN/train-ner" --eval -o x "$CASES/tiny.conll"
	[ "$status" -eq 2 ]
	run --separate-stderr "$BIN/train-ner" -e 0 -o x "$CASES/tiny.conll"
	[ "$status" -eq 2 ]
}

@test "--clusters puts words of like contexts together, deterministically" {
	printf 'the cat sat\nthe dog sat\nthe cat ran\nthe dog ran\nA cat ran once\n' > "$TMP/text"
	run --separate-stderr "$BIN/train-ner" --clusters 2 "$TMP/text"
	[ "$status" -eq 0 ]
	[ "$stderr" = "" ]
	check_output "$(printf 'the\t00\ncat\t10\nran\t01\ndog\t11\nsat\t01')"
	run --separate-stderr "$BIN/train-ner" --clusters 17 "$TMP/text"
	[ "$status" -eq 2 ]
	# A file that cannot be read: a message, status 1 and no clusters of the rest.
	run --separate-stderr "$BIN/train-ner" --clusters 2 "$TMP/text" "$TMP/absent"
	[ "$status" -eq 1 ]
	[ "$stderr" = "train-ner: $TMP/absent: No such file or directory" ]
	[ "$output" = "" ]
}

@test "the built-in word lists are well formed" {
	awk -F'\t' 'NF != 2 || $2 !~ /^[01]+$/ || length($2) != 10 { bad++ } END { exit bad > 0 }' lib/data/ner-clusters.tsv
	awk -F'\t' 'NF != 2 || $2 !~ /^[po]$/ { bad++ } END { exit bad > 0 }' lib/data/ner-propn.tsv
	awk -F'\t' '/^#/ { next } NF != 3 || $2 !~ /^[0-9]+$/ || $3 !~ /^[0-9]+$/ || $2 > 15 || $3 > 15 { bad++ } END { exit bad > 0 }' lib/data/ner-freq.tsv
	[ "$(cut -f 1 lib/data/ner-clusters.tsv | sort | uniq -d | wc -l)" -eq 0 ]
}

# Input for the tagger's cache of words (lib/ner.c): real sentences; a long
# run of capitalised list words (tokens with more features than NERF_MAX);
# a word repeated, first and after; words too long to keep, and in UTF-8; a
# sentence longer than NERF_CHUNK; one of 20,000 distinct words, more than
# the cache holds, so that words of one window fall on one entry; six words
# of one set of four entries (by hash_bytes, WORDS and WAYS of lib/ner.c
# today), in one window, then again; lower-case names that the model tags
# among quiet words ("desa karangasem": the place and cue classes make a
# word not quiet), and a quiet line longer than NERF_CHUNK whose last chunk
# starts 1 after a capitalised word: the scores of the last chunk of each
# line are compared too, those of skipped tokens (NERF_QUIET_R) to an
# O-only row, and a skipped token's neighbours' bytes checked.
cache_input() {
	cut -f4 corpus/nergrit/nergrit-valid.tsv
	echo "Presiden Joko Widodo Bank Indonesia Kota Jakarta Selatan Provinsi Jawa Barat Kabupaten Bandung Universitas Indonesia Kementerian Keuangan Republik Indonesia mengatakan"
	echo "Jakarta Jakarta di Jakarta , Jakarta . Jakarta"
	echo "Pemberantasankorupsikolusinepotisme dan Perusahaanperseroanterbatasnasional di Sulawesi Selatan , Müller dan Çelik di Zürich"
	awk 'BEGIN { for (i = 0; i < 5000; i++) printf "%s ", (i % 7 == 0 ? "Bandung" : i % 3 ? "di" : "Kota"); print "." }'
	awk 'BEGIN { for (i = 0; i < 20000; i++) printf "Kata%d ", i; print "" }'
	echo "Kata170 Kata2963 Kata4431 Kata7526 Kata9734 Kata10791 Kata170 dan Kata2963 di Kata10791 , Kata4431 Kata7526 Kata9734"
	echo "sebagian penduduk desa karangasem bekerja di sawah , dan penduduk desa kertobanyon pergi ke kecamatan terawas ."
	awk 'BEGIN { for (i = 0; i < 4100; i++) printf "%s ", (i == 4095 ? "Jakarta" : "dan"); print "" }'
}

@test "the cache of words changes no label or score of the tagger" {
	cache_input > "$TMP/in"
	libcheck_says "217 lines, 36156 tokens, 0 tagged differently, 0 scored differently, 1084 skipped, 0 skipped wrongly" \
	    ner lib/data/ner.model "$TMP/in"
}

@test "a model's phrases appended in order fill the slots that probing would" {
	libcheck_says "0 tables differ" phrases 50000
	libcheck_says "0 tables differ" phrases 1
}

@test "nerf_lower lower-cases as a byte loop does, every byte value at every place" {
	libcheck_says "0 wrong" lower
}

@test "nerf_viterbi decodes as the plain algorithm does, ties too" {
	libcheck_says "200000 sequences, 0 decoded differently" viterbi 200000
}
