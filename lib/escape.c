/* Escaping and unescaping of text fields. */
#include <string.h>

#include "buf.h"
#include "escape.h"

const unsigned char escape_needed[256] = {
	['\\'] = 1, ['\t'] = 1, ['\n'] = 1, ['\r'] = 1,
};

void
escape_into(struct buf *out, const char *s, size_t n)
{
	const char *end = s + n;

	while (s < end) {
		const char *run = s;

		while (s < end && !escape_needed[(unsigned char)*s])
			s++;
		buf_add(out, run, (size_t)(s - run));
		if (s < end) {
			buf_addc(out, '\\');
			buf_addc(out, escape_letter(*s));
			s++;
		}
	}
}

size_t
unescape(char *s, size_t n)
{
	char *bs = memchr(s, '\\', n);
	size_t r, w;

	if (!bs)
		return n;
	for (r = w = (size_t)(bs - s); r < n; r++) {
		char c = s[r];

		if (c == '\\' && r + 1 < n) {
			char e = s[r + 1];
			char d = e == 't' ? '\t' : e == 'n' ? '\n' : e == 'r' ? '\r' : e == '\\' ? '\\' : 0;

			if (d) {
				s[w++] = d;
				r++;
				continue;
			}
		}
		s[w++] = c;
	}
	return w;
}
