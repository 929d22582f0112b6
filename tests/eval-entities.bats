#!/usr/bin/env bats
# scripts/eval-entities: page-level recall, precision and splits of the
# distinct PER/ORG/LOC values against a hand-made gold.

load common

CASES=tests/cases/eval-entities

@test "eval-entities: a tiny gold and fixed records give exact figures and errors" {
	run --separate-stderr scripts/eval-entities --errors --pred "$CASES/pred.tsv" "$CASES/tiny.id.tsv"
	[ "$status" -eq 0 ]
	[ "$stderr" = "" ]
	check_output "$(cat <<-'OUT'
	eval-entities: distinct PER/ORG/LOC values per page against a hand-made list; the records of tests/cases/eval-entities/pred.tsv
	page	gold	found	found-any	values	right	splits	recall	recall-any	precision
	a	4	2	3	7	5	1	0.500	0.750	0.714
	b	2	2	2	3	2	1	1.000	1.000	0.667
	d	2	2	2	3	2	0	1.000	1.000	0.667
	= tiny.id.tsv	8	6	7	13	9	2	0.750	0.875	0.692
	tiny.id: recall 0.750 (target 0.80); precision 0.692 (target 0.80); splits 2 of 8 (target 1 in 30): not met (mean of the pages: recall 0.833, precision 0.683)
	a	missed	PER Eko Prasetyanto
	a	type	LOC Bandung as ORG
	a	wrong	LOC Ayo
	a	wrong	PER Eko
	a	split	Joko Widodo | Jokowi
	b	wrong	PER Turner
	b	split	Mark Turner | Turner
	d	wrong	PER Hasan
	OUT
	)"
}

@test "eval-entities: a page runs through the whole pipeline, its DOC the gold's PAGE" {
	printf 'Presiden Joko Widodo tiba di Bandung, Jawa Barat, pada hari Senin untuk meresmikan jalan tol baru bersama para pejabat daerah.\n' >"$TMP/p.txt"
	printf '%s\tPER\tJoko Widodo\n%s\tLOC\tBandung\n%s\tLOC\tJawa Barat\n%s\tORG\tPT Jasa Marga\n' \
		"$TMP/p.txt" "$TMP/p.txt" "$TMP/p.txt" "$TMP/p.txt" >"$TMP/one.id.tsv"
	EVAL_TAG_OPTS_id=--no-model run --separate-stderr scripts/eval-entities "$TMP/one.id.tsv"
	[ "$status" -eq 0 ]
	[ "$stderr" = "" ]
	check_output "$(cat <<-'OUT'
	eval-entities: distinct PER/ORG/LOC values per page against a hand-made list; strip-boilerplate --lang L | split-sentences --lang L | tag-entities
	page	gold	found	found-any	values	right	splits	recall	recall-any	precision
	p	4	3	3	3	3	0	0.750	0.750	1.000
	= one.id.tsv	4	3	3	3	3	0	0.750	0.750	1.000
	one.id: recall 0.750 (target 0.80); precision 1.000 (target 0.80); splits 0 of 4 (target 1 in 30): not met (mean of the pages: recall 0.750, precision 1.000)
	OUT
	)"
}

@test "eval-entities: pages of ../shared are skipped when it is absent" {
	printf '../shared/data/x.txt\tPER\tJoko Widodo\n' >"$TMP/dev.en.tsv"
	EVAL_SHARED=$TMP/none run --separate-stderr scripts/eval-entities "$TMP/dev.en.tsv"
	[ "$status" -eq 0 ]
	[ "$stderr" = "" ]
	check_output "$(cat <<-OUT
	eval-entities: distinct PER/ORG/LOC values per page against a hand-made list; strip-boilerplate --lang L | split-sentences --lang L | tag-entities
	page	gold	found	found-any	values	right	splits	recall	recall-any	precision
	eval-entities: $TMP/dev.en.tsv: 1 pages skipped (no ../shared)
	OUT
	)"
}

