/*
 * The metadata of one HTML page (url, title, publication date, language),
 * gathered from the parser's events: no HTML parser is needed here.  The
 * caller calls pagemeta_begin, then start/text/end for each element and run
 * of character data (the text of <script> included: JSON-LD lives there),
 * then pagemeta_finish, which chooses each field by its sources' trust.
 */
#ifndef PAGEMETA_H
#define PAGEMETA_H

#include <stddef.h>

#include "buf.h"

#define PAGEMETA_TITLE_MAX 1000		/* bytes of a title, cut on a UTF-8 boundary */
#define PAGEMETA_JSONLD_MAX (1u << 20)	/* bytes of one JSON-LD script scanned */

/* The best value met so far for one field, and the trust of its source (0 best). */
struct pagemeta_value {
	struct buf text;	/* NUL-terminated when set */
	int rank;
	int set;
};

enum { PAGEMETA_URL, PAGEMETA_TITLE, PAGEMETA_DATE, PAGEMETA_LANG, PAGEMETA_NFIELDS };

struct pagemeta {
	struct pagemeta_value field[PAGEMETA_NFIELDS];
	struct buf page;	/* the url given to pagemeta_begin (the DOC or the WARC target URI) */
	/* The element whose character data is being read: <title>, <h1>, JSON-LD, a date's text. */
	enum { PAGEMETA_NOWHERE, PAGEMETA_IN_TITLE, PAGEMETA_IN_H1, PAGEMETA_IN_JSONLD, PAGEMETA_IN_DATE } in;
	char tag[32];		/* its tag (a longer one: its first 31 bytes) */
	int nested;		/* elements of the same tag open inside it */
	int rank;		/* the trust of what it will give */
	struct buf text;	/* its character data (folded, but for JSON-LD) */
	int seen_title, seen_h1;
	int svg;		/* depth in <svg>, whose <title> names a drawing */
};

/* Zero-initialised is valid; begin forgets the page before. */
void pagemeta_begin(struct pagemeta *m, const char *url, size_t urllen);
/* tag is lower case; attrs name/value pairs, NULL-ended (a value may be NULL), or NULL. */
void pagemeta_start(struct pagemeta *m, const char *tag, const char **attrs);
void pagemeta_text(struct pagemeta *m, const char *s, size_t n);
void pagemeta_end(struct pagemeta *m, const char *tag);
void pagemeta_finish(struct pagemeta *m);
/* "url", "title", "date" or "lang" after pagemeta_finish; NULL if the page has none. */
const char *pagemeta_get(const struct pagemeta *m, const char *field);
/* One record DOC FIELD VALUE per field found, in the order url, title, date, lang. */
void pagemeta_write(const struct pagemeta *m, const char *doc, size_t doclen);
void pagemeta_free(struct pagemeta *m);

/*
 * A date or date-time as written in metadata (ISO 8601, RFC 2822, "19 Juni
 * 2015 10:20 WIB", ...) normalised into out (at least 26 bytes) as YYYY-MM-DD,
 * or YYYY-MM-DDThh:mm:ss+hh:mm when a time and its zone are given; returns the
 * length, or 0 when s is no possible date.
 */
size_t pagemeta_date(const char *s, size_t n, char *out);
/* The date in a URL's path (/2015/06/19/, /2015-06-19-..., /20150619...) into out as YYYY-MM-DD; 0 if none. */
size_t pagemeta_url_date(const char *url, size_t n, char *out);

#endif
