/* The url, title, publication date and language of an HTML page, from its parser's events. */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "out.h"
#include "pagemeta.h"
#include "utf8.h"

#define URL_MAX 8192		/* a longer canonical URL is no URL: it is dropped, not cut */
#define DATE_MAX 100		/* a longer date value is no date */
#define DATE_LEN 32		/* room for YYYY-MM-DDThh:mm:ss+hh:mm and its NUL */

/* The trust of each source of a date, best first (the order). */
enum {
	DATE_META_PUBLISHED,	/* article:published_time, itemprop datePublished */
	DATE_META_PUBLISH,	/* other names that say publish, pubdate, issued, release */
	DATE_META_PLAIN,	/* date, DC.date, sailthru.date, dateCreated */
	DATE_JSONLD,
	DATE_TIME_PUBDATE,	/* <time pubdate datetime> */
	DATE_TIME,		/* the first other <time datetime> */
	DATE_URL
};

static const char *const field_names[PAGEMETA_NFIELDS] = { "url", "title", "date", "lang" };

static int
is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static int
is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

static int
is_alpha(unsigned char c)
{
	return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

/* s[0..n) without the white space around it. */
static const char *
trim(const char *s, size_t *n)
{
	while (*n && is_space((unsigned char)s[0]))
		s++, (*n)--;
	while (*n && is_space((unsigned char)s[*n - 1]))
		(*n)--;
	return s;
}

/* Where attribute name is in attrs (its name; its value follows), or -1. */
static long
attr_index(const char **attrs, const char *name)
{
	for (size_t i = 0; attrs && attrs[i]; i += 2)
		if (strcasecmp(attrs[i], name) == 0)
			return (long)i;
	return -1;
}

/* The value of attribute name, or NULL (also for an attribute written without value). */
static const char *
attr(const char **attrs, const char *name)
{
	long i = attr_index(attrs, name);

	return i < 0 ? NULL : attrs[i + 1];
}

/* Is word one of the white-space separated tokens of list (rel, itemprop)? */
static int
has_token(const char *list, const char *word)
{
	size_t wn = strlen(word);

	for (const char *p = list; p && *p;) {
		while (is_space((unsigned char)*p))
			p++;
		size_t n = 0;

		while (p[n] && !is_space((unsigned char)p[n]))
			n++;
		if (n == wn && strncasecmp(p, word, n) == 0)
			return 1;
		p += n;
	}
	return 0;
}

/* Keep s as the field's value unless a source as trusted or more gave one already. */
static void
offer(struct pagemeta_value *v, int rank, const char *s, size_t n)
{
	if (n == 0 || (v->set && v->rank <= rank))
		return;
	v->text.len = 0;
	buf_add(&v->text, s, n);
	buf_addc(&v->text, '\0');
	v->text.len--;
	v->rank = rank;
	v->set = 1;
}

/* Append s to b with runs of white space (no-break spaces too) as one space, up to max bytes. */
static void
fold_into(struct buf *b, const char *s, size_t n, size_t max)
{
	for (size_t i = 0; i < n && b->len < max; i++) {
		unsigned char c = (unsigned char)s[i];
		int nbsp = c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0;

		if (is_space(c) || nbsp) {
			if (b->len && b->data[b->len - 1] != ' ')
				buf_addc(b, ' ');
			i += nbsp;
		} else
			buf_addc(b, (char)c);
	}
}

/* A title: white space folded, cut at PAGEMETA_TITLE_MAX bytes on a character boundary. */
static void
offer_title(struct pagemeta *m, int rank, const char *s, size_t n)
{
	struct pagemeta_value *v = &m->field[PAGEMETA_TITLE];
	struct buf folded = { 0 };

	if (v->set && v->rank <= rank)
		return;
	fold_into(&folded, s, n, PAGEMETA_TITLE_MAX + 1);
	n = folded.len;
	const char *t = trim(folded.data, &n);

	offer(v, rank, t, utf8_cut(t, n, PAGEMETA_TITLE_MAX));
	buf_free(&folded);
}

static void
offer_date(struct pagemeta *m, int rank, const char *s, size_t n)
{
	char date[DATE_LEN];

	if (s && !(m->field[PAGEMETA_DATE].set && m->field[PAGEMETA_DATE].rank <= rank))
		offer(&m->field[PAGEMETA_DATE], rank, date, pagemeta_date(s, n, date));
}

/* The primary subtag of a language tag (en-US, id_ID, "id, en"), lower case. */
static void
offer_lang(struct pagemeta *m, int rank, const char *s)
{
	char lang[4];
	size_t n = 0;

	if (!s)
		return;
	while (is_space((unsigned char)*s))
		s++;
	while (n < 4 && is_alpha((unsigned char)s[n])) {
		lang[n] = (char)(s[n] | 0x20);
		n++;
	}
	if (n >= 2 && n <= 3 && !is_alpha((unsigned char)s[n]))
		offer(&m->field[PAGEMETA_LANG], rank, lang, n);
}

/* The length of the scheme and "://" that start an absolute URL, or 0. */
static size_t
scheme_len(const char *s, size_t n)
{
	size_t i = 0;

	if (n == 0 || !is_alpha((unsigned char)s[0]))
		return 0;
	while (i < n && (is_alpha((unsigned char)s[i]) || is_digit((unsigned char)s[i]) ||
	    s[i] == '+' || s[i] == '-' || s[i] == '.'))
		i++;
	return n - i >= 3 && memcmp(s + i, "://", 3) == 0 ? i + 3 : 0;
}

/* href made absolute against the page's url ("//host/x" and "/x" need an absolute page url). */
static void
offer_url(struct pagemeta *m, int rank, const char *href)
{
	const struct buf *page = &m->page;
	struct buf url = { 0 };
	size_t n = href ? strlen(href) : 0;
	size_t scheme = scheme_len(page->data, page->len);

	href = trim(href, &n);
	if (n == 0 || n > URL_MAX)
		return;
	if (scheme_len(href, n))
		;
	else if (scheme && n > 1 && href[0] == '/' && href[1] == '/')
		buf_add(&url, page->data, scheme - 2);	/* the page's scheme and ':' */
	else if (scheme && href[0] == '/') {
		const char *path = memchr(page->data + scheme, '/', page->len - scheme);

		buf_add(&url, page->data, path ? (size_t)(path - page->data) : page->len);
	} else
		return;
	buf_add(&url, href, n);
	offer(&m->field[PAGEMETA_URL], rank, url.data, url.len);
	buf_free(&url);
}

/* The trust of a meta name (name, property or itemprop) as a publication date; -1 if none. */
static int
date_name_rank(const char *name)
{
	static const char *const published[] = {
		"article:published_time", "og:published_time", "datepublished", NULL
	};
	static const char *const plain[] = {
		"date", "pdate", "dc.date", "dcterms.date", "sailthru.date", "datecreated",
		"dc.date.created", "dcterms.created", NULL
	};
	static const char *const publish[] = { "publish", "pubdate", "pub_date", "pub-date", "issued", "release" };
	static const char *const later[] = { "modif", "updat", "expir", "edit" };

	for (size_t i = 0; published[i]; i++)
		if (strcasecmp(name, published[i]) == 0)
			return DATE_META_PUBLISHED;
	for (size_t i = 0; plain[i]; i++)
		if (strcasecmp(name, plain[i]) == 0)
			return DATE_META_PLAIN;
	for (size_t i = 0; i < sizeof later / sizeof *later; i++)
		if (strcasestr(name, later[i]))
			return -1;
	for (size_t i = 0; i < sizeof publish / sizeof *publish; i++)
		if (strcasestr(name, publish[i]))
			return DATE_META_PUBLISH;
	return -1;
}

/* The best trust of the itemprop tokens as a publication date; -1 if none. */
static int
itemprop_date_rank(const char *itemprop)
{
	int best = -1;
	char word[64];

	for (const char *p = itemprop; p && *p;) {
		size_t n = 0;

		while (is_space((unsigned char)*p))
			p++;
		while (p[n] && !is_space((unsigned char)p[n]))
			n++;
		if (n > 0 && n < sizeof word) {
			memcpy(word, p, n);
			word[n] = '\0';
			int r = date_name_rank(word);

			if (r >= 0 && (best < 0 || r < best))
				best = r;
		}
		p += n;
	}
	return best;
}

/* A <meta> named name (its property or name): og:title, og:url, og:locale, and the date names. */
static void
meta_name(struct pagemeta *m, const char *name, const char *content)
{
	int rank;

	if (strcasecmp(name, "og:title") == 0)
		offer_title(m, 0, content, strlen(content));
	else if (strcasecmp(name, "og:url") == 0)
		offer_url(m, 1, content);
	else if (strcasecmp(name, "og:locale") == 0)
		offer_lang(m, 1, content);
	else if ((rank = date_name_rank(name)) >= 0)
		offer_date(m, rank, content, strlen(content));
}

static void
meta_tag(struct pagemeta *m, const char **attrs)
{
	const char *content = attr(attrs, "content");
	const char *property = attr(attrs, "property"), *name = attr(attrs, "name");
	const char *equiv = attr(attrs, "http-equiv");

	if (!content)
		return;
	if (property)
		meta_name(m, property, content);
	if (name)
		meta_name(m, name, content);
	if (equiv && strcasecmp(equiv, "content-language") == 0)
		offer_lang(m, 1, content);
}

/* The value of "datePublished" in JSON-LD: the first key of that name with a string that is a date. */
static void
jsonld_date(struct pagemeta *m, const char *s, size_t n)
{
	static const char key[] = "\"datePublished\"";
	const char *end = s + n, *p = s;

	while ((p = memmem(p, (size_t)(end - p), key, sizeof key - 1))) {
		const char *q = p + sizeof key - 1;
		char value[DATE_MAX];
		size_t len = 0;

		p = q;
		while (q < end && is_space((unsigned char)*q))
			q++;
		if (q == end || *q++ != ':')
			continue;
		while (q < end && (is_space((unsigned char)*q) || *q == '['))
			q++;
		if (q == end || *q++ != '"')
			continue;
		for (; q < end && *q != '"' && len < sizeof value; q++) {
			if (*q == '\\' && q + 1 < end)
				q++;
			value[len++] = *q;
		}
		if (q < end && *q == '"')
			offer_date(m, DATE_JSONLD, value, len);
		if (m->field[PAGEMETA_DATE].set && m->field[PAGEMETA_DATE].rank <= DATE_JSONLD)
			return;
	}
}

void
pagemeta_begin(struct pagemeta *m, const char *url, size_t urllen)
{
	for (int i = 0; i < PAGEMETA_NFIELDS; i++)
		m->field[i].set = 0;
	m->page.len = 0;
	buf_add(&m->page, url, urllen);
	buf_addc(&m->page, '\0');
	m->page.len--;
	m->text.len = 0;
	m->in = PAGEMETA_NOWHERE;
	m->seen_title = m->seen_h1 = 0;
	m->svg = 0;
}

/* Read the character data of this element, of tag, until it ends. */
static void
start_reading(struct pagemeta *m, int what, const char *tag, int rank)
{
	m->in = what;
	m->rank = rank;
	m->nested = 0;
	snprintf(m->tag, sizeof m->tag, "%s", tag);
	m->text.len = 0;
}

/* The date of a <time> or a microdata element: its attribute, else its text. */
static void
element_date(struct pagemeta *m, const char *tag, const char *value, int rank)
{
	if (value)
		offer_date(m, rank, value, strlen(value));
	else if (m->in == PAGEMETA_NOWHERE && !(m->field[PAGEMETA_DATE].set && m->field[PAGEMETA_DATE].rank <= rank))
		start_reading(m, PAGEMETA_IN_DATE, tag, rank);
}

/* What an element says of the page through its microdata (itemprop). */
static void
microdata(struct pagemeta *m, const char *tag, const char **attrs, const char *itemprop)
{
	int rank = itemprop_date_rank(itemprop);
	const char *value = attr(attrs, "content");

	if (!value)
		value = attr(attrs, "datetime");
	if (rank >= 0)
		element_date(m, tag, value, rank);
	if (has_token(itemprop, "inLanguage"))
		offer_lang(m, 1, value);
}

void
pagemeta_start(struct pagemeta *m, const char *tag, const char **attrs)
{
	const char *itemprop = attr(attrs, "itemprop");

	if (m->in != PAGEMETA_NOWHERE && strncmp(tag, m->tag, sizeof m->tag - 1) == 0)
		m->nested++;
	if (strcmp(tag, "svg") == 0)
		m->svg++;
	else if (strcmp(tag, "br") == 0 && m->in != PAGEMETA_NOWHERE)
		pagemeta_text(m, " ", 1);
	else if (strcmp(tag, "html") == 0) {
		offer_lang(m, 0, attr(attrs, "lang"));
		offer_lang(m, 0, attr(attrs, "xml:lang"));
	} else if (strcmp(tag, "meta") == 0)
		meta_tag(m, attrs);
	else if (strcmp(tag, "link") == 0 && has_token(attr(attrs, "rel"), "canonical"))
		offer_url(m, 0, attr(attrs, "href"));
	else if (strcmp(tag, "time") == 0 && !itemprop)
		element_date(m, tag, attr(attrs, "datetime"),
		    attr_index(attrs, "pubdate") >= 0 ? DATE_TIME_PUBDATE : DATE_TIME);
	else if (m->in == PAGEMETA_NOWHERE) {
		const char *type = attr(attrs, "type");
		size_t tn = type ? strlen(type) : 0;

		if (type)
			type = trim(type, &tn);
		if (strcmp(tag, "title") == 0 && !m->seen_title && m->svg == 0)
			start_reading(m, PAGEMETA_IN_TITLE, tag, 1);
		else if (strcmp(tag, "h1") == 0 && !m->seen_h1)
			start_reading(m, PAGEMETA_IN_H1, tag, 2);
		else if (strcmp(tag, "script") == 0 && tn == 19 && strncasecmp(type, "application/ld+json", tn) == 0)
			start_reading(m, PAGEMETA_IN_JSONLD, tag, DATE_JSONLD);
	}
	if (itemprop)
		microdata(m, tag, attrs, itemprop);
}

void
pagemeta_text(struct pagemeta *m, const char *s, size_t n)
{
	if (m->in == PAGEMETA_IN_JSONLD) {
		if (n > PAGEMETA_JSONLD_MAX - m->text.len)
			n = PAGEMETA_JSONLD_MAX - m->text.len;
		buf_add(&m->text, s, n);
	} else if (m->in == PAGEMETA_IN_DATE)
		fold_into(&m->text, s, n, DATE_MAX + 1);
	else if (m->in != PAGEMETA_NOWHERE)
		fold_into(&m->text, s, n, PAGEMETA_TITLE_MAX + 1);
}

/* The element read ends (or the page, with it still open). */
static void
end_reading(struct pagemeta *m)
{
	switch (m->in) {
	case PAGEMETA_IN_TITLE:
		offer_title(m, m->rank, m->text.data, m->text.len);
		m->seen_title = 1;
		break;
	case PAGEMETA_IN_H1:
		offer_title(m, m->rank, m->text.data, m->text.len);
		m->seen_h1 = 1;
		break;
	case PAGEMETA_IN_JSONLD:
		jsonld_date(m, m->text.data, m->text.len);
		break;
	case PAGEMETA_IN_DATE:
		offer_date(m, m->rank, m->text.data, m->text.len);
		break;
	case PAGEMETA_NOWHERE:
		break;
	}
	m->in = PAGEMETA_NOWHERE;
	m->text.len = 0;
}

void
pagemeta_end(struct pagemeta *m, const char *tag)
{
	if (strcmp(tag, "svg") == 0 && m->svg > 0)
		m->svg--;
	if (m->in == PAGEMETA_NOWHERE || strncmp(tag, m->tag, sizeof m->tag - 1) != 0)
		return;
	if (m->nested > 0)
		m->nested--;
	else
		end_reading(m);
}

void
pagemeta_finish(struct pagemeta *m)
{
	struct pagemeta_value *url = &m->field[PAGEMETA_URL];
	char date[DATE_LEN];

	end_reading(m);
	if (scheme_len(m->page.data, m->page.len))
		offer(url, 2, m->page.data, m->page.len);
	if (url->set)
		offer(&m->field[PAGEMETA_DATE], DATE_URL, date, pagemeta_url_date(url->text.data, url->text.len, date));
	offer(&m->field[PAGEMETA_DATE], DATE_URL, date, pagemeta_url_date(m->page.data, m->page.len, date));
}

const char *
pagemeta_get(const struct pagemeta *m, const char *field)
{
	for (int i = 0; i < PAGEMETA_NFIELDS; i++)
		if (strcmp(field, field_names[i]) == 0)
			return m->field[i].set ? m->field[i].text.data : NULL;
	return NULL;
}

void
pagemeta_write(const struct pagemeta *m, const char *doc, size_t doclen)
{
	for (int i = 0; i < PAGEMETA_NFIELDS; i++) {
		if (!m->field[i].set)
			continue;
		out_escaped(doc, doclen);
		out_char('\t');
		out_str(field_names[i]);
		out_char('\t');
		out_escaped(m->field[i].text.data, m->field[i].text.len);
		out_char('\n');
	}
}

void
pagemeta_free(struct pagemeta *m)
{
	for (int i = 0; i < PAGEMETA_NFIELDS; i++)
		buf_free(&m->field[i].text);
	buf_free(&m->page);
	buf_free(&m->text);
}

/* Dates. */

static int
leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* A day that exists, of a year that can date a page (1900-2099; from 1990 in a URL). */
static int
valid_date(int y, int mo, int d, int first_year)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	return y >= first_year && y <= 2099 && mo >= 1 && mo <= 12 && d >= 1 &&
	    d <= days[mo - 1] + (mo == 2 && leap(y));
}

