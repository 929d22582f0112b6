#!/usr/bin/env bats
# tag-entities on English text: names trimmed by English evidence, English dates and times,
# dotted abbreviations, products and works, the language of the values (--lang, --values).
# The name tests run the built-in model: the English evidence is there to correct it.
load common

TE() { "$BIN/tag-entities" "$@"; }

# inline_as OPTIONS... -- LINES EXPECTED: the sentences (one a line) tagged inline, the text column only.
inline_as() {
	local opts=()
	while [ "$1" != -- ]; do opts+=("$1"); shift; done
	printf '%s\n' "$2" > "$TMP/in"
	run --separate-stderr TE -f inline "${opts[@]}" "$TMP/in"
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	output=$(printf '%s\n' "$output" | cut -f4)
	check_output "$3"
}

@test "capitalised common words opening an English sentence are no names" {
	inline_as -- 'However, Neumann bought properties that he then leased back to the company.
Among the issues the office is examining is whether the founder indulged in self-dealing.
Fortunately, the house was sold before the storm.
Instead, Epstein flew to Paris to meet the prince.
Ironically, the results came out the same week.
Given the outcome, Schiff said the inquiry would go on.' \
	    'However, [PER Neumann] bought properties that he then leased back to the company.
Among the issues the office is examining is whether the founder indulged in self-dealing.
Fortunately, the house was sold before the storm.
Instead, [PER Epstein] flew to [LOC Paris] to meet the prince.
Ironically, the results came out the same week.
Given the outcome, [PER Schiff] said the inquiry would go on.'
}

@test "a headline's capitalised common words are no names; a person's name follows its titles" {
	inline_as -- 'Trump Says Impeachment Inquiry Is a Hoax as Hearings Begin
Kylie Jenner Sells Majority Stake in Her Cosmetics Line to Coty
Why Taylor Swift Is Fighting Her Old Label Over Her Music
Israeli Prime Minister Benjamin Netanyahu met Secretary Dominic Raab in London on Monday.' \
	    '[PER Trump] Says Impeachment Inquiry Is a Hoax as Hearings Begin
[PER Kylie Jenner] Sells Majority Stake in Her Cosmetics Line to [PER Coty]
Why [PER Taylor Swift] Is Fighting Her Old Label Over Her Music
Israeli Prime Minister [PER Benjamin Netanyahu] met Secretary [PER Dominic Raab] in [LOC London] on Monday.'
}

@test "English names stop at prepositions, days and dates; capitalised runs the model missed are names" {
	inline_as -- 'Researchers at the Massachusetts Institute of Technology in Boston built a new battery.
Shares will be listed on the London Stock Exchange next Monday, the bank said.
The concert at the Capital One Arena on May 3 was sold out.
Although the Federal Reserve cut rates, markets fell.' \
	    'Researchers at the [ORG Massachusetts Institute of Technology] in [LOC Boston] built a new battery.
Shares will be listed on the [ORG London Stock Exchange] next Monday, the bank said.
The concert at the [LOC Capital One Arena] on [DATE May 3] was sold out.
Although the [ORG Federal Reserve] cut rates, markets fell.'
}

@test "products, works and nationalities are no persons: after the, a title in quotes, a common word or a capital inside" {
	inline_as -- 'Fans bought the Nintendo Switch Lite and the new Pokemon Sword game.
Her album “Lover” was released by Big Machine Records, said Taylor Swift.
Regarding MagSafe, the company said nothing.
Meanwhile, "Killers of the Flower Moon," the film directed by Martin Scorsese, received 10 nominations.
Its star Lily Gladstone became the first Native American nominated for best actress.' \
	    'Fans bought the [ORG Nintendo Switch Lite] and the new [ORG Pokemon Sword] game.
Her album “Lover” was released by [ORG Big Machine Records], said [PER Taylor Swift].
Regarding [ORG MagSafe], the company said nothing.
Meanwhile, "Killers of the Flower Moon," the film directed by [PER Martin Scorsese], received [QUANTITY 10] nominations.
Its star [PER Lily Gladstone] became the first Native American nominated for best actress.'
}

