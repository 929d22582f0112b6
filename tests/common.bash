# Shared by every test file: where the programs are, a scratch directory.
bats_require_minimum_version 1.5.0

BIN=${BIN:-bin}
export LC_ALL=C.UTF-8

setup() {
	TMP=$(mktemp -d)
}

teardown() {
	rm -rf "$TMP"
}

# property_seeds: the seeds of a property test, 1 to 20; 1 to 5 under the
# sanitizers (KABAR_SANITIZED), where each run costs ten times more and the
# paths are those of the first seeds.
property_seeds() {
	seq 1 "$([ -n "${KABAR_SANITIZED:-}" ] && echo 5 || echo 20)"
}

# libcheck_says EXPECTED ARGS...: libcheck ARGS... ends well, quietly, its
# stdout exactly EXPECTED.
libcheck_says() {
	local want=$1
	shift
	run --separate-stderr "$BIN/libcheck" "$@"
	[ "$status" -eq 0 ]
	[ "$stderr" = "" ]
	check_output "$want"
}

# check_output EXPECTED: stdout is exactly EXPECTED, with a readable diff if not.
check_output() {
	if [ "$output" != "$1" ]; then
		diff -u <(printf '%s\n' "$1") <(printf '%s\n' "$output") >&2 || true
		return 1
	fi
}