/* The number written in the n digits at s (n small), or -1 if one is no digit. */
static int
digits(const char *s, size_t n)
{
	int v = 0;

	for (size_t i = 0; i < n; i++) {
		if (!is_digit((unsigned char)s[i]))
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

static size_t
digit_run(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n && is_digit((unsigned char)s[i]))
		i++;
	return i;
}

/* What a date value says; zone in minutes east of UTC, valid when has_zone. */
struct when {
	int y, mo, d, h, mi, s, zone;
	int has_time, has_zone;
};

static size_t
when_format(const struct when *w, char *out)
{
	int z = w->zone < 0 ? -w->zone : w->zone;

	if (!valid_date(w->y, w->mo, w->d, 1900))
		return 0;
	if (w->has_time && (w->h > 23 || w->mi > 59 || w->s > 60))
		return 0;
	if (!w->has_time || !w->has_zone)
		return (size_t)snprintf(out, DATE_LEN, "%04d-%02d-%02d", w->y, w->mo, w->d);
	if (z > 14 * 60)
		return 0;
	return (size_t)snprintf(out, DATE_LEN, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d",
	    w->y, w->mo, w->d, w->h, w->mi, w->s, w->zone < 0 ? '-' : '+', z / 60, z % 60);
}

/* hh:mm[:ss[.fff]] at s (hh.mm too when sep is '.'); the bytes read, 0 if none. */
static size_t
parse_time(const char *s, size_t n, struct when *w, char sep)
{
	size_t i = 0, hn = digit_run(s, n);

	if (hn < 1 || hn > 2 || hn + 3 > n || (s[hn] != ':' && s[hn] != sep) ||
	    digit_run(s + hn + 1, n - hn - 1) != 2)
		return 0;
	w->h = digits(s, hn);
	w->mi = digits(s + hn + 1, 2);
	w->s = 0;
	i = hn + 3;
	if (i + 3 <= n && s[i] == ':' && digit_run(s + i + 1, n - i - 1) == 2) {
		w->s = digits(s + i + 1, 2);
		i += 3;
		if (i < n && (s[i] == '.' || s[i] == ','))
			i += 1 + digit_run(s + i + 1, n - i - 1);
	}
	w->has_time = 1;
	return i;
}

/* +hh:mm, +hhmm or +hh at s; the bytes read, 0 if none. */
static size_t
parse_offset(const char *s, size_t n, struct when *w)
{
	size_t hn = n > 1 ? digit_run(s + 1, n - 1) : 0;
	int h, mi = 0;

	if (n < 3 || (s[0] != '+' && s[0] != '-'))
		return 0;
	if (hn == 4) {
		h = digits(s + 1, 2);
		mi = digits(s + 3, 2);
	} else if (hn == 2 && n >= 6 && s[3] == ':' && digit_run(s + 4, n - 4) == 2) {
		h = digits(s + 1, 2);
		mi = digits(s + 4, 2);
		hn = 5;
	} else if (hn == 2 || hn == 1)
		h = digits(s + 1, hn);
	else
		return 0;
	if (mi > 59)
		h = 99;	/* an impossible zone: when_format rejects it */
	w->zone = (s[0] == '-' ? -1 : 1) * (h * 60 + mi);
	w->has_zone = 1;
	return 1 + hn;
}

/* A zone's name: the minutes east of UTC, or -1 if word names no zone we know. */
static int
zone_minutes(const char *word)
{
	static const struct { const char *name; int minutes; } zones[] = {
		{ "z", 0 }, { "utc", 0 }, { "gmt", 0 }, { "wib", 7 * 60 }, { "wita", 8 * 60 }, { "wit", 9 * 60 },
	};

	for (size_t i = 0; i < sizeof zones / sizeof *zones; i++)
		if (strcmp(word, zones[i].name) == 0)
			return zones[i].minutes;
	return -1;
}

/* ISO 8601 and its near forms: 2015-06-19, 2015/06/19, 20150619, then [T ]hh:mm[:ss][.fff][Z|+hh:mm]. */
static size_t
iso_date(const char *s, size_t n, char *out)
{
	struct when w = { 0 };
	size_t i, run = digit_run(s, n);

	if (run == 8) {
		w.y = digits(s, 4);
		w.mo = digits(s + 4, 2);
		w.d = digits(s + 6, 2);
		i = 8;
	} else {
		char sep = run == 4 && n > 4 ? s[4] : 0;
		size_t mn = sep == '-' || sep == '/' || sep == '.' ? digit_run(s + 5, n - 5) : 0;
		size_t dn = mn >= 1 && mn <= 2 && 5 + mn < n && s[5 + mn] == sep ?
		    digit_run(s + 6 + mn, n - 6 - mn) : 0;

		if (dn < 1 || dn > 2)
			return 0;
		w.y = digits(s, 4);
		w.mo = digits(s + 5, mn);
		w.d = digits(s + 6 + mn, dn);
		i = 6 + mn + dn;
	}
	if (i < n && is_alpha((unsigned char)s[i]) && s[i] != 'T')
		return 0;
	if (i + 1 < n && (s[i] == 'T' || s[i] == ' ')) {
		size_t t = parse_time(s + i + 1, n - i - 1, &w, ':');

		if (t == 0 && s[i] == 'T')
			return 0;
		i += t ? 1 + t : 0;
	}
	if (w.has_time && i < n) {
		while (i < n && s[i] == ' ')
			i++;
		if (i < n && (s[i] == 'Z' || s[i] == 'z') && (i + 1 == n || !is_alpha((unsigned char)s[i + 1]))) {
			w.has_zone = 1;
			w.zone = 0;
		} else if (parse_offset(s + i, n - i, &w) == 0 && i < n && is_alpha((unsigned char)s[i])) {
			char word[8];
			size_t k = 0;

			while (i + k < n && k < sizeof word - 1 && is_alpha((unsigned char)s[i + k])) {
				word[k] = (char)(s[i + k] | 0x20);
				k++;
			}
			word[k] = '\0';
			w.zone = zone_minutes(word);
			w.has_zone = w.zone >= 0;
		}
	}
	return when_format(&w, out);
}

/* A month's name, English or Indonesian, full or short, lower case: 1-12, or 0. */
static int
month_number(const char *word)
{
	static const char *const names[] = {
		"jan", "january", "januari",
		"feb", "february", "februari", "pebruari",
		"mar", "march", "maret",
		"apr", "april",
		"may", "mei",
		"jun", "june", "juni",
		"jul", "july", "juli",
		"aug", "august", "agu", "agt", "ags", "agustus",
		"sep", "sept", "september",
		"oct", "october", "okt", "oktober",
		"nov", "november", "nopember",
		"dec", "december", "des", "desember",
	};
	static const unsigned char month[] = {
		1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 4, 4, 5, 5, 6, 6, 6, 7, 7, 7,
		8, 8, 8, 8, 8, 8, 9, 9, 9, 10, 10, 10, 10, 11, 11, 11, 12, 12, 12, 12,
	};

	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		if (strcmp(word, names[i]) == 0)
			return month[i];
	return 0;
}

/*
 * Dates in words and numbers: "Mon, 18 Nov 2019 16:07:38 -0600", "Tue Nov 19
 * 2019 03:05:46 GMT+0000", "19 Juni 2015, 10:20 WIB", "November 19, 2019",
 * 19/06/2015 (day and month in numbers only when which is which is clear).
 */
static size_t
text_date(const char *s, size_t n, char *out)
{
	struct when w = { 0 };
	int small[2], nsmall = 0;
	size_t i = 0;

	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		size_t k;

		if (is_alpha(c)) {
			char word[16];

			for (k = 0; i + k < n && is_alpha((unsigned char)s[i + k]); k++)
				if (k < sizeof word - 1)
					word[k] = (char)(s[i + k] | 0x20);
			word[k < sizeof word - 1 ? k : sizeof word - 1] = '\0';
			int mo = month_number(word), zone = zone_minutes(word);

			if (mo && !w.mo)
				w.mo = mo;
			else if (w.has_time && w.h <= 12 && (strcmp(word, "pm") == 0 || strcmp(word, "am") == 0))
				w.h = w.h % 12 + (word[0] == 'p' ? 12 : 0);
			else if (zone >= 0 && w.has_time) {
				w.zone = zone;
				w.has_zone = 1;
			}
			i += k;
		} else if (is_digit(c)) {
			k = digit_run(s + i, n - i);
			/* 10:20, or after the year 10.20 (Indonesian) */
			size_t t = i + k < n && !w.has_time ? parse_time(s + i, n - i, &w, w.y ? '.' : ':') : 0;

			if (t)
				k = t;
			else if (k == 4 && !w.y)
				w.y = digits(s + i, 4);
			else if (k <= 2 && nsmall < 2)
				small[nsmall++] = digits(s + i, k);
			else
				return 0;
			i += k;
		} else if ((c == '+' || c == '-') && w.has_time && (k = parse_offset(s + i, n - i, &w)))
			i += k;
		else
			i++;
	}
	if (w.mo && nsmall == 1)
		w.d = small[0];
	else if (!w.mo && nsmall == 2 && (small[0] > 12 || small[0] == small[1])) {
		w.d = small[0];
		w.mo = small[1];
	} else if (!w.mo && nsmall == 2 && small[1] > 12) {
		w.mo = small[0];
		w.d = small[1];
	} else
		return 0;
	return when_format(&w, out);
}

