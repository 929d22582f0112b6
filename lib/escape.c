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
	for (size_t i = 0; i < n; i++) {
		if (escape_needed[(unsigned char)s[i]]) {
			buf_addc(out, '\\');
			buf_addc(out, escape_letter(s[i]));
		} else
			buf_addc(out, s[i]);
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
