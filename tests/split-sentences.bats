#!/usr/bin/env bats
# split-sentences: paragraphs in, one DOC LINE SENT TEXT record per sentence out.
load common

CASES=tests/cases/split-sentences
CHECK=tests/split-sentences-check.py
SS() { "$BIN/split-sentences" "$@"; }

# split_is LANG PARAGRAPH SENTENCE...: the paragraph splits into exactly these sentences.
split_is() {
	local lang=$1 para=$2 expected="" k=0 s
	shift 2
	for s in "$@"; do
		k=$((k + 1))
		expected+=$'-\t1\t'"$k"$'\t'"$s"$'\n'
	done
	run --separate-stderr SS --lang "$lang" <<<"$para"
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	check_output "${expected%$'\n'}"
}

# lossless INPUT OUTPUT [NAME]: the sentences of each paragraph joined by one space are the folded paragraph.
lossless() {
	python3 "$CHECK" lossless "$@"
}

@test "exact output on every case (LANG-NAME.in, LANG-NAME.out), and nothing lost" {
	for input in "$CASES"/*.in; do
		name=${input%.in}
		lang=$(basename "$input" | cut -d- -f1)
		run --separate-stderr SS --lang "$lang" < "$input"
		[ "$status" -eq 0 ] || { echo "$input: status $status" >&2; return 1; }
		[ -z "$stderr" ]
		check_output "$(cat "$name.out")" || { echo "in $input" >&2; return 1; }
		SS --lang "$lang" < "$input" > "$TMP/out"
		lossless "$input" "$TMP/out" || { echo "in $input" >&2; return 1; }
	done
}

@test "nothing lost on 3000 random paragraphs full of traps, in both languages" {
	python3 "$CHECK" random 5 3000 > "$TMP/random.in"
	for lang in id en; do
		SS --lang "$lang" "$TMP/random.in" > "$TMP/random.out" 2> "$TMP/err"
		[ ! -s "$TMP/err" ]
		lossless "$TMP/random.in" "$TMP/random.out" "$TMP/random.in"
	done
}

@test "records: TEXT unescaped on input and escaped on output, DOC and LINE kept" {
	printf 'a\\\\b.txt\t7\tSatu\\tdua.  Tiga \\\\ empat.\\nLima.\n' > "$TMP/in"
	run --separate-stderr SS "$TMP/in"
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	check_output $'a\\\\b.txt\t7\t1\tSatu dua.\na\\\\b.txt\t7\t2\tTiga \\\\ empat.\na\\\\b.txt\t7\t3\tLima.'
}

@test "plain lines: DOC is the file name or -, LINE the line number" {
	printf 'Satu. Dua.\n\nTiga.\n' > "$TMP/a b.txt"
	run --separate-stderr SS "$TMP/a b.txt" - <<<"Empat. Lima."
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	check_output "$TMP/a b.txt"$'\t1\t1\tSatu.\n'"$TMP/a b.txt"$'\t1\t2\tDua.\n'"$TMP/a b.txt"$'\t3\t1\tTiga.\n-\t1\t1\tEmpat.\n-\t1\t2\tLima.'
}

@test "white space is folded: runs, escaped tabs, no-break and ideographic spaces, ends trimmed" {
	printf ' \v Satu\xc2\xa0 dua.\xe3\x80\x80Tiga\x0bempat.  \n' > "$TMP/in"
	run --separate-stderr SS "$TMP/in"
	[ "$status" -eq 0 ]
	check_output "$TMP/in"$'\t1\t1\tSatu dua.\n'"$TMP/in"$'\t1\t2\tTiga empat.'
	lossless "$TMP/in" <(SS "$TMP/in") "$TMP/in"
	printf 'd\t1\t\\t Satu\\t\\n dua.\\r\\nTiga. \\t\n' > "$TMP/in"
	run --separate-stderr SS "$TMP/in"
	[ "$status" -eq 0 ]
	check_output $'d\t1\t1\tSatu dua.\nd\t1\t2\tTiga.'
}

@test "white space is folded 16 bytes at a time as byte by byte: every kind, at every place" {
	# Words, single and repeated spaces of every kind Python's str.split knows, and
	# characters that share their first bytes (©, dashes, quotes, 、), at random places.
	python3 - > "$TMP/in" <<'EOF2'
import random
r = random.Random(17)
parts = ["a", "Kata", "dua.", "Tiga", "\u00a9", "\u2014", "\u201c", "\u201d", "\u3001", "\u1780", "\u00e9",
         " ", " ", " ", "  ", "\v", "\f", "\x1c", "\x1f", "\u0085", "\u00a0", "\u1680", "\u2003",
         "\u200a", "\u2028", "\u202f", "\u205f", "\u3000", " \u00a0 "]
for _ in range(3000):
    print("".join(r.choice(parts) for _ in range(r.randint(1, 60))))
EOF2
	SS "$TMP/in" > "$TMP/out"
	lossless "$TMP/in" "$TMP/out" "$TMP/in"
}

@test "a record without three fields is reported, the rest is split" {
	printf 'd\t1\tSatu. Dua.\nd\t2\n' > "$TMP/in"
	printf 'Tiga.\n' > "$TMP/in2"
	run --separate-stderr SS "$TMP/in" "$TMP/in2"
	[ "$status" -eq 1 ]
	[ "$stderr" = "split-sentences: $TMP/in:2: want 3 fields DOC LINE TEXT, found 2" ]
	check_output $'d\t1\t1\tSatu.\nd\t1\t2\tDua.\n'"$TMP/in2"$'\t1\t1\tTiga.'
}

@test "a record whose LINE is not a number is reported and skipped" {
	printf 'd\t\tSatu.\nd\tx2\tDua.\nd\t3\tTiga. Empat.\n' > "$TMP/in"
	run --separate-stderr SS "$TMP/in"
	[ "$status" -eq 1 ]
	[ "$stderr" = "split-sentences: $TMP/in:1: LINE is empty
split-sentences: $TMP/in:2: LINE is not a number: x2" ]
	check_output $'d\t3\t1\tTiga.\nd\t3\t2\tEmpat.'
}

@test "empty input and blank paragraphs give no records" {
	run --separate-stderr SS < /dev/null
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	[ -z "$output" ]
	printf '\n   \n\v\n d\t3\t \\t\n' > "$TMP/in"
	run --separate-stderr SS "$TMP/in"
	[ "$status" -eq 0 ]
	[ -z "$output" ]
}

@test "CRLF input splits as LF input" {
	printf 'Satu. Dua.\r\nd\t2\tTiga. Empat.\r\n' > "$TMP/crlf"
	printf 'Satu. Dua.\nd\t2\tTiga. Empat.\n' > "$TMP/lf"
	run --separate-stderr SS < "$TMP/crlf"
	[ "$status" -eq 0 ]
	check_output "$(SS < "$TMP/lf")"
	check_output $'-\t1\t1\tSatu.\n-\t1\t2\tDua.\nd\t2\t1\tTiga.\nd\t2\t2\tEmpat.'
}

@test "NUL bytes are text" {
	printf 'Sa\0tu. Dua\0.\0 Tiga.\n' > "$TMP/in"
	run --separate-stderr SS < "$TMP/in"
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	SS < "$TMP/in" > "$TMP/out"
	printf -- '-\t1\t1\tSa\0tu.\n-\t1\t2\tDua\0.\0 Tiga.\n' | cmp - "$TMP/out"
}

@test "a 100 MB line without a boundary is one sentence" {
	head -c 100000000 /dev/zero | tr '\0' 'a' > "$TMP/big"
	run --separate-stderr bash -c '"$1"/split-sentences "$2" | wc -c' _ "$BIN" "$TMP/big"
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	[ "$output" = $((${#TMP} + 4 + 5 + 100000000 + 1)) ]
}

@test "a 22 MB paragraph of short sentences and one of abbreviations" {
	yes 'Dia pergi.' | head -c 22000000 | tr '\n' ' ' > "$TMP/many"
	run --separate-stderr bash -c '"$1"/split-sentences < "$2" | wc -l' _ "$BIN" "$TMP/many"
	[ "$status" -eq 0 ]
	[ "$output" = 2000000 ]
	yes 'Prof. Dr. Ir.' | head -c 14000000 | tr '\n' ' ' > "$TMP/abbr"
	run --separate-stderr bash -c '"$1"/split-sentences < "$2" | wc -l' _ "$BIN" "$TMP/abbr"
	[ "$status" -eq 0 ]
	[ "$output" = 1 ]
}

@test "--abbrev adds a list: abbreviations, titles, openers; comments and blank lines" {
	split_is id 'Ia tinggal di Komplek. Sukamaju sejak lama.' 'Ia tinggal di Komplek.' 'Sukamaju sejak lama.'
	printf '# my list\n\nKomplek. title\nbla. abbrev\nKeduanya start\n' > "$TMP/list"
	run --separate-stderr SS --abbrev "$TMP/list" <<<'Ia tinggal di Komplek. Sukamaju sejak lama. Ia bertemu Ani bla. Keduanya pergi. Ani bla. Budi datang.'
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	check_output $'-\t1\t1\tIa tinggal di Komplek. Sukamaju sejak lama.\n-\t1\t2\tIa bertemu Ani bla.\n-\t1\t3\tKeduanya pergi.\n-\t1\t4\tAni bla. Budi datang.'
}

@test "list entries match by case: tb (unit) is not Tb. (Tubagus), MA. is not Ma, Art. is not art." {
	split_is id 'Datanya 5 tb. Dia pergi. Ia bertemu Tb. Maktal di sana. Bhiksuni itu (Chai Ma). Seperdelapan datang. Sayur, DLL. Harga naik.' \
	    'Datanya 5 tb.' 'Dia pergi.' 'Ia bertemu Tb. Maktal di sana.' 'Bhiksuni itu (Chai Ma).' 'Seperdelapan datang.' 'Sayur, DLL.' 'Harga naik.'
	split_is en 'He loves modern art. The museum is big. See Art. 5 and ART. The end.' \
	    'He loves modern art.' 'The museum is big.' 'See Art. 5 and ART.' 'The end.'
}

@test "--abbrev: a bad kind, a bad opener or a missing file is bad usage" {
	printf 'Komplek. title\nXy. sometimes\n' > "$TMP/list"
	run --separate-stderr SS --abbrev "$TMP/list" < /dev/null
	[ "$status" -eq 2 ]
	[ -z "$output" ]
	[ "${stderr%%$'\n'*}" = "split-sentences: --abbrev: $TMP/list:2: unknown kind (want abbrev, title, end or start)" ]
	printf 'Dia. start\n' > "$TMP/list"
	run --separate-stderr SS -a "$TMP/list" < /dev/null
	[ "$status" -eq 2 ]
	[ "${stderr%%$'\n'*}" = "split-sentences: --abbrev: $TMP/list:1: an opener has no period" ]
	run --separate-stderr SS --abbrev "$TMP/none" < /dev/null
	[ "$status" -eq 2 ]
	[ "${stderr%%$'\n'*}" = "split-sentences: --abbrev: $TMP/none: No such file or directory" ]
}

@test "--abbrev: a list with bad UTF-8 is repaired and reported, the text still split, status 1" {
	printf 'Komplek. title\nKm\xff. abbrev\n' > "$TMP/list"
	run --separate-stderr SS --abbrev "$TMP/list" <<<'Ia tinggal di Komplek. Sukamaju. Ya.'
	[ "$status" -eq 1 ]
	check_output $'-\t1\t1\tIa tinggal di Komplek. Sukamaju.\n-\t1\t2\tYa.'
	[ "$stderr" = "split-sentences: $TMP/list:2: invalid UTF-8 replaced by U+FFFD (1 sequence in the input)" ]
}

@test "--lang: only id and en" {
	run --separate-stderr SS --lang fr < /dev/null
	[ "$status" -eq 2 ]
	[ -z "$output" ]
	[ "$stderr" = $'split-sentences: --lang: unknown language: fr (want id or en)\nusage: split-sentences [-l id|en] [-a FILE]... [FILE...]' ]
}

@test "--help starts with the synopsis of the man page" {
	run --separate-stderr SS --help
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = "usage: split-sentences [-l id|en] [-a FILE]... [FILE...]" ]
	synopsis=$(MANWIDTH=200 man -l docs/split-sentences.1 2>/dev/null | col -b |
	    sed -n '/^SYNOPSIS/{n;p;}' | tr -s ' \t' '  ' | sed 's/^ //')
	[ "usage: $synopsis" = "${lines[0]}" ]
}

@test "abbreviations are learnt from the document: a short word seen before a lower-case word" {
	printf 'd\t1\tIa datang sekt. tujuh pagi.\nd\t2\tMereka pulang sekt. Pukul delapan. Lalu mereka tidur sekt. Dia lelah.\ne\t1\tMereka pulang sekt. Pukul delapan.\n' > "$TMP/in"
	run --separate-stderr SS "$TMP/in"
	[ "$status" -eq 0 ]
	check_output $'d\t1\t1\tIa datang sekt. tujuh pagi.\nd\t2\t1\tMereka pulang sekt. Pukul delapan.\nd\t2\t2\tLalu mereka tidur sekt.\nd\t2\t3\tDia lelah.\ne\t1\t1\tMereka pulang sekt.\ne\t1\t2\tPukul delapan.'
}

# ---- the traps, Indonesian ----

@test "id: titles and degrees (Prof. Dr. Ir. H. Abdullah, S.H., M.Si.)" {
	split_is id 'Rektor Prof. Dr. Ir. H. Abdullah, S.H., M.Si. membuka acara. Dia lalu pergi.' \
	    'Rektor Prof. Dr. Ir. H. Abdullah, S.H., M.Si. membuka acara.' 'Dia lalu pergi.'
	split_is id 'Acara dibuka oleh Drs. Budi Santoso, M.Si. Dia didampingi Hj. Ani.' \
	    'Acara dibuka oleh Drs. Budi Santoso, M.Si.' 'Dia didampingi Hj. Ani.'
}

@test "id: a degree after a name and a comma ends the name, initials do not" {
	split_is id 'Ia dirawat dr. Budi, Sp.PD. Dokter itu ramah. Ia bertemu Ani, M.Si. Rektor datang. Agus D.W. Martowardojo hadir di Jl. Jend. Sudirman Kav. 52.' \
	    'Ia dirawat dr. Budi, Sp.PD.' 'Dokter itu ramah.' 'Ia bertemu Ani, M.Si.' 'Rektor datang.' 'Agus D.W. Martowardojo hadir di Jl. Jend. Sudirman Kav. 52.'
}

@test "id: domains with short parts are no abbreviations (bnpb.go.id, Viva.co.id)" {
	split_is id 'Data dari bnpb.go.id. Presiden datang. Dikutip Viva.co.id. Presiden pergi.' \
	    'Data dari bnpb.go.id.' 'Presiden datang.' 'Dikutip Viva.co.id.' 'Presiden pergi.'
}

@test "id: Kab., Kec., Jl., No." {
	split_is id 'Rumahnya di Jl. Merdeka No. 5, Kec. Cibeunying, Kab. Bandung. Warga berdatangan.' \
	    'Rumahnya di Jl. Merdeka No. 5, Kec. Cibeunying, Kab. Bandung.' 'Warga berdatangan.'
}

@test "id: dkk., dll., dsb., tsb." {
	split_is id 'Budi dkk. datang. Mereka membawa gula, beras, dll. Semua habis. Pisau, tali, dsb. disita. Mobil tsb. hilang.' \
	    'Budi dkk. datang.' 'Mereka membawa gula, beras, dll.' 'Semua habis.' 'Pisau, tali, dsb. disita.' 'Mobil tsb. hilang.'
}

@test "id: Tbk. before a ticker and at the end of a sentence" {
	split_is id 'Saham PT Bank Negara Indonesia Tbk. (BBNI) naik. Dia membeli saham PT Astra International Tbk. Harganya naik.' \
	    'Saham PT Bank Negara Indonesia Tbk. (BBNI) naik.' 'Dia membeli saham PT Astra International Tbk.' 'Harganya naik.'
}

@test "id: numbers 30.505 and Rp1,5 juta" {
	split_is id 'Penduduknya 30.505 jiwa. Biayanya Rp1,5 juta. Jumlahnya naik menjadi 2.000.' \
	    'Penduduknya 30.505 jiwa.' 'Biayanya Rp1,5 juta.' 'Jumlahnya naik menjadi 2.000.'
}

@test "id: times 13.28 WIB, dates 28/9/2022" {
	split_is id 'Gempa terjadi pukul 13.28 WIB. Warga panik. Peristiwa itu terjadi 28/9/2022. Lalu hujan turun pukul 15.00. Semua basah.' \
	    'Gempa terjadi pukul 13.28 WIB.' 'Warga panik.' 'Peristiwa itu terjadi 28/9/2022.' 'Lalu hujan turun pukul 15.00.' 'Semua basah.'
}

@test "id: domains Mediaindonesia.com, DIALEKSIS.COM" {
	split_is id 'DIALEKSIS.COM melaporkan banjir. Berita itu dikutip Mediaindonesia.com. Situsnya DIALEKSIS.COM. Semua ramai.' \
	    'DIALEKSIS.COM melaporkan banjir.' 'Berita itu dikutip Mediaindonesia.com.' 'Situsnya DIALEKSIS.COM.' 'Semua ramai.'
}

@test "id: initials (Agus D.W. Martowardojo, Joko P. di, vitamin C. Selain)" {
	split_is id 'Agus D.W. Martowardojo bertemu Joko P. di kantornya. Ia minum vitamin C. Selain itu ia makan.' \
	    'Agus D.W. Martowardojo bertemu Joko P. di kantornya.' 'Ia minum vitamin C.' 'Selain itu ia makan.'
}

@test "id: initials before initials (H. A. Rahman), English sentences in Indonesian text" {
	split_is id 'Rektor Ir. H. A. Rahman hadir. Ia bertemu Ahmad S. A. Rahman kemarin. Ia berkata, "I live in the U.S. How about you?"' \
	    'Rektor Ir. H. A. Rahman hadir.' 'Ia bertemu Ahmad S. A. Rahman kemarin.' 'Ia berkata, "I live in the U.S.' 'How about you?"'
}

@test "id: ellipses (... bukan dilayani,\" tambah Kepala ...)" {
	split_is id '"... bukan dilayani," tambah Kepala Dinas itu. Kami menunggu... Tidak ada yang datang. Lalu . . . selesai.' \
	    '"... bukan dilayani," tambah Kepala Dinas itu.' 'Kami menunggu...' 'Tidak ada yang datang.' 'Lalu . . . selesai.'
}

@test "id: quotes and brackets closing after the stop stay with their sentence" {
	split_is id '"Kami akan datang." Dia lalu pergi. "Harga naik. Kami rugi," katanya. (Foto itu diambil kemarin.) Semua senang. "Apa?" tanya dia.' \
	    '"Kami akan datang."' 'Dia lalu pergi.' '"Harga naik.' 'Kami rugi," katanya.' '(Foto itu diambil kemarin.)' 'Semua senang.' '"Apa?" tanya dia.'
}

@test "id: a period after a closing bracket ends the sentence, whatever is inside" {
	split_is id 'Ia menanam paprika (Capsicum annuum L.). Komoditas ini laku. Data dari (Kab.). Presiden datang.' \
	    'Ia menanam paprika (Capsicum annuum L.).' 'Komoditas ini laku.' 'Data dari (Kab.).' 'Presiden datang.'
}

@test "id: headlines without a final stop" {
	split_is id 'Harga Cabai Rawit Melonjak Jelang Lebaran' 'Harga Cabai Rawit Melonjak Jelang Lebaran'
	split_is id 'Gempa M 5,2 Guncang Aceh, Warga Panik' 'Gempa M 5,2 Guncang Aceh, Warga Panik'
}

@test "id: AS. (Amerika Serikat) ends a sentence" {
	split_is id 'Rupiah melemah terhadap dolar AS. Menurut BI, hal itu wajar. Ekspor ke AS. Turun tajam.' \
	    'Rupiah melemah terhadap dolar AS.' 'Menurut BI, hal itu wajar.' 'Ekspor ke AS.' 'Turun tajam.'
}

@test "id: a period before a lower-case word, a digit or a closing bracket is no boundary" {
	split_is id 'Harga naik 5 pct. dibanding tgl. 3 Mei, menurut Bab. 3 buku itu (lihat hlm. 5.) kemarin. Ia bertemu Kpt. Budi. Selesai.' \
	    'Harga naik 5 pct. dibanding tgl. 3 Mei, menurut Bab. 3 buku itu (lihat hlm. 5.) kemarin.' 'Ia bertemu Kpt. Budi.' 'Selesai.'
}

@test "id: numbered lists" {
	split_is id '1. Harga naik. 2. Stok habis. 3. Warga antre.' '1. Harga naik.' '2. Stok habis.' '3. Warga antre.'
}

# ---- the traps, English ----

@test "en: U.S. inside and at the end of a sentence" {
	split_is en 'I work for the U.S. Government in Virginia. I live in the U.S. How about you? I have lived in the U.S. for 20 years.' \
	    'I work for the U.S. Government in Virginia.' 'I live in the U.S.' 'How about you?' 'I have lived in the U.S. for 20 years.'
}

@test "en: Mr., Mrs., Dr. and initials" {
	split_is en 'Mr. Smith met Mrs. Jones and Dr. Who. My name is Jonas E. Smith. We make a good team, you and I. Did you see Albert I. Jones yesterday?' \
	    'Mr. Smith met Mrs. Jones and Dr. Who.' 'My name is Jonas E. Smith.' 'We make a good team, you and I.' 'Did you see Albert I. Jones yesterday?'
}

@test "en: a degree after a comma, street and saint" {
	split_is en 'He met John Smith, Ph.D. Researchers said so. I live at 123 Main St. The house is red. St. Michael'"'"'s Church is on 5th st. near the light.' \
	    'He met John Smith, Ph.D.' 'Researchers said so.' 'I live at 123 Main St.' 'The house is red.' "St. Michael's Church is on 5th st. near the light."
}

@test "en: e.g., i.e., etc." {
	split_is en 'Fruit, e.g. Apples, is cheap, i.e. Cheaper than meat. We sell pens, paper, etc. The shop opens daily.' \
	    'Fruit, e.g. Apples, is cheap, i.e. Cheaper than meat.' 'We sell pens, paper, etc.' 'The shop opens daily.'
}

@test "en: No. 5 and p. 55" {
	split_is en 'See No. 5 on the list. Please turn to p. 55. He said no. The end.' \
	    'See No. 5 on the list.' 'Please turn to p. 55.' 'He said no.' 'The end.'
}

@test "en: a.m. and P.M." {
	split_is en 'At 5 a.m. Mr. Smith went to the bank. He left the bank at 6 P.M. Mr. Smith then went to the store.' \
	    'At 5 a.m. Mr. Smith went to the bank.' 'He left the bank at 6 P.M.' 'Mr. Smith then went to the store.'
}

@test "en: U.S. Rep. and Rt. Hon. are one name" {
	split_is en 'She met U.S. Rep. Ilhan Omar in the U.S. Capitol. The Rt. Hon. John Smith spoke.' \
	    'She met U.S. Rep. Ilhan Omar in the U.S. Capitol.' 'The Rt. Hon. John Smith spoke.'
}

@test "en: company abbreviations (Co., Inc.) inside and at the end" {
	split_is en 'They closed the deal with Pitt, Briggs & Co. at noon. Let us ask Jane and co. They should know. Shares of Apple Inc. Chief rose.' \
	    'They closed the deal with Pitt, Briggs & Co. at noon.' 'Let us ask Jane and co.' 'They should know.' 'Shares of Apple Inc. Chief rose.'
}

@test "en: numbers, times, dates, domains and e-mail" {
	split_is en 'She has $100.00 in her bag. She has $100.00. It rose 3.5 percent at 13.28 GMT on 28/9/2022. Her email is Jane.Doe@example.com. See Example.COM. I sent it.' \
	    'She has $100.00 in her bag.' 'She has $100.00.' 'It rose 3.5 percent at 13.28 GMT on 28/9/2022.' 'Her email is Jane.Doe@example.com.' 'See Example.COM.' 'I sent it.'
}

@test "en: quotes and brackets closing after the stop" {
	split_is en 'She turned to him, "This is great." She held it out. She said, "This is great." she said. He teaches (He worked as an engineer.) at the University.' \
	    'She turned to him, "This is great."' 'She held it out.' 'She said, "This is great." she said.' 'He teaches (He worked as an engineer.) at the University.'
}

@test "en: ellipses" {
	split_is en 'I never meant that.... She left the store. I was ... well, the thing is . . . I did not mean it. It ended . . . . Next sentence.' \
	    'I never meant that....' 'She left the store.' 'I was ... well, the thing is . . . I did not mean it.' 'It ended . . . .' 'Next sentence.'
}

@test "en: double punctuation and named exclamations" {
	split_is en 'Hello!! Long time no see. Hello?! Is that you? She works at Yahoo! in the accounting department.' \
	    'Hello!!' 'Long time no see.' 'Hello?!' 'Is that you?' 'She works at Yahoo! in the accounting department.'
}

@test "en: footnote marks after the stop" {
	split_is en 'He was a saint and martyr.[1] The emperor published a decree. See [12] and [3]. Done.' \
	    'He was a saint and martyr.[1]' 'The emperor published a decree.' 'See [12] and [3].' 'Done.'
}

@test "en: headlines without a final stop" {
	split_is en 'Talks Collapse as Deadline Passes' 'Talks Collapse as Deadline Passes'
}

@test "en: lists" {
	split_is en '1) The first item 2) The second item' '1) The first item' '2) The second item'
	split_is en 'a. The first item b. The second item' 'a. The first item' 'b. The second item'
}