size_t
pagemeta_date(const char *s, size_t n, char *out)
{
	s = trim(s, &n);
	if (n == 0 || n > DATE_MAX)
		return 0;
	if (digit_run(s, n) == 4 || digit_run(s, n) == 8)
		return iso_date(s, n, out);
	return text_date(s, n, out);
}

static size_t
url_day(int y, int mo, int d, char *out)
{
	if (!valid_date(y, mo, d, 1990))
		return 0;
	return (size_t)snprintf(out, DATE_LEN, "%04d-%02d-%02d", y, mo, d);
}

/* The month of the 1-2 digits or the name (nov, november) at s, ended by sep; *len its length. */
static int
url_month(const char *s, size_t n, char sep, size_t *len)
{
	char word[12];
	size_t k = digit_run(s, n);

	if (k >= 1 && k <= 2) {
		*len = k;
		return k < n && s[k] == sep ? digits(s, k) : 0;
	}
	for (k = 0; k < n && k < sizeof word - 1 && is_alpha((unsigned char)s[k]); k++)
		word[k] = (char)(s[k] | 0x20);
	word[k] = '\0';
	*len = k;
	return k < n && s[k] == sep && sep == '/' ? month_number(word) : 0;
}

/*
 * A date that starts a path segment: YYYY/MM/DD/ (or YYYY/nov/DD/),
 * YYYY-MM-DD, YYYYMMDD (8, 12 or 14 digits); or YYYYMMDD ending a slug (-20191115/).
 */
