/*
 * Fuzz target: page metadata from an HTML parser's events.  Each line is an
 * event (b URL, s TAG<TAB>NAME<TAB>VALUE..., t TEXT, e TAG, f) and a date to
 * read; every date written has one of the two shapes, a title is valid UTF-8
 * of at most 1,000 bytes, a lang two or three lower-case letters.
 */
#include <stdlib.h>
#include <string.h>

#include "fuzzlib.h"
#include "pagemeta.h"

static void
check_date(const char *d, size_t n)
{
	static const char shape[] = "dddd-dd-ddTdd:dd:dd+dd:dd";

	if (n != 10 && n != 25)
		abort();
	for (size_t i = 0; i < n; i++) {
		char c = shape[i];

		if (c == 'd' ? (d[i] < '0' || d[i] > '9') : c == '+' ? (d[i] != '+' && d[i] != '-') : d[i] != c)
			abort();
	}
}

static void
check_page(const struct pagemeta *m)
{
	const char *title = pagemeta_get(m, "title"), *date = pagemeta_get(m, "date");
	const char *lang = pagemeta_get(m, "lang");

	if (title && (strlen(title) > PAGEMETA_TITLE_MAX || !utf8_valid(title, strlen(title))))
		abort();
	if (date)
		check_date(date, strlen(date));
	if (lang && (strlen(lang) < 2 || strlen(lang) > 3 || strspn(lang, "abcdefghijklmnopqrstuvwxyz") != strlen(lang)))
		abort();
}

/* One event: its fields (NUL-ended, in copy) after the letter that names it. */
static void
event(struct pagemeta *m, char *s, size_t n)
{
	const char *attrs[33];
	char *f[34];
	size_t nf = 0, k;

	for (char *p = s + 1; nf < 34;) {
		char *tab = memchr(p, '\t', (size_t)(s + n - p));

		f[nf++] = p;
		if (!tab)
			break;
		*tab = '\0';
		p = tab + 1;
	}
	switch (s[0]) {
	case 'b':
		pagemeta_begin(m, s + 1, n - 1);
		break;
	case 's':
		k = 0;
		for (size_t i = 1; i < nf && k < 32; i++)
			attrs[k++] = i % 2 == 0 && strcmp(f[i], "(null)") == 0 ? NULL : f[i];
		attrs[k - k % 2] = NULL;	/* names and values in pairs */
		pagemeta_start(m, f[0], attrs);
		break;
	case 't':
		pagemeta_text(m, s + 1, n - 1);
		break;
	case 'e':
		pagemeta_end(m, f[0]);
		break;
	case 'f':
		pagemeta_finish(m);
		check_page(m);
		break;
	}
}

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	static struct buf text, copy;
	static struct pagemeta m;
	struct line ln;
	size_t pos = 0;
	char date[64];
	size_t n;

	fuzz_text(&text, data, size);
	pagemeta_begin(&m, NULL, 0);
	while (fuzz_line(&text, &pos, &ln)) {
		if ((n = pagemeta_date(ln.data, ln.len, date)) != 0)
			check_date(date, n);
		if ((n = pagemeta_url_date(ln.data, ln.len, date)) != 0)
			check_date(date, n);
		if (ln.len == 0)
			continue;
		copy.len = 0;
		buf_add(&copy, ln.data, ln.len);
		buf_addc(&copy, '\0');
		event(&m, copy.data, ln.len);
	}
	pagemeta_finish(&m);
	check_page(&m);
	return 0;
}
