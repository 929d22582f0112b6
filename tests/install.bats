#!/usr/bin/env bats
# make install: the four programs and their man pages, under DESTDIR and PREFIX.

load common

@test "make install honours DESTDIR and PREFIX" {
	run --separate-stderr make -s install DESTDIR="$TMP" PREFIX=/usr
	[ "$status" -eq 0 ]
	run find "$TMP" -type f
	sorted=$(printf '%s\n' "${lines[@]#$TMP}" | LC_ALL=C sort)
	[ "$sorted" = "/usr/bin/count-values
/usr/bin/split-sentences
/usr/bin/strip-boilerplate
/usr/bin/tag-entities
/usr/share/man/man1/count-values.1
/usr/share/man/man1/split-sentences.1
/usr/share/man/man1/strip-boilerplate.1
/usr/share/man/man1/tag-entities.1" ]
	# installed programs need nothing from the source tree
	run --separate-stderr bash -c "cd / && echo 'a' | '$TMP/usr/bin/count-values'"
	[ "$output" = $'1\ta' ]
}

@test "every man page renders, with the sections a reader looks for" {
	for f in strip-boilerplate split-sentences tag-entities count-values; do
		run --separate-stderr bash -c "MANWIDTH=80 man -l docs/$f.1 2>&1 | col -b"
		[ "$status" -eq 0 ]
		for section in NAME SYNOPSIS DESCRIPTION OPTIONS "EXIT STATUS" EXAMPLES "SEE ALSO"; do
			grep -q "^$section" <<<"$output" || { echo "$f.1: no $section" >&2; return 1; }
		done
	done
}
