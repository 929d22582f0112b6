/* WARC/WET records: headers, HTTP headers of responses, the text. */
#include <string.h>
#include <strings.h>

#include "warc.h"

enum { HEADER, HTTP_MAYBE, HTTP, TEXT, SKIPPED };

int
warc_magic(const char *s, size_t len)
{
	return len == 8 && (memcmp(s, "WARC/1.0", 8) == 0 || memcmp(s, "WARC/1.1", 8) == 0);
}

void
warc_start(struct warc *w)
{
	w->state = SKIPPED;
	w->blank = 1;
	w->wanted = 0;
	w->uri.len = 0;
	w->lineno = 0;
}

static int
is_blank(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
			return 0;
	return 1;
}

/* The value of header NAME in line s, or NULL. */
static const char *
header(const char *s, size_t len, const char *name, size_t *vlen)
{
	size_t n = strlen(name);

	if (len <= n || strncasecmp(s, name, n) != 0 || s[n] != ':')
		return NULL;
	s += n + 1;
	len -= n + 1;
	while (len && (*s == ' ' || *s == '\t'))
		s++, len--;
	while (len && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	*vlen = len;
	return s;
}

enum warc_event
warc_line(struct warc *w, const char *s, size_t len)
{
	int blank = is_blank(s, len), was_blank = w->blank;
	const char *v;
	size_t vlen;

	w->blank = blank;
	if (was_blank && warc_magic(s, len)) {
		w->state = HEADER;
		w->wanted = 0;
		w->uri.len = 0;
		w->lineno = 0;
		return WARC_RECORD;
	}
	switch (w->state) {
	case HEADER:
		if (blank) {
			w->state = w->wanted ? HTTP_MAYBE : SKIPPED;
			if (!w->wanted)
				return WARC_SKIP;
			w->blank = 0;	/* a blank first text line is not a record end */
			return WARC_BEGIN;
		}
		if ((v = header(s, len, "WARC-Type", &vlen)))
			w->wanted = (vlen == 10 && strncmp(v, "conversion", 10) == 0) ||
			    (vlen == 8 && strncmp(v, "response", 8) == 0);
		else if ((v = header(s, len, "WARC-Target-URI", &vlen))) {
			w->uri.len = 0;
			buf_add(&w->uri, v, vlen);
		}
		return WARC_SKIP;
	case HTTP_MAYBE:
		if (len >= 5 && memcmp(s, "HTTP/", 5) == 0) {
			w->state = HTTP;
			return WARC_SKIP;
		}
		w->state = TEXT;
		break;
	case HTTP:
		if (blank)
			w->state = TEXT;
		return WARC_SKIP;
	case TEXT:
		break;
	default:
		return WARC_SKIP;
	}
	w->lineno++;
	return WARC_TEXT;
}

void
warc_free(struct warc *w)
{
	buf_free(&w->uri);
}
