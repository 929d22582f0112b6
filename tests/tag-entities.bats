#!/usr/bin/env bats
# tag-entities: sentences in, one DOC LINE SENT START END TYPE TEXT VALUE record per mention out.
# Most tests run with --no-model so that they check the lists, patterns, cues and document
# memory of this program, whatever the statistical model (retrained elsewhere) says.
load common

CASES=tests/cases/tag-entities
TE() { "$BIN/tag-entities" "$@"; }

# tags_as OPTIONS... -- SENTENCE EXPECTED: the records of one plain sentence (DOC -, LINE 1, SENT 1).
tags_as() {
	local opts=()
	while [ "$1" != -- ]; do opts+=("$1"); shift; done
	run --separate-stderr TE --no-model "${opts[@]}" <<<"$2"
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	check_output "$3"
}

@test "exact output on every case (NAME.in, options in NAME.args, NAME.out)" {
	for input in "$CASES"/*.in; do
		name=${input%.in}
		args=--no-model
		[ -f "$name.args" ] && args=$(cat "$name.args")
		# shellcheck disable=SC2086
		run --separate-stderr TE $args "$input"
		[ "$status" -eq 0 ] || { echo "$input: status $status" >&2; return 1; }
		[ -z "$stderr" ]
		check_output "$(cat "$name.out")" || { echo "in $input" >&2; return 1; }
	done
}

@test "START and END cut each sentence exactly at the mention, on the corpus pages, with the model" {
	TE corpus/*.txt > "$TMP/out"
	[ "$(wc -l < "$TMP/out")" -gt 300 ]
	python3 - "$TMP/out" corpus/*.txt <<'EOF'
import sys
lines = {}
for f in sys.argv[2:]:
    with open(f, 'rb') as fh:
        lines[f] = fh.read().split(b'\n')
bad = 0
for rec in open(sys.argv[1], 'rb'):
    doc, line, sent, start, end, typ, text, value = rec.rstrip(b'\n').split(b'\t')
    s = lines[doc.decode()][int(line) - 1].rstrip(b'\r')
    if s[int(start):int(end)] != text or not value or not typ.isupper():
        print(rec, file=sys.stderr)
        bad += 1
sys.exit(bad > 0)
EOF
}

@test "acronym defined after its expansion: later mentions carry the full form" {
	printf 'Kepala Badan Strategi Kebijakan Dalam Negeri (BSKDN) hadir.\nKolaborasi BSKDN berjalan.\n' > "$TMP/in"
	run --separate-stderr TE --no-model --types ORG "$TMP/in"
	[ "$status" -eq 0 ]
	check_output "$TMP/in	1	1	7	44	ORG	Badan Strategi Kebijakan Dalam Negeri	Badan Strategi Kebijakan Dalam Negeri
$TMP/in	1	1	46	51	ORG	BSKDN	Badan Strategi Kebijakan Dalam Negeri
$TMP/in	2	1	11	16	ORG	BSKDN	Badan Strategi Kebijakan Dalam Negeri"
}

@test "acronym before its expansion, and one drawn from the words' starts (Kemendagri)" {
	printf 'd\t1\t1\tMenurut BSKDN (Badan Strategi Kebijakan Dalam Negeri) itu.\nd\t2\t1\tBSKDN hadir.\n' > "$TMP/in"
	run --separate-stderr TE --no-model "$TMP/in"
	check_output $'d\t1\t1\t8\t13\tORG\tBSKDN\tBadan Strategi Kebijakan Dalam Negeri\nd\t1\t1\t15\t52\tORG\tBadan Strategi Kebijakan Dalam Negeri\tBadan Strategi Kebijakan Dalam Negeri\nd\t2\t1\t0\t5\tORG\tBSKDN\tBadan Strategi Kebijakan Dalam Negeri'
	tags_as -- 'Rapat Dinas Kesehatan Kota (Dinkeskot) dan Dinkeskot lagi.' \
	    $'-\t1\t1\t6\t26\tORG\tDinas Kesehatan Kota\tDinas Kesehatan Kota\n-\t1\t1\t28\t37\tORG\tDinkeskot\tDinas Kesehatan Kota\n-\t1\t1\t43\t52\tORG\tDinkeskot\tDinas Kesehatan Kota'
}

@test "built-in short names: provinces and institutions met without a definition" {
	tags_as -- 'Pemprov Jabar, Kalteng, Sumut dan Kemendagri.' \
	    $'-\t1\t1\t0\t13\tORG\tPemprov Jabar\tPemerintah Provinsi Jawa Barat\n-\t1\t1\t15\t22\tLOC\tKalteng\tKalimantan Tengah\n-\t1\t1\t24\t29\tLOC\tSumut\tSumatera Utara\n-\t1\t1\t34\t44\tORG\tKemendagri\tKementerian Dalam Negeri'
}

@test "people: a later first or last name, with or without a title, is the fullest earlier name" {
	printf 'Menteri PANRB Abdullah Azwar Anas hadir.\nMenteri Anas mengatakan itu, kata Pak Abdullah.\n' > "$TMP/in"
	run --separate-stderr TE --no-model --types PER "$TMP/in"
	check_output "$TMP/in	1	1	14	33	PER	Abdullah Azwar Anas	Abdullah Azwar Anas
$TMP/in	2	1	8	12	PER	Anas	Abdullah Azwar Anas
$TMP/in	2	1	38	46	PER	Abdullah	Abdullah Azwar Anas"
}

@test "a date without a year, then with the year of an earlier full date of the same document" {
	tags_as -- 'Digelar Kamis (4/8).' $'-\t1\t1\t8\t19\tDATE\tKamis (4/8)\t--08-04'
	printf 'd\t1\t1\tSenin 08 Agustus 2022, 13:28 WIB\nd\t2\t1\tDigelar Kamis (4/8).\ne\t1\t1\tDigelar Kamis (4/8).\n' > "$TMP/in"
	run --separate-stderr TE --no-model "$TMP/in"
	check_output $'d\t1\t1\t0\t21\tDATE\tSenin 08 Agustus 2022\t2022-08-08\nd\t1\t1\t23\t32\tTIME\t13:28 WIB\t13:28+07:00\nd\t2\t1\t8\t19\tDATE\tKamis (4/8)\t2022-08-04\ne\t1\t1\t8\t19\tDATE\tKamis (4/8)\t--08-04'
}

@test "dates that do not exist are no dates; a document's year is not given to a 29/2 it lacks" {
	printf 'd\t1\t1\tPada 5 Maret 2023 ia datang.\nd\t2\t1\tSenin (29/2) dan Selasa (28/2) lalu.\nd\t3\t1\tBukan 29/2/2023 atau 2023-02-29, tetapi 29/2/2024.\n' > "$TMP/in"
	run --separate-stderr TE --no-model "$TMP/in"
	[ "$status" -eq 0 ]
	check_output $'d\t1\t1\t5\t17\tDATE\t5 Maret 2023\t2023-03-05\nd\t2\t1\t0\t12\tDATE\tSenin (29/2)\t--02-29\nd\t2\t1\t17\t30\tDATE\tSelasa (28/2)\t2023-02-28\nd\t3\t1\t40\t49\tDATE\t29/2/2024\t2024-02-29'
}

@test "no number of a fraction or of a date that does not exist is a quantity (31/2, Kamis (32/13), 1/2)" {
	tags_as -- 'Pada Kamis (32/13) dan 31/2 serta 1/2 porsi untuk 5 orang.' \
	    $'-\t1\t1\t50\t57\tQUANTITY\t5 orang\t5 orang'
}

@test "money with juta, percentages and quantities in Indonesian notation" {
	tags_as -- 'Harga di bawah Rp1,5 juta, naik 3,5 persen dari 30.505 unit.' \
	    $'-\t1\t1\t15\t25\tMONEY\tRp1,5 juta\t1500000 IDR\n-\t1\t1\t32\t42\tPERCENT\t3,5 persen\t3.5\n-\t1\t1\t48\t59\tQUANTITY\t30.505 unit\t30505 unit'
}

@test "M and T are miliar and triliun after a currency only: 3M alone is no amount, 3 m is metres" {
	tags_as --types MONEY,QUANTITY -- 'Gerakan 3M dan Rp3M, Rp4 T, lalu 3 m.' \
	    $'-\t1\t1\t15\t19\tMONEY\tRp3M\t3000000000 IDR\n-\t1\t1\t21\t26\tMONEY\tRp4 T\t4000000000000 IDR\n-\t1\t1\t33\t36\tQUANTITY\t3 m\t3 m'
}

@test "a version after a name is no quantity (Era 4.0 of corpus/003, Web 2.0); an amount written so still is" {
	tags_as -- 'Era 4.0 dan Web 2.0 hadir; ada 4.0 ribu orang dan tinggi 2.0 meter.' \
	    $'-\t1\t1\t31\t45\tQUANTITY\t4.0 ribu orang\t4000 orang\n-\t1\t1\t57\t66\tQUANTITY\t2.0 meter\t2 meter'
}

@test "a two-digit year is read as strptime's %y: 69-99 are 19xx, 00-68 20xx" {
	tags_as -- 'Jumat (31/12/99) dan Kamis (4/8/22).' \
	    $'-\t1\t1\t0\t16\tDATE\tJumat (31/12/99)\t1999-12-31\n-\t1\t1\t21\t35\tDATE\tKamis (4/8/22)\t2022-08-04'
}

@test "an acronym whose letters fit its words in very many ways is decided at once (A9A9A9A9: 32 letters)" {
	words=$(printf 'Aaaaaaaaaaaaaaaaaaaa %.0s' $(seq 15))
	run --separate-stderr timeout 20 "$BIN/tag-entities" --no-model <<<"${words}Baaaa (A9A9A9A9), ${words}Baaaa (A9A9A9A9), ${words}Baaaa (A9A9A9A9) hadir."
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
}

@test "a long run of titles is walked once, not once per title (100,000 of them, some in lower case)" {
	titles=$(printf 'Sekjen sekjen Menteri Perhubungan . %.0s' $(seq 50000))
	run --separate-stderr timeout 20 "$BIN/tag-entities" --no-model <<<"${titles}Joko Widodo hadir."
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	check_output $'-\t1\t1\t1800000\t1800011\tPER\tJoko Widodo\tJoko Widodo'
}

@test "a long run of a known name's parts is one mention, found in linear time (40,000 times Joko Widodo)" {
	names=$(printf 'Joko Widodo %.0s' $(seq 40000))
	printf 'd\t1\t1\tKata Pak Joko Widodo hadir.\nd\t2\t1\t%sdan Anas.\n' "$names" > "$TMP/in"
	run --separate-stderr timeout 20 "$BIN/tag-entities" --no-model "$TMP/in"
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	check_output $'d\t1\t1\t9\t20\tPER\tJoko Widodo\tJoko Widodo\nd\t2\t1\t0\t479999\tPER\t'"${names% }"$'\t'"${names% }"
}

@test "titles before a long run of organisations: the run is walked once (100,000 titles, 100,000 acronyms)" {
	text="$(printf 'Sekjen %.0s' $(seq 100000))$(printf 'ABC %.0s' $(seq 100000))Joko hadir."
	run --separate-stderr timeout 20 "$BIN/tag-entities" --no-model <<<"$text"
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	check_output $'-\t1\t1\t1100000\t1100004\tPER\tJoko\tJoko'
}

@test "numbers of any length keep every digit in VALUE (no fixed-size copy, no 64-bit limit)" {
	n=$(printf '9%.0s' $(seq 150))
	tags_as -- "Ada $n orang dan Rp${n}1,5 triliun." \
	    $'-\t1\t1\t4\t160\tQUANTITY\t'"$n orang"$'\t'"$n orang"$'\n-\t1\t1\t165\t328\tMONEY\t'"Rp${n}1,5 triliun"$'\t'"${n}1500000000000 IDR"
}

@test "e-mail addresses and URLs" {
	tags_as -- 'Tulis ke rudi@gmail.com atau buka https://kabar.id/a?b=1.' \
	    $'-\t1\t1\t9\t23\tEMAIL\trudi@gmail.com\trudi@gmail.com\n-\t1\t1\t34\t56\tURL\thttps://kabar.id/a?b=1\thttps://kabar.id/a?b=1'
}

@test "--dict: case-insensitive, on word boundaries, longest match first, repeatable" {
	printf 'loyal\tCORE\nberorientasi pelayanan\tCORE\tBerorientasi Pelayanan\n' > "$TMP/a.tsv"
	printf 'pelayanan\tSERVICE\n' > "$TMP/b.tsv"
	tags_as --dict "$TMP/a.tsv" --dict "$TMP/b.tsv" -- 'BERORIENTASI PELAYANAN, pelayanan, Loyal, loyalitas.' \
	    $'-\t1\t1\t0\t22\tCORE\tBERORIENTASI PELAYANAN\tBerorientasi Pelayanan\n-\t1\t1\t24\t33\tSERVICE\tpelayanan\tpelayanan\n-\t1\t1\t35\t40\tCORE\tLoyal\tloyal'
}

@test "--types keeps only the types listed, the document memory still reads everything" {
	tags_as --types LOC -- 'Kalimantan Tengah (Kalteng) pada Kamis (4/8).' \
	    $'-\t1\t1\t0\t17\tLOC\tKalimantan Tengah\tKalimantan Tengah\n-\t1\t1\t19\t26\tLOC\tKalteng\tKalimantan Tengah'
}

@test "the model's types do not change the patterns' mentions" {
	TE --types DATE,TIME,MONEY,PERCENT,QUANTITY,EMAIL,URL "$CASES/amounts.in" "$CASES/dates.in" > "$TMP/with"
	TE --no-model --types DATE,TIME,MONEY,PERCENT,QUANTITY,EMAIL,URL "$CASES/amounts.in" "$CASES/dates.in" > "$TMP/without"
	cmp "$TMP/with" "$TMP/without"
}

@test "a definition repeated all through one document: memory stays that of a few sentences" {
	[ -x /usr/bin/time ] || skip "no /usr/bin/time"
	for n in 20000 300000; do
		awk -v n=$n 'BEGIN { for (i = 1; i <= n; i++) printf "d\t%d\t1\tBadan Strategi Kebijakan Dalam Negeri (BSKDN) hadir.\n", i }' > "$TMP/in$n"
		# quarantine 0: under AddressSanitizer freed memory would otherwise count for up to 256 MB
		ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}quarantine_size_mb=0 /usr/bin/time -f %M -o "$TMP/kb$n" "$BIN/tag-entities" --no-model "$TMP/in$n" > "$TMP/out$n"
	done
	[ "$(tail -n1 "$TMP/out300000")" = $'d\t300000\t1\t39\t44\tORG\tBSKDN\tBadan Strategi Kebijakan Dalam Negeri' ]
	small=$(tail -n1 "$TMP/kb20000") big=$(tail -n1 "$TMP/kb300000")
	echo "peak KB: $small for 20000 sentences, $big for 300000" >&2
	[ "$big" -lt $((small + 8000)) ]
}

@test "names of a megabyte are tagged but not remembered: memory stays that of one sentence" {
	[ -x /usr/bin/time ] || skip "no /usr/bin/time"
	for n in 2 30; do
		a=$(head -c 1000000 /dev/zero | tr '\0' a)
		for i in $(seq 1 $n); do printf 'd\t%d\t1\tKata Pak B%s%03d hadir.\n' "$i" "$a" "$i"; done > "$TMP/in$n"
		ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}quarantine_size_mb=0 /usr/bin/time -f %M -o "$TMP/kb$n" "$BIN/tag-entities" --no-model "$TMP/in$n" > "$TMP/out$n"
	done
	[ "$(cut -f 1-6 "$TMP/out30" | tail -n1)" = $'d\t30\t1\t9\t1000013\tPER' ]
	small=$(tail -n1 "$TMP/kb2") big=$(tail -n1 "$TMP/kb30")
	echo "peak KB: $small for 2 sentences, $big for 30" >&2
	[ "$big" -lt $((small + 8000)) ]
}

@test "TEXT unescaped before tagging (offsets into the unescaped text), TEXT and VALUE escaped on output" {
	printf 'a\\\\b\t3\t2\tDi\\tJakarta, Rp5 juta\\\\.\n' > "$TMP/in"
	run --separate-stderr TE --no-model "$TMP/in"
	[ "$status" -eq 0 ]
	check_output $'a\\\\b\t3\t2\t3\t10\tLOC\tJakarta\tJakarta\na\\\\b\t3\t2\t12\t20\tMONEY\tRp5 juta\t5000000 IDR'
}

@test "a record without four fields is reported with its line, the others are tagged" {
	printf 'd\t1\tJakarta\nd\t2\t1\tDi Jakarta.\n' > "$TMP/in"
	run --separate-stderr TE --no-model "$TMP/in"
	[ "$status" -eq 1 ]
	[ "$stderr" = "tag-entities: $TMP/in:1: want 4 fields DOC LINE SENT TEXT, found 3" ]
	check_output $'d\t2\t1\t3\t10\tLOC\tJakarta\tJakarta'
}

@test "empty input: no output, status 0" {
	run --separate-stderr TE </dev/null
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	[ -z "$output" ]
}

@test "CRLF line ends tag as LF ones" {
	printf 'Di Jakarta, Rp1,5 juta.\r\nKamis (4/8)\r\n' > "$TMP/crlf"
	printf 'Di Jakarta, Rp1,5 juta.\nKamis (4/8)\n' > "$TMP/lf"
	TE --no-model < "$TMP/crlf" > "$TMP/a"
	TE --no-model < "$TMP/lf" > "$TMP/b"
	cmp "$TMP/a" "$TMP/b"
	[ "$(wc -l < "$TMP/a")" -eq 3 ]
}

@test "NUL bytes separate words and never end a sentence" {
	printf 'Rp1,5 juta\0di\0Jakarta\0\n' > "$TMP/in"
	run --separate-stderr TE --no-model < "$TMP/in"
	[ "$status" -eq 0 ]
	check_output $'-\t1\t1\t0\t10\tMONEY\tRp1,5 juta\t1500000 IDR\n-\t1\t1\t14\t21\tLOC\tJakarta\tJakarta'
}

@test "a 100 MB sentence: the mention after it has the right offsets" {
	{ head -c 100000000 /dev/zero | tr '\0' 'a'; printf ' di Jakarta\n'; } > "$TMP/big"
	run --separate-stderr TE "$TMP/big"
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	check_output "$TMP/big	1	1	100000004	100000011	LOC	Jakarta	Jakarta"
}

@test "formats: inline marks the mentions in the sentence, conll gives a BIO label per token" {
	run --separate-stderr TE --no-model --format inline <<<'Eko di Bandung, Kamis (4/8).'
	check_output $'-\t1\t1\tEko di [LOC Bandung], [DATE Kamis (4/8)].'
	run --separate-stderr TE --no-model --format conll <<<'Di Bandung Barat, Kamis (4/8).'
	check_output $'Di\tO\nBandung\tB-LOC\nBarat\tI-LOC\n,\tO\nKamis\tB-DATE\n(\tI-DATE\n4\tI-DATE\n/\tI-DATE\n8\tI-DATE\n)\tI-DATE\n.\tO'
}

@test "tokens: a word of ASCII letters and digits ends where it ends, at any place of the 16 bytes read at once" {
	local len w sentence expected
	for len in 1 7 14 15 16 17 18 31 32 33 47; do
		w=$(head -c "$len" <<<"aZ09bY18cX27dW36eV45fU54gT63hS72iR81jQ90kPlOmNnMoLpK")
		sentence="$w.${w}ñb ${w} ${w}-9$w"
		expected="$w\tO\n.\tO\n${w}ñb\tO\n$w\tO\n$w\tO\n-\tO\n9$w\tO"
		run --separate-stderr TE --no-model --format conll <<<"$(printf "$sentence")"
		check_output "$(printf "$expected")" || { echo "a word of $len bytes" >&2; return 1; }
	done
}

@test "bad options and dictionaries are usage errors (status 2, nothing on stdout)" {
	run --separate-stderr TE --format xml </dev/null
	[ "$status" -eq 2 ]
	[ -z "$output" ]
	[ "${stderr%%$'\n'*}" = "tag-entities: --format: unknown format: xml (want tsv, inline or conll)" ]
	run --separate-stderr TE --types per </dev/null
	[ "$status" -eq 2 ]
	[ "${stderr%%$'\n'*}" = "tag-entities: --types: not an upper-case type name: per" ]
	run --separate-stderr TE --dict "$TMP/none" </dev/null
	[ "$status" -eq 2 ]
	[ "${stderr%%$'\n'*}" = "tag-entities: --dict: $TMP/none: No such file or directory" ]
	printf 'Jakarta\tLOC\nBandung\n' > "$TMP/bad.tsv"
	run --separate-stderr TE --dict "$TMP/bad.tsv" </dev/null
	[ "$status" -eq 2 ]
	[ "${stderr%%$'\n'*}" = "tag-entities: $TMP/bad.tsv:2: want PHRASE TAB TYPE [TAB VALUE], TYPE in upper case or -" ]
	run --separate-stderr TE --model x --no-model </dev/null
	[ "$status" -eq 2 ]
	run --separate-stderr TE --model /dev/null </dev/null
	[ "$status" -eq 2 ]
	[ -z "$output" ]
}

@test "--dict: a dictionary with bad UTF-8 is repaired and reported, the text still tagged, status 1" {
	printf 'berakhlak\tNILAI\nber\xffakhlak\tNILAI\n' > "$TMP/d.tsv"
	run --separate-stderr TE --dict "$TMP/d.tsv" --types NILAI <<<'Nilai berakhlak.'
	[ "$status" -eq 1 ]
	check_output $'-\t1\t1\t6\t15\tNILAI\tberakhlak\tberakhlak'
	[ "$stderr" = "tag-entities: $TMP/d.tsv:2: invalid UTF-8 replaced by U+FFFD (1 sequence in the input)" ]
}

@test "a record whose LINE or SENT is not a number is reported and skipped, status 1" {
	printf 'd\tx\t1\tBudi pergi.\nd\t2\t1\tAni di Jakarta.\nd\t3\t\tYa.\n' > "$TMP/in"
	run --separate-stderr TE --types LOC "$TMP/in"
	[ "$status" -eq 1 ]
	[ "$stderr" = "tag-entities: $TMP/in:1: LINE is not a number: x
tag-entities: $TMP/in:3: SENT is empty" ]
	check_output $'d\t2\t1\t7\t14\tLOC\tJakarta\tJakarta'
}

@test "a listed institution or region before a name, a verb after it, are cut off the person" {
	run --separate-stderr TE <<<$'Kata Sekjen Kemendagri Suhajar Diantoro.\nGubernur Jabar Ridwan Kamil hadir di Bandung.\nGubernur Jabar Ridwan Kamil hadir.'
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	check_output $'-\t1\t1\t12\t22\tORG\tKemendagri\tKementerian Dalam Negeri
-\t1\t1\t23\t39\tPER\tSuhajar Diantoro\tSuhajar Diantoro
-\t2\t1\t9\t14\tLOC\tJabar\tJawa Barat
-\t2\t1\t15\t27\tPER\tRidwan Kamil\tRidwan Kamil
-\t2\t1\t37\t44\tLOC\tBandung\tBandung
-\t3\t1\t9\t14\tLOC\tJabar\tJawa Barat
-\t3\t1\t15\t27\tPER\tRidwan Kamil\tRidwan Kamil'
}

@test "offices after a title are no names; a particle joins a name; a company keeps the region in its name" {
	run --separate-stderr TE <<<$'Ia diterima Wakil Perdana Menteri Malaysia.\nIa menjabat Menteri Koordinator Pekerjaan Umum dan Menteri Pendidikan, Pengajaran dan Kebudayaan.\nIa bertemu Abdullah bin Abdul Aziz.\nTambang itu milik PT Kaltim Prima Coal.'
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	check_output $'-\t1\t1\t34\t42\tLOC\tMalaysia\tMalaysia
-\t3\t1\t11\t34\tPER\tAbdullah bin Abdul Aziz\tAbdullah bin Abdul Aziz
-\t4\t1\t18\t38\tORG\tPT Kaltim Prima Coal\tPT Kaltim Prima Coal'
}

@test "a long title misspelt (a letter left out or two swapped) is still a title, not a name" {
	# Pak Gubenur is from corpus/001; a first letter left out is no title (Apolda, not Kapolda)
	run --separate-stderr TE <<<$'Pak Gubenur dan Gubenur Ridwan Kamil hadir.\nJendral Sudirman dan Mentri Keuangan Sri Mulyani tiba.\nKapolda Apolda hadir.'
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	check_output $'-\t1\t1\t24\t36\tPER\tRidwan Kamil\tRidwan Kamil
-\t2\t1\t8\t16\tPER\tSudirman\tSudirman
-\t2\t1\t37\t48\tPER\tSri Mulyani\tSri Mulyani Indrawati
-\t3\t1\t8\t14\tPER\tApolda\tApolda'
}

@test "a name in a company's form (PT ..., ... Tbk, ... Corp, ... Sdn Bhd) is an organisation, whatever the name tagger's type" {
	# from id-news-dev: the NERF 10 model reads the first two as places, the third as a person;
	# Sdn alone is no form (SDN is Sekolah Dasar Negeri), Bhd is
	run --separate-stderr TE <<<$'Saham PT Toba Pulp Lestari Tbk naik, kata LNG Japan Corp di Tokyo, dan Dynamics Acres Sdn Bhd.'
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	check_output $'-\t1\t1\t6\t30\tORG\tPT Toba Pulp Lestari Tbk\tPT Toba Pulp Lestari Tbk
-\t1\t1\t42\t56\tORG\tLNG Japan Corp\tLNG Japan Corp
-\t1\t1\t60\t65\tLOC\tTokyo\tTokyo
-\t1\t1\t71\t93\tORG\tDynamics Acres Sdn Bhd\tDynamics Acres Sdn Bhd'
}

@test "a body's name is an organisation, with the place of its office after it (Kejaksaan Negeri Blora, BPS Jabar)" {
	# the model read Kejaksaan Negeri Blora and Pengadilan Negeri ... as places; the list split Kepolisian Daerah off
	run --separate-stderr TE <<<$'Kasus itu ditangani Kejaksaan Negeri Blora dan Pengadilan Negeri Jakarta Selatan, kata BPS Jabar dan Kepolisian Daerah Jawa Timur di Surabaya.'
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	check_output $'-\t1\t1\t20\t42\tORG\tKejaksaan Negeri Blora\tKejaksaan Negeri Blora
-\t1\t1\t47\t80\tORG\tPengadilan Negeri Jakarta Selatan\tPengadilan Negeri Jakarta Selatan
-\t1\t1\t87\t96\tORG\tBPS Jabar\tBadan Pusat Statistik Jabar
-\t1\t1\t101\t129\tORG\tKepolisian Daerah Jawa Timur\tKepolisian Daerah Jawa Timur
-\t1\t1\t133\t141\tLOC\tSurabaya\tSurabaya'
}

@test "the names of a list are of one kind: the name tagger's odd one out takes the type of most" {
	run --separate-stderr TE <<<$'Mereka mengunjungi Kinahrejo, Turgo dan Tritis.\nMereka mengunjungi Turgo dan Tritis.'
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	# in a list of two the tagger's guess stands: Turgo a person
	check_output $'-\t1\t1\t19\t28\tLOC\tKinahrejo\tKinahrejo
-\t1\t1\t30\t35\tLOC\tTurgo\tTurgo
-\t1\t1\t40\t46\tLOC\tTritis\tTritis
-\t2\t1\t19\t24\tPER\tTurgo\tTurgo
-\t2\t1\t29\t35\tLOC\tTritis\tTritis'
}

@test "a company met in its full form is known later in the document by its name alone, valued as the full form" {
	# from id-news-dev: the model reads Kalbe Farma as a person, Toba Pulp Lestari as two places
	run --separate-stderr TE <<<$'d\t1\t1\tSaham PT Kalbe Farma Tbk naik, dan PT Toba Pulp Lestari Tbk turun.\nd\t2\t1\tKalbe Farma mempunyai tiga divisi, kata Direktur Toba Pulp Lestari.\nd\t3\t1\tPT Kalbe Farma hadir.'
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	check_output $'d\t1\t1\t6\t24\tORG\tPT Kalbe Farma Tbk\tPT Kalbe Farma Tbk
d\t1\t1\t35\t59\tORG\tPT Toba Pulp Lestari Tbk\tPT Toba Pulp Lestari Tbk
d\t2\t1\t0\t11\tORG\tKalbe Farma\tPT Kalbe Farma Tbk
d\t2\t1\t49\t66\tORG\tToba Pulp Lestari\tPT Toba Pulp Lestari Tbk
d\t3\t1\t0\t14\tORG\tPT Kalbe Farma\tPT Kalbe Farma Tbk'
}

@test "a phrase of TYPE - names nothing: built-in terms (RUPS, APBN) block the name tagger but not a longer name; the user's block all" {
	run --separate-stderr TE <<<$'RUPS dan NPL naik, kata Komisi Aparatur Sipil Negara tentang ASN dan APBN di Jakarta.'
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	check_output $'-\t1\t1\t24\t52\tORG\tKomisi Aparatur Sipil Negara\tKomisi Aparatur Sipil Negara
-\t1\t1\t77\t84\tLOC\tJakarta\tJakarta'
	# matched as written: SUN (Surat Utang Negara) is no name, Sun Mi is one
	tags_as -- 'SUN naik, kata Sun Mi.' $'-\t1\t1\t15\t21\tPER\tSun Mi\tSun Mi'
	printf 'jakarta\t-\n' > "$TMP/none.tsv"
	tags_as --dict "$TMP/none.tsv" -- 'Rapat di Jakarta pada 4 Agustus 2022.' $'-\t1\t1\t22\t36\tDATE\t4 Agustus 2022\t2022-08-04'
}

@test "rating agencies are organisations; a directorate general is no person after a verb of saying" {
	tags_as -- 'Fitch dan S&P serta Pefindo menaikkan peringkat, kata Ditjen Pajak.' \
	    $'-\t1\t1\t0\t5\tORG\tFitch\tFitch Ratings\n-\t1\t1\t10\t13\tORG\tS&P\tStandard & Poor\'s\n-\t1\t1\t20\t27\tORG\tPefindo\tPemeringkat Efek Indonesia'
}

@test "built-in institutions of business news; offices and currencies are no persons" {
	run --separate-stderr TE <<<$'Bapepam-LK dan BEI memanggil direksi BRI, sedangkan IMF dan Bank Dunia menurunkan proyeksi.\nMenko Perekonomian menjelaskan hal itu.\nDeputi Gubernur Senior BI Miranda Goeltom hadir.\nKurs Rupiah melemah.\nkata Direktur Utama Global Mediacom Tbk, Hary Tanoesoedibjo.\nPejabat Depkeu hadir.'
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	check_output $'-\t1\t1\t0\t10\tORG\tBapepam-LK\tBadan Pengawas Pasar Modal dan Lembaga Keuangan
-\t1\t1\t15\t18\tORG\tBEI\tBursa Efek Indonesia
-\t1\t1\t37\t40\tORG\tBRI\tBank Rakyat Indonesia
-\t1\t1\t52\t55\tORG\tIMF\tDana Moneter Internasional
-\t1\t1\t60\t70\tORG\tBank Dunia\tBank Dunia
-\t3\t1\t23\t25\tORG\tBI\tBank Indonesia
-\t3\t1\t26\t41\tPER\tMiranda Goeltom\tMiranda Goeltom
-\t5\t1\t41\t59\tPER\tHary Tanoesoedibjo\tHary Tanoesoedibjo
-\t6\t1\t8\t14\tORG\tDepkeu\tDepartemen Keuangan'
}

@test "the items of a list an acronym spells are no names; listed places in one stay places; a dictionary still tags them" {
	printf '%s\n' 'Budaya kerja BerAKHLAK (Berorientasi Pelayanan, Akuntabel, Kompeten, Adaptif, Harmonis, Loyal, Kolaboratif) diterapkan.' \
	    'Gerakan PHBS merupakan singkatan dari Perilaku, Hidup, Bersih, dan Sehat.' \
	    'Wilayah JABODETABEK (Jakarta, Bogor, Depok, Tangerang, Bekasi) diguyur hujan.' > "$TMP/in"
	run --separate-stderr TE --types PER,ORG,LOC "$TMP/in"
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	check_output "$TMP/in"$'\t2\t1\t8\t12\tORG\tPHBS\tPHBS
'"$TMP/in"$'\t3\t1\t8\t19\tLOC\tJABODETABEK\tJakarta, Bogor, Depok, Tangerang, dan Bekasi
'"$TMP/in"$'\t3\t1\t21\t28\tLOC\tJakarta\tJakarta
'"$TMP/in"$'\t3\t1\t30\t35\tLOC\tBogor\tBogor
'"$TMP/in"$'\t3\t1\t37\t42\tLOC\tDepok\tDepok
'"$TMP/in"$'\t3\t1\t44\t53\tLOC\tTangerang\tTangerang
'"$TMP/in"$'\t3\t1\t55\t61\tLOC\tBekasi\tBekasi'
	printf 'loyal\tCORE_VALUE\n' > "$TMP/d.tsv"
	run --separate-stderr TE --dict "$TMP/d.tsv" --types CORE_VALUE,PER,LOC "$TMP/in"
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = "$TMP/in"$'\t1\t1\t88\t93\tCORE_VALUE\tLoyal\tloyal' ]
}

@test "a person's nickname in parentheses is the person, valued by the full name, for the rest of the document" {
	# initials drawn from the name (RHL), a name after a title (Pak Tejo: the title is no part of it)
	printf 'd\t1\t1\t%s\n' 'Bupati Bambang Haryo Sutejo (Pak Tejo) meresmikan pasar.' 'Gubernur Rahmat Hidayat Lubis (RHL) hadir.' > "$TMP/in"
	printf 'd\t2\t1\t%s\n' 'Kata Tejo, RHL setuju.' >> "$TMP/in"
	printf 'e\t1\t1\t%s\n' 'Kata Tejo, pasar itu baru.' >> "$TMP/in"
	run --separate-stderr TE --no-model "$TMP/in"
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	check_output $'d\t1\t1\t7\t27\tPER\tBambang Haryo Sutejo\tBambang Haryo Sutejo
d\t1\t1\t33\t37\tPER\tTejo\tBambang Haryo Sutejo
d\t1\t1\t9\t29\tPER\tRahmat Hidayat Lubis\tRahmat Hidayat Lubis
d\t1\t1\t31\t34\tPER\tRHL\tRahmat Hidayat Lubis
d\t2\t1\t5\t9\tPER\tTejo\tBambang Haryo Sutejo
d\t2\t1\t11\t14\tPER\tRHL\tRahmat Hidayat Lubis
e\t1\t1\t5\t9\tPER\tTejo\tTejo'
}

@test "a nickname given in words (akrab disapa, biasa dipanggil, alias, better known as) is the person; a summons is no nickname" {
	run --separate-stderr TE --no-model <<<$'Gubernur Rahmat Hidayat Lubis atau akrab disapa Ucok hadir.\nBupati Dewi Sartika Maharani, yang biasa dipanggil Bu Ade, tersenyum.\nUcok dan Ade berbincang.\nCamat Joko Santoso Wibowo alias Bowo ditangkap.\nPresident Rahmat Wijaya Kusuma, better known as Kumis, arrived.\nKumis smiled, kata Bowo.\nBupati Ahmad Fauzi Rahman dipanggil Kejaksaan Agung.'
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	check_output $'-\t1\t1\t9\t29\tPER\tRahmat Hidayat Lubis\tRahmat Hidayat Lubis
-\t1\t1\t48\t52\tPER\tUcok\tRahmat Hidayat Lubis
-\t2\t1\t7\t28\tPER\tDewi Sartika Maharani\tDewi Sartika Maharani
-\t2\t1\t54\t57\tPER\tAde\tDewi Sartika Maharani
-\t3\t1\t0\t4\tPER\tUcok\tRahmat Hidayat Lubis
-\t3\t1\t9\t12\tPER\tAde\tDewi Sartika Maharani
-\t4\t1\t6\t25\tPER\tJoko Santoso Wibowo\tJoko Santoso Wibowo
-\t4\t1\t32\t36\tPER\tBowo\tJoko Santoso Wibowo
-\t5\t1\t10\t30\tPER\tRahmat Wijaya Kusuma\tRahmat Wijaya Kusuma
-\t5\t1\t48\t53\tPER\tKumis\tRahmat Wijaya Kusuma
-\t6\t1\t0\t5\tPER\tKumis\tRahmat Wijaya Kusuma
-\t6\t1\t19\t23\tPER\tBowo\tJoko Santoso Wibowo
-\t7\t1\t7\t25\tPER\tAhmad Fauzi Rahman\tAhmad Fauzi Rahman
-\t7\t1\t36\t51\tORG\tKejaksaan Agung\tKejaksaan Agung'
}

@test "well-known nicknames are the person's full name; a document's own name and a dictionary come first" {
	printf 'd\t1\t1\t%s\n' 'Jokowi bertemu Ahok dan Gus Dur.' > "$TMP/in"
	printf 'd\t2\t1\t%s\n' 'Kata Widodo, rapat selesai.' >> "$TMP/in"
	printf 'e\t1\t1\t%s\n' 'Megawati Hangestri mencetak poin.' >> "$TMP/in"
	printf 'e\t2\t1\t%s\n' 'Kata Megawati, timnya siap.' >> "$TMP/in"
	printf 'f\t1\t1\t%s\n' 'Kata Megawati, partainya siap.' >> "$TMP/in"
	run --separate-stderr TE "$TMP/in"
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	check_output $'d\t1\t1\t0\t6\tPER\tJokowi\tJoko Widodo
d\t1\t1\t15\t19\tPER\tAhok\tBasuki Tjahaja Purnama
d\t1\t1\t24\t31\tPER\tGus Dur\tAbdurrahman Wahid
d\t2\t1\t5\t11\tPER\tWidodo\tJoko Widodo
e\t1\t1\t0\t18\tPER\tMegawati Hangestri\tMegawati Hangestri
e\t2\t1\t5\t13\tPER\tMegawati\tMegawati Hangestri
f\t1\t1\t5\t13\tPER\tMegawati\tMegawati Soekarnoputri'
	printf 'Jokowi\tPER\tIr. Joko Widodo\n' > "$TMP/dict.tsv"
	tags_as --dict "$TMP/dict.tsv" -- 'Jokowi hadir.' $'-\t1\t1\t0\t6\tPER\tJokowi\tIr. Joko Widodo'
}

@test "a person after a list of clubs is no club: the item after the conjunction ends the list" {
	# the name tagger reads Robert Alberts as a person; the list of one kind made him a club
	run --separate-stderr TE <<<'Mantan pelatih Persib Bandung dan Arema FC, Robert Alberts, mengaku senang.'
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	check_output $'-\t1\t1\t15\t29\tORG\tPersib Bandung\tPersib Bandung
-\t1\t1\t34\t42\tORG\tArema FC\tArema FC
-\t1\t1\t44\t58\tPER\tRobert Alberts\tRobert Alberts'
}

@test "a sports score (2-1, 0-3) is neither quantities nor a date; a range with a unit and a date keep theirs" {
	tags_as -- 'Tim tamu menang 2-1, lalu kalah 0-3 di kandang.' ''
	tags_as -- 'Hujan turun 10-15 menit pada 1-3 Maret 2024.' \
	    $'-\t1\t1\t12\t14\tQUANTITY\t10\t10\n-\t1\t1\t29\t30\tQUANTITY\t1\t1\n-\t1\t1\t31\t43\tDATE\t3 Maret 2024\t2024-03-03'
}

@test "police and military ranks are titles, not part of the name (AKBP, Kombes Pol)" {
	run --separate-stderr TE --no-model <<<$'Kata Kombes Pol Endra Zulpan, pelaku ditangkap.\nAKBP Budi Santoso menjelaskan kasusnya.'
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	check_output $'-\t1\t1\t16\t28\tPER\tEndra Zulpan\tEndra Zulpan
-\t2\t1\t5\t17\tPER\tBudi Santoso\tBudi Santoso'
}

@test "a football club with its town in its name is an organisation, whole; a club's short name is valued by its full one" {
	# the name tagger reads Bali United and Persebaya Surabaya as places
	run --separate-stderr TE <<<$'PSM Makassar menang atas Bali United dan Persebaya Surabaya.\nPersib menjamu Persija di Bandung.'
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	check_output $'-\t1\t1\t0\t12\tORG\tPSM Makassar\tPSM Makassar
-\t1\t1\t25\t36\tORG\tBali United\tBali United
-\t1\t1\t41\t59\tORG\tPersebaya Surabaya\tPersebaya Surabaya
-\t2\t1\t0\t6\tORG\tPersib\tPersib Bandung
-\t2\t1\t15\t22\tORG\tPersija\tPersija Jakarta
-\t2\t1\t26\t33\tLOC\tBandung\tBandung'
}

@test "a common word capitalised as the first of a sentence is no name alone (Ayo, Tolong)" {
	run --separate-stderr TE <<<$'Ayo dukung timnas!\n"Tolong bantu kami," kata Ahmad.'
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	check_output $'-\t2\t1\t26\t31\tPER\tAhmad\tAhmad'
}

@test "an officer's title and name after a place or body are a person; a lower-case word ends a person's name" {
	# the name tagger runs each of these into one span: Kudus Hartopo, Polres Kudus AKP Dimas Prasetyo, ...
	run --separate-stderr TE <<<$'Bupati Kudus Hartopo memberikan beasiswa.\nKasat Lantas Polres Kudus AKP Dimas Prasetyo mengatakan jalan ditutup.\nKapolda Metro Jaya Irjen Pol Karyoto mengatakan acara berjalan tertib.\nPetugas menangkap pencopet, Rudi Hartono alias Gondrong, di area parkir.'
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	check_output $'-\t1\t1\t7\t12\tLOC\tKudus\tKudus
-\t1\t1\t13\t20\tPER\tHartopo\tHartopo
-\t2\t1\t13\t25\tORG\tPolres Kudus\tPolres Kudus
-\t2\t1\t30\t44\tPER\tDimas Prasetyo\tDimas Prasetyo
-\t3\t1\t8\t18\tLOC\tMetro Jaya\tMetro Jaya
-\t3\t1\t29\t36\tPER\tKaryoto\tKaryoto
-\t4\t1\t28\t40\tPER\tRudi Hartono\tRudi Hartono
-\t4\t1\t47\t55\tPER\tGondrong\tRudi Hartono'
}

@test "a body the document named on its own takes no place after it later; a province is valued without the word Provinsi" {
	printf 'd\t1\t1\t%s\n' 'Rapat digelar Badan Penelitian dan Pengembangan Daerah (BP2D) Jawa Barat.' > "$TMP/in"
	printf 'd\t2\t1\t%s\n' 'Kepala BP2D Provinsi Jawa Barat hadir.' >> "$TMP/in"
	run --separate-stderr TE "$TMP/in"
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	check_output $'d\t1\t1\t14\t54\tORG\tBadan Penelitian dan Pengembangan Daerah\tBadan Penelitian dan Pengembangan Daerah
d\t1\t1\t56\t60\tORG\tBP2D\tBadan Penelitian dan Pengembangan Daerah
d\t1\t1\t62\t72\tLOC\tJawa Barat\tJawa Barat
d\t2\t1\t7\t11\tORG\tBP2D\tBadan Penelitian dan Pengembangan Daerah
d\t2\t1\t12\t31\tLOC\tProvinsi Jawa Barat\tJawa Barat'
}

@test "--help shows the synopsis of the man page" {
	run --separate-stderr TE --help
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = "usage: tag-entities [-d FILE]... [-f tsv|inline|conll] [-t LIST] [-l LANG] [--values LANG]" ]
	[ "${lines[1]}" = "                    [-m FILE | -M] [-j N] [FILE...]" ]
}