@test "dotted abbreviations are kept whole (U.S., U.K., U.N.); a listed acronym matches only capitals (AS, not As)" {
	inline_as -- 'The U.N. said the aid would arrive.
As the talks went on, the U.S. and the U.K. signed the deal.' \
	    'The [ORG U.N.] said the aid would arrive.
As the talks went on, the [LOC U.S.] and the [LOC U.K.] signed the deal.'
	run --separate-stderr TE --no-model <<<'As the talks went on, the AS delegation left.'
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	check_output $'-\t1\t1\t26\t28\tLOC\tAS\tUnited States'
}

@test "English dates and times have ISO values: a month before its day, a.m. and p.m." {
	run --separate-stderr TE --no-model <<<'The vote is on Sept. 30 at 3 p.m., the rally on May 3 at 10:30 a.m.; it ended at 12 am, he said on November 20, 2019.'
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	check_output $'-\t1\t1\t15\t23\tDATE\tSept. 30\t--09-30
-\t1\t1\t27\t33\tTIME\t3 p.m.\t15:00
-\t1\t1\t48\t53\tDATE\tMay 3\t--05-03
-\t1\t1\t57\t67\tTIME\t10:30 a.m.\t10:30
-\t1\t1\t81\t86\tTIME\t12 am\t00:00
-\t1\t1\t99\t116\tDATE\tNovember 20, 2019\t2019-11-20'
}

@test "--values: countries valued in the text's language by default, in one language when asked" {
	printf '%s\n' 'The United States and China met in Germany.' 'Amerika Serikat dan Tiongkok bertemu di Jerman.' > "$TMP/in"
	run --separate-stderr TE --no-model --types LOC "$TMP/in"
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	check_output "$TMP/in"$'\t1\t1\t4\t17\tLOC\tUnited States\tUnited States
'"$TMP/in"$'\t1\t1\t22\t27\tLOC\tChina\tChina
'"$TMP/in"$'\t1\t1\t35\t42\tLOC\tGermany\tGermany
'"$TMP/in"$'\t2\t1\t0\t15\tLOC\tAmerika Serikat\tAmerika Serikat
'"$TMP/in"$'\t2\t1\t20\t28\tLOC\tTiongkok\tTiongkok
'"$TMP/in"$'\t2\t1\t40\t46\tLOC\tJerman\tJerman'
	run --separate-stderr TE --no-model --types LOC --values id "$TMP/in"
	[ "$status" -eq 0 ]
	[ "$(printf '%s\n' "$output" | cut -f8 | paste -sd,)" = 'Amerika Serikat,Tiongkok,Jerman,Amerika Serikat,Tiongkok,Jerman' ]
	run --separate-stderr TE --no-model --types LOC --values en "$TMP/in"
	[ "$status" -eq 0 ]
	[ "$(printf '%s\n' "$output" | cut -f8 | paste -sd,)" = 'United States,China,Germany,United States,China,Germany' ]
	# --lang id: the English sentence is read as Indonesian, so its values are too
	run --separate-stderr TE --no-model --types LOC --lang id "$TMP/in"
	[ "$status" -eq 0 ]
	[ "$(printf '%s\n' "$output" | cut -f8 | paste -sd,)" = 'Amerika Serikat,Tiongkok,Jerman,Amerika Serikat,Tiongkok,Jerman' ]
}

@test "--lang en: English evidence on a sentence without stopwords; --lang id: none" {
	inline_as --lang en -- 'However, Epstein flew to Paris.' 'However, [PER Epstein] flew to [LOC Paris].'
	inline_as --lang id -- 'Fortunately, the house was sold before the storm.' '[PER Fortunately], the house was sold before the storm.'
}

@test "a bad --lang or --values is a usage error (status 2, nothing on stdout)" {
	for bad in '--lang fr' '--values xx'; do
		# shellcheck disable=SC2086
		run --separate-stderr TE $bad </dev/null
		[ "$status" -eq 2 ]
		[ -z "$output" ]
		[ "${stderr_lines[0]}" = "tag-entities: ${bad% *}: unknown language: ${bad#* } (want auto, id or en)" ]
	done
}
