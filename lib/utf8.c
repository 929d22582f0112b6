/* UTF-8 validation (ASCII fast path, utf8proc for the rest) and repair. */
#include <stdint.h>
#include <string.h>
#include <utf8proc.h>

#include "buf.h"
#include "utf8.h"

/* Length of the valid sequence at s, or 0 if invalid. */
static size_t
valid_at(const char *s, size_t n)
{
	utf8proc_int32_t cp;
	utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &cp);

	return k > 0 ? (size_t)k : 0;
}

/* Length of the leading run that is valid UTF-8. */
static size_t
valid_prefix(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		if (i + 8 <= n) {
			uint64_t w;

			memcpy(&w, s + i, 8);
			if (!(w & 0x8080808080808080ULL)) {
				i += 8;
				continue;
			}
		}
		if (!((unsigned char)s[i] & 0x80)) {
			i++;
			continue;
		}
		size_t k = valid_at(s + i, n - i);

		if (!k)
			return i;
		i += k;
	}
	return n;
}

int
utf8_valid(const char *s, size_t n)
{
	return valid_prefix(s, n) == n;
}

size_t
utf8_repair(struct buf *out, const char *s, size_t n)
{
	static const char replacement[] = "\xEF\xBF\xBD";
	size_t bad = 0;

	while (n > 0) {
		size_t ok = valid_prefix(s, n);

		buf_add(out, s, ok);
		s += ok;
		n -= ok;
		if (n == 0)
			break;
		/* Skip one invalid lead byte and the continuation bytes that follow it. */
		size_t skip = 1;

		while (skip < n && skip < 4 && ((unsigned char)s[skip] & 0xC0) == 0x80)
			skip++;
		buf_add(out, replacement, 3);
		bad++;
		s += skip;
		n -= skip;
	}
	return bad;
}

size_t
utf8_cut(const char *s, size_t n, size_t max)
{
	if (n <= max)
		return n;
	/* Back off continuation bytes: the cut falls before the character they belong to. */
	while (max > 0 && ((unsigned char)s[max] & 0xc0) == 0x80)
		max--;
	return max;
}
