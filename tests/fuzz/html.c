/*
 * Fuzz target: an HTML page through the renderer (lib/html.c) in two pieces,
 * with an HTTP charset hint chosen by the first byte, then classified: every
 * rendered line is non-empty valid UTF-8 without TAB, CR or LF, numbered in
 * order, and gets a class and a score.
 */
#include <stdlib.h>
#include <string.h>

#include "boilerplate.h"
#include "fuzzlib.h"
#include "html.h"
#include "mem.h"

static struct buf text;
static struct bp_line *lines;
static size_t nlines, cap;
static size_t *offs;

static void
on_line(void *ctx, const char *s, size_t len, const struct html_marks *m)
{
	struct html *h = ctx;

	if (len == 0 || !utf8_valid(s, len) || memchr(s, '\n', len) || memchr(s, '\t', len) ||
	    memchr(s, '\r', len) || m->linkchars > m->chars || h->lines != nlines + 1)
		abort();
	if (nlines == cap) {
		lines = xgrow(lines, &cap, nlines + 1, sizeof *lines);
		offs = xrealloc(offs, cap * sizeof *offs);
	}
	memset(&lines[nlines], 0, sizeof *lines);
	lines[nlines].len = len;
	lines[nlines].lineno = h->lines;
	lines[nlines].tags = m->tags;
	lines[nlines].chars = m->chars;
	lines[nlines].linkchars = m->linkchars;
	offs[nlines++] = text.len;
	buf_add(&text, s, len);
}

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	static const char *const charsets[] = { NULL, "windows-1252", "UTF-16LE", "shift_jis", "no-such" };
	static struct html h;

	if (size < 2)
		return 0;
	const char *charset = charsets[data[0] % 5];
	size_t cut = 1 + data[1] % (size - 1);

	text.len = nlines = 0;
	html_begin(&h, "http://example.com/2015/06/19/a", 31, charset, on_line, &h);
	html_feed(&h, (const char *)data + 1, cut - 1);
	html_feed(&h, (const char *)data + cut, size - cut);
	html_end(&h);
	for (size_t i = 0; i < nlines; i++)
		lines[i].text = text.data + offs[i];
	const char *title = pagemeta_get(&h.meta, "title");
	struct bp_page page = { pagemeta_get(&h.meta, "lang"), title, title ? strlen(title) : 0 };

	fuzz_bp_classify(lines, nlines, &page);
	return 0;
}