static size_t
segment_date(const char *s, size_t n, char *out)
{
	size_t run = digit_run(s, n), mn, dn, end = 0;
	int mo;

	while (end < n && s[end] != '/')
		end++;
	if (run == 8 || run == 12 || run == 14)
		return url_day(digits(s, 4), digits(s + 4, 2), digits(s + 6, 2), out);
	if (run == 4 && n > 5 && (s[4] == '/' || s[4] == '-') && (mo = url_month(s + 5, n - 5, s[4], &mn))) {
		dn = digit_run(s + 6 + mn, n - 6 - mn);
		if (dn < 1 || dn > 2 || (s[4] == '-' && (mn != 2 || dn != 2)) ||
		    (s[4] == '/' && 6 + mn + dn < n && s[6 + mn + dn] != '/'))
			return 0;
		return url_day(digits(s, 4), mo, digits(s + 6 + mn, dn), out);
	}
	if (end > 9 && digit_run(s + end - 8, 8) == 8 && (s[end - 9] == '-' || s[end - 9] == '_'))
		return url_day(digits(s + end - 8, 4), digits(s + end - 4, 2), digits(s + end - 2, 2), out);
	return 0;
}

size_t
pagemeta_url_date(const char *url, size_t n, char *out)
{
	size_t scheme = scheme_len(url, n), i, len;
	const char *path = scheme ? memchr(url + scheme, '/', n - scheme) : url;

	if (!path)
		return 0;
	for (i = (size_t)(path - url); i < n && url[i] != '?' && url[i] != '#'; i++)
		;
	n = i;	/* the path only: a query's date says what was asked for */
	for (i = (size_t)(path - url); i < n; i++)
		if (url[i] == '/' && (len = segment_date(url + i + 1, n - i - 1, out)))
			return len;
	return 0;
}
