/*
 * An HTML page as rendered lines: libxml2's HTML parser driven as a push
 * (SAX) parser, the bytes converted to UTF-8 first (charset from the HTTP
 * hint, a byte-order mark or <meta charset>; invalid bytes become U+FFFD,
 * counted).  One line per block (paragraph, heading, list item, table row,
 * <br>-separated run, ...), white space folded; nothing of script, style,
 * noscript, template, svg, hidden elements or comments.  Each line comes
 * with what the markup says of it (struct html_marks), the evidence the
 * classifier weighs beside the text.
 */
#ifndef HTML_H
#define HTML_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "pagemeta.h"

/* Bytes of one page at most; a larger page is reported and dropped. */
#define HTML_MAX_PAGE (32u << 20)

/* The line's block tag and its ancestors. */
enum {
	HTML_ARTICLE = 1 << 0, HTML_MAIN = 1 << 1, HTML_NAV = 1 << 2, HTML_HEADER = 1 << 3,
	HTML_FOOTER = 1 << 4, HTML_ASIDE = 1 << 5, HTML_FORM = 1 << 6, HTML_BUTTON = 1 << 7,
	HTML_FIGURE = 1 << 8,	/* figure or figcaption */
	HTML_H1 = 1 << 9, HTML_HEADING = 1 << 10,	/* h2-h6 */
	HTML_LI = 1 << 11, HTML_CELL = 1 << 12, HTML_P = 1 << 13, HTML_QUOTE = 1 << 14,
	HTML_PRE = 1 << 15, HTML_ADDRESS = 1 << 16, HTML_TIME = 1 << 17,
	HTML_LINK = 1 << 18,	/* inside <a href> */
	/* class, id, role or itemprop of the nearest ancestor that has a cue: */
	HTML_CUE_BODY = 1 << 20,	/* article-body, entry-content, itemprop=articleBody, ... */
	HTML_CUE_CONTENT = 1 << 21,	/* content, article, post, story, ... (weaker) */
	HTML_CUE_BOILER = 1 << 22,	/* nav, menu, footer, sidebar, share, related, comment, ... */
	HTML_PAGE = 1u << 31,		/* set on every line of a page: it has markup */
};

struct html_marks {
	uint32_t tags;		/* HTML_ bits */
	uint32_t chars;		/* non-space bytes of the line */
	uint32_t linkchars;	/* ... of them inside <a> */
};

typedef void html_line_fn(void *ctx, const char *text, size_t len, const struct html_marks *m);

struct html_elem;

struct html {
	html_line_fn *line;
	void *ctx;
	unsigned long lines;	/* rendered so far */
	unsigned long nbad;	/* bytes that were no character of the charset (U+FFFD now) */
	size_t bytes;		/* of the page fed so far */
	int toolarge;		/* the page passed HTML_MAX_PAGE: the rest was not parsed */
	struct pagemeta meta;	/* what the page says of itself: url, title, date, lang */
	/* private */
	void *parser;		/* htmlParserCtxtPtr */
	void *iconv;		/* iconv_t, or NULL for UTF-8 */
	char charset[40];	/* the HTTP hint */
	struct buf head;	/* bytes held until the charset is known */
	struct buf conv, carry;	/* converted bytes; an incomplete character held back */
	struct buf text;	/* the line being rendered */
	struct html_marks marks;
	struct html_elem *stack;
	size_t depth, cap;
	int space;
};

/* Start a page: url (its DOC) for its metadata, charset the HTTP hint or NULL. */
void html_begin(struct html *h, const char *url, size_t urllen, const char *charset, html_line_fn *line,
    void *ctx);
void html_feed(struct html *h, const char *bytes, size_t n);
/* End the page: its last line is rendered, its metadata chosen (pagemeta_get). */
void html_end(struct html *h);
void html_free(struct html *h);


#endif