@test "eval-entities: malformed gold lines and records are named, the rest is scored, status 1" {
	printf 'a.txt\tPERSON\tJoko Widodo\na.txt\tPER\n\na.txt\tLOC\tBandung\n' >"$TMP/bad.id.tsv"
	printf 'a.txt\t1\t1\t0\t7\tLOC\tBandung\tBandung\nnot a record\n' >"$TMP/pred.tsv"
	run --separate-stderr scripts/eval-entities --pred "$TMP/pred.tsv" "$TMP/bad.id.tsv"
	[ "$status" -eq 1 ]
	[ "$stderr" = "eval-entities: $TMP/pred.tsv:2: not a tag-entities record of 8 fields
eval-entities: $TMP/bad.id.tsv:1: not PAGE TAB TYPE TAB VALUE [TAB ALT...] with TYPE PER, ORG or LOC: a.txt	PERSON	Joko Widodo
eval-entities: $TMP/bad.id.tsv:2: not PAGE TAB TYPE TAB VALUE [TAB ALT...] with TYPE PER, ORG or LOC: a.txt	PER" ]
	[ "${lines[2]}" = "a	1	1	1	1	1	0	1.000	1.000	1.000" ]
}

@test "eval-entities: a gold file not named SET.LANG.tsv and an unknown option are errors" {
	printf 'a.txt\tLOC\tBandung\n' >"$TMP/gold.tsv"
	run --separate-stderr scripts/eval-entities --pred /dev/null "$TMP/gold.tsv"
	[ "$status" -eq 1 ]
	[ "$stderr" = "eval-entities: $TMP/gold.tsv: the file name is not SET.LANG.tsv" ]
	run --separate-stderr scripts/eval-entities --bogus
	[ "$status" -eq 2 ]
	[ "$output" = "" ]
	[ "${stderr%%$'\n'*}" = "eval-entities: unknown option --bogus" ]
}

@test "eval-entities: the sets of one language are summed" {
	printf 'b.txt\tLOC\tJakarta\nb.txt\tLOC\tBandung\n' >"$TMP/other.id.tsv"
	run --separate-stderr scripts/eval-entities --pred "$CASES/pred.tsv" "$CASES/tiny.id.tsv" "$TMP/other.id.tsv"
	[ "$status" -eq 0 ]
	[ "$stderr" = "" ]
	[ "${lines[6]}" = "b	2	1	1	3	1	0	0.500	0.500	0.333" ]
	[ "${lines[7]}" = "= other.id.tsv	2	1	1	3	1	0	0.500	0.500	0.333" ]
	[ "${lines[8]}" = "= all id	10	7	8	16	10	2	0.700	0.800	0.625" ]
	[ "${lines[10]}" = "other.id: recall 0.500 (target 0.80); precision 0.333 (target 0.80); splits 0 of 2 (target 1 in 30): not met (mean of the pages: recall 0.500, precision 0.333)" ]
}

@test "eval-entities: an unreadable gold or prediction file is named, status 1; --pred without FILE is bad usage" {
	run --separate-stderr scripts/eval-entities --pred "$TMP/none.tsv" "$CASES/tiny.id.tsv"
	[ "$status" -eq 1 ]
	[ "$stderr" = "eval-entities: $TMP/none.tsv: No such file or directory" ]
	[ "${lines[2]}" = "a	4	0	0	0	0	0	0.000	0.000	-" ]
	run --separate-stderr scripts/eval-entities --pred "$CASES/pred.tsv" "$TMP/none.id.tsv" "$CASES/tiny.id.tsv"
	[ "$status" -eq 1 ]
	[ "$stderr" = "eval-entities: $TMP/none.id.tsv: No such file or directory" ]
	[ "${lines[2]}" = "a	4	2	3	7	5	1	0.500	0.750	0.714" ]
	run --separate-stderr scripts/eval-entities --pred
	[ "$status" -eq 2 ]
	[ "$output" = "" ]
	[ "$stderr" = "eval-entities: --pred needs a FILE
usage: scripts/eval-entities [--errors] [--pred FILE] [GOLD.tsv...]" ]
}

@test "eval-entities: the gold of tests/entity-gold is well formed and its pages of the repository exist" {
	run --separate-stderr scripts/eval-entities --pred /dev/null
	[ "$status" -eq 0 ]
	[ "$stderr" = "" ]
	missing=$(grep -hv '^#' tests/entity-gold/*.tsv | cut -f1 | grep -v '^\.\./shared/' | sort -u |
		while read -r page; do [ -z "$page" ] || [ -f "$page" ] || echo "$page"; done)
	[ "$missing" = "" ]
}
