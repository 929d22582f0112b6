/*
 * HTML to rendered lines through libxml2's push (SAX) parser.  The bytes
 * are made UTF-8 here (iconv for other charsets, utf8_repair for UTF-8) and
 * the parser is told to trust that, so that a page's undecodable bytes are
 * repaired and counted as for text input instead of switching the parser's
 * idea of the charset halfway.
 */
#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>

#include "diag.h"
#include "html.h"
#include "mem.h"
#include "utf8.h"

/* What an element does to the rendering. */
enum { E_BLOCK = 1, E_SKIP = 2, E_BREAK = 4, E_TITLE = 8, E_LINK = 16, E_CELL = 32 };

struct html_elem {
	uint32_t tags;		/* its own and its ancestors' HTML_ bits, the nearest cue's */
	unsigned char skip;	/* inside an element whose text is not rendered */
	unsigned char title;	/* inside <title> */
	unsigned char kind;	/* E_ bits of the element itself */
};

struct tag_info {
	const char *name;
	unsigned char kind;
	uint32_t tags;
};

/* Sorted by name (bsearch). Elements not listed are inline. */
static const struct tag_info tag_infos[] = {
	{ "a", E_LINK, 0 },
	{ "address", E_BLOCK, HTML_ADDRESS },
	{ "applet", E_SKIP, 0 },
	{ "article", E_BLOCK, HTML_ARTICLE },
	{ "aside", E_BLOCK, HTML_ASIDE },
	{ "audio", E_SKIP, 0 },
	{ "blockquote", E_BLOCK, HTML_QUOTE },
	{ "body", E_BLOCK, 0 },
	{ "br", E_BREAK, 0 },
	{ "button", E_BLOCK, HTML_BUTTON },
	{ "canvas", E_SKIP, 0 },
	{ "caption", E_BLOCK, 0 },
	{ "center", E_BLOCK, 0 },
	{ "dd", E_BLOCK, 0 },
	{ "details", E_BLOCK, 0 },
	{ "dialog", E_BLOCK, 0 },
	{ "dir", E_BLOCK, 0 },
	{ "div", E_BLOCK, 0 },
	{ "dl", E_BLOCK, 0 },
	{ "dt", E_BLOCK, 0 },
	{ "embed", E_SKIP, 0 },
	{ "fieldset", E_BLOCK, HTML_FORM },
	{ "figcaption", E_BLOCK, HTML_FIGURE },
	{ "figure", E_BLOCK, HTML_FIGURE },
	{ "footer", E_BLOCK, HTML_FOOTER },
	{ "form", E_BLOCK, HTML_FORM },
	{ "frameset", E_SKIP, 0 },
	{ "h1", E_BLOCK, HTML_H1 },
	{ "h2", E_BLOCK, HTML_HEADING },
	{ "h3", E_BLOCK, HTML_HEADING },
	{ "h4", E_BLOCK, HTML_HEADING },
	{ "h5", E_BLOCK, HTML_HEADING },
	{ "h6", E_BLOCK, HTML_HEADING },
	{ "head", E_SKIP, 0 },
	{ "header", E_BLOCK, HTML_HEADER },
	{ "hgroup", E_BLOCK, 0 },
	{ "hr", E_BLOCK, 0 },
	{ "html", E_BLOCK, 0 },
	{ "iframe", E_SKIP, 0 },
	{ "input", E_BLOCK, HTML_FORM },
	{ "legend", E_BLOCK, 0 },
	{ "li", E_BLOCK, HTML_LI },
	{ "main", E_BLOCK, HTML_MAIN },
	{ "map", E_SKIP, 0 },
	{ "math", E_SKIP, 0 },
	{ "menu", E_BLOCK, HTML_NAV },
	{ "nav", E_BLOCK, HTML_NAV },
	{ "noembed", E_SKIP, 0 },
	{ "noframes", E_SKIP, 0 },
	{ "noscript", E_SKIP, 0 },
	{ "object", E_SKIP, 0 },
	{ "ol", E_BLOCK, 0 },
	{ "option", E_BLOCK, HTML_FORM },
	{ "p", E_BLOCK, HTML_P },
	{ "pre", E_BLOCK, HTML_PRE },
	{ "script", E_SKIP, 0 },
	{ "section", E_BLOCK, 0 },
	{ "select", E_SKIP, 0 },
	{ "style", E_SKIP, 0 },
	{ "summary", E_BLOCK, 0 },
	{ "svg", E_SKIP, 0 },
	{ "table", E_BLOCK, 0 },
	{ "tbody", E_BLOCK, 0 },
	{ "td", E_CELL, HTML_CELL },
	{ "template", E_SKIP, 0 },
	{ "textarea", E_SKIP, 0 },
	{ "tfoot", E_BLOCK, 0 },
	{ "th", E_CELL, HTML_CELL },
	{ "thead", E_BLOCK, 0 },
	{ "time", 0, HTML_TIME },
	{ "title", E_SKIP | E_TITLE, 0 },
	{ "tr", E_BLOCK, 0 },
	{ "ul", E_BLOCK, 0 },
	{ "video", E_SKIP, 0 },
};

static int
tag_cmp(const void *key, const void *elem)
{
	return strcmp(key, ((const struct tag_info *)elem)->name);
}

static const struct tag_info *
tag_info(const char *name)
{
	return bsearch(name, tag_infos, sizeof tag_infos / sizeof *tag_infos, sizeof *tag_infos, tag_cmp);
}

/* ------------------------------------------------------------------ cues */

/*
 * Words of class and id names that mark a container of boilerplate, and of
 * the article's body.  Names are cut into words at every non-letter and at
 * a lower-to-upper case change (relatedPosts), in lower case.
 */
static const char *const boiler_words[] = {
	"ad", "ads", "advert", "advertisement", "author", "bacajuga", "banner", "breadcrumb",
	"breadcrumbs", "byline", "comment", "comments", "cookie", "copyright", "disqus", "follow",
	"footer", "iklan", "login", "masthead", "menu", "modal", "nav", "navbar", "navigation",
	"newsletter", "outbrain", "pagination", "popular", "popup", "promo", "recommended",
	"rekomendasi", "related", "share", "sharing", "sidebar", "signup", "skip", "social",
	"sponsor", "sponsored", "subscribe", "taboola", "tag", "tags", "terkait", "toolbar",
	"topics", "trending",
};
/* Two words (or one word made of two) that name the body: article + body, entry + content, ... */
static const char *const body_first[] = { "article", "entry", "post", "story", "news", "detail", "blog",
	"main", "read", "body", "txt", "artikel", "berita", "isi" };
static const char *const body_second[] = { "body", "content", "text", "txt", "konten", "isi", "article",
	"artikel", "berita" };
static const char *const content_words[] = { "article", "content", "entry", "post", "story", "text", "body", "berita" };
static const char *const modifiers[] = { "has", "with", "w", "no", "without" };
/* "baca juga" (read also) as two words */
static const char *const boiler_pairs[][2] = { { "baca", "juga" }, { "read", "also" }, { "see", "also" }, { "read", "more" } };

static int
in_list(const char *w, size_t n, const char *const *list, size_t count)
{
	for (size_t i = 0; i < count; i++)
		if (list[i][0] == w[0] && strlen(list[i]) == n && memcmp(list[i], w, n) == 0)
			return 1;
	return 0;
}

#define IN(w, n, list) in_list(w, n, list, sizeof list / sizeof *list)

/* A word made of a body_first and a body_second word, or the two words in a row. */
static int
body_pair(const char *a, size_t na, const char *b, size_t nb)
{
	return IN(a, na, body_first) && IN(b, nb, body_second);
}

static int
body_word(const char *w, size_t n)
{
	for (size_t i = 0; i < sizeof body_first / sizeof *body_first; i++) {
		size_t k = strlen(body_first[i]);

		if (n > k && memcmp(w, body_first[i], k) == 0 && body_pair(w, k, w + k, n - k))
			return 1;
	}
	return 0;
}

/* The cue of a class or id value: HTML_CUE_BOILER, _BODY, _CONTENT or 0. */
static uint32_t
name_cue(const char *v)
{
	char low[256];
	size_t starts[32], lens[32], nw = 0, n = 0;
	uint32_t cue = 0;

	for (const char *p = v; *p && n < sizeof low; p++) {
		unsigned char c = (unsigned char)*p;
		int alpha = isalpha(c);

		if (alpha && isupper(c) && n > 0 && p > v && islower((unsigned char)p[-1]) && nw < 32 &&
		    lens[nw - 1] > 0) {
			starts[nw] = n, lens[nw] = 0, nw++;	/* camelCase: a new word */
		} else if (alpha && (nw == 0 || (p > v && !isalpha((unsigned char)p[-1])))) {
			if (nw == 32)
				break;
			starts[nw] = n, lens[nw] = 0, nw++;
		}
		if (alpha) {
			low[n++] = (char)tolower(c);
			lens[nw - 1]++;
		}
	}
	for (size_t i = 0; i < nw; i++) {
		const char *w = low + starts[i], *x = i + 1 < nw ? low + starts[i + 1] : NULL;
		size_t k = lens[i], kx = x ? lens[i + 1] : 0;

		/* has-sidebar, with-comments, no-ads: a modifier that says what is around, not what this is */
		if (IN(w, k, boiler_words) && !(i > 0 && IN(low + starts[i - 1], lens[i - 1], modifiers)))
			return HTML_CUE_BOILER;
		for (size_t j = 0; x && j < sizeof boiler_pairs / sizeof *boiler_pairs; j++)
			if (strlen(boiler_pairs[j][0]) == k && memcmp(w, boiler_pairs[j][0], k) == 0 &&
			    strlen(boiler_pairs[j][1]) == kx && memcmp(x, boiler_pairs[j][1], kx) == 0)
				return HTML_CUE_BOILER;
		if (body_word(w, k) || (x && body_pair(w, k, x, kx)))
			cue = HTML_CUE_BODY;
		else if (!cue && IN(w, k, content_words))
			cue = HTML_CUE_CONTENT;
	}
	return cue;
}

static uint32_t
role_cue(const char *v)
{
	static const char *const boiler[] = { "navigation", "menu", "menubar", "banner", "contentinfo",
		"complementary", "search", "dialog", "toolbar" };

	if (IN(v, strlen(v), boiler))
		return HTML_CUE_BOILER;
	return strcmp(v, "main") == 0 || strcmp(v, "article") == 0 ? HTML_CUE_CONTENT : 0;
}

/* Hidden from the reader: the hidden attribute, or display:none in its style. */
static int
hidden_style(const char *v)
{
	char s[64];
	size_t n = 0;

	for (const char *p = v; *p; p++) {
		if (*p == ' ' || *p == '\t')
			continue;
		s[n++] = (char)tolower((unsigned char)*p);
		if (n == sizeof s - 1 || *p == ';') {
			s[n] = 0;
			if (strstr(s, "display:none") || strstr(s, "visibility:hidden"))
				return 1;
			n = 0;
		}
	}
	s[n] = 0;
	return strstr(s, "display:none") || strstr(s, "visibility:hidden");
}

/* ------------------------------------------------------------- rendering */

static void
emit(struct html *h)
{
	if (h->text.len) {
		h->lines++;
		h->line(h->ctx, h->text.data, h->text.len, &h->marks);
	}
	h->text.len = 0;
	h->space = 0;
}

static struct html_elem *
top(struct html *h)
{
	return &h->stack[h->depth - 1];
}

/* Character data: white space folded, the line's marks taken at its first character. */
static void
text(struct html *h, const unsigned char *s, size_t n)
{
	const struct html_elem *e = top(h);

	if (e->title || e->skip)
		return;
	for (size_t i = 0; i < n; i++) {
		size_t run = i;

		if (s[i] == '\n' && (e->tags & HTML_PRE)) {
			emit(h);
			continue;
		}
		if (s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r' || s[i] == '\f') {
			h->space = 1;
			continue;
		}
		if (s[i] == 0xC2 && i + 1 < n && s[i + 1] == 0xA0) {	/* no-break space */
			h->space = 1;
			i++;
			continue;
		}
		while (run < n && s[run] > ' ' && s[run] != 0xC2)
			run++;
		if (run == i)
			run = i + 1;
		if (h->text.len == 0) {
			h->marks.tags = e->tags | HTML_PAGE;
			h->marks.chars = h->marks.linkchars = 0;
		} else if (h->space)
			buf_addc(&h->text, ' ');
		h->space = 0;
		buf_add(&h->text, s + i, run - i);
		h->marks.chars += (uint32_t)(run - i);
		if (e->tags & HTML_LINK)
			h->marks.linkchars += (uint32_t)(run - i);
		i = run - 1;
	}
}

static void
on_characters(void *ctx, const xmlChar *s, int n)
{
	struct html *h = ctx;

	pagemeta_text(&h->meta, (const char *)s, (size_t)n);
	text(h, s, (size_t)n);
}

static const char *
attr(const xmlChar **attrs, const char *name)
{
	for (size_t i = 0; attrs && attrs[i]; i += 2)
		if (strcmp((const char *)attrs[i], name) == 0)
			return attrs[i + 1] ? (const char *)attrs[i + 1] : "";
	return NULL;
}

/* The cue of an element's class, id, role and itemprop. */
static uint32_t
element_cue(const xmlChar **attrs)
{
	uint32_t cue = 0, c;
	const char *v;

	if ((v = attr(attrs, "itemprop")) != NULL && strcmp(v, "articleBody") == 0)
		return HTML_CUE_BODY;
	if ((v = attr(attrs, "role")) != NULL && (c = role_cue(v)) != 0)
		cue = c;
	if ((v = attr(attrs, "class")) != NULL && (c = name_cue(v)) != 0)
		cue = cue == HTML_CUE_BOILER ? cue : c;
	if ((v = attr(attrs, "id")) != NULL && (c = name_cue(v)) != 0)
		cue = cue == HTML_CUE_BOILER || c == HTML_CUE_BOILER ? HTML_CUE_BOILER :
		    cue == HTML_CUE_BODY ? cue : c;
	return cue;
}

#define CUES (HTML_CUE_BODY | HTML_CUE_CONTENT | HTML_CUE_BOILER)

static void
on_start(void *ctx, const xmlChar *tag, const xmlChar **attrs)
{
	struct html *h = ctx;
	const char *name = (const char *)tag;
	const struct tag_info *t = tag_info(name);
	struct html_elem *parent = top(h), *e;
	unsigned kind = t ? t->kind : 0;

	if (h->depth == h->cap)
		h->stack = xgrow(h->stack, &h->cap, h->depth + 1, sizeof *h->stack);
	parent = top(h);
	e = &h->stack[h->depth++];
	*e = *parent;
	e->kind = (unsigned char)kind;
	if (kind & (E_BLOCK | E_BREAK))
		emit(h);
	else if (kind & E_CELL)
		h->space = 1;	/* a table row is one line, its cells apart */
	pagemeta_start(&h->meta, name, (const char **)attrs);
	if (parent->skip)
		return;
	if (attr(attrs, "hidden") || ((kind & E_BLOCK) && attr(attrs, "style") &&
	    hidden_style(attr(attrs, "style"))))
		kind |= E_SKIP;
	e->skip = (kind & E_SKIP) != 0;
	e->title = (kind & E_TITLE) != 0;
	/* A form right inside <body> wraps the whole page (ASP.NET): it says nothing of a part. */
	if (t && !(t->tags == HTML_FORM && strcmp(name, "form") == 0 && h->depth <= 4))
		e->tags |= t->tags;
	if ((kind & E_LINK) && attr(attrs, "href"))
		e->tags |= HTML_LINK;
	/* The cue of <html> or <body> says nothing of one part of the page. */
	uint32_t cue = attrs && h->depth > 3 ? element_cue(attrs) : 0;

	/* The nearest cue wins, but a weak content cue (a widget's content) leaves boilerplate as it is. */
	if (cue && !(cue == HTML_CUE_CONTENT && (e->tags & HTML_CUE_BOILER)))
		e->tags = (e->tags & ~(uint32_t)CUES) | cue;
}

static void
on_end(void *ctx, const xmlChar *tag)
{
	struct html *h = ctx;

	pagemeta_end(&h->meta, (const char *)tag);
	if (h->depth <= 1)
		return;
	if (top(h)->kind & E_BLOCK)
		emit(h);
	h->depth--;
}

/* The text of <script> and <style>: never rendered, but JSON-LD metadata lives there. */
static void
on_script(void *ctx, const xmlChar *s, int n)
{
	struct html *h = ctx;

	pagemeta_text(&h->meta, (const char *)s, (size_t)n);
}

static void
on_error(void *ctx, xmlErrorPtr err)
{
	(void)ctx, (void)err;
}

/* ------------------------------------------------------------- charsets */

/* The charset named in the first bytes: <meta charset=X> or content="...; charset=X". */
static void
meta_charset(const char *s, size_t n, char *out, size_t outsize)
{
	static const char key[] = "charset";
	size_t k = sizeof key - 1;

	for (size_t i = 0; i + k < n; i++) {
		if ((s[i] | 0x20) != 'c' || strncasecmp(s + i, key, k) != 0)
			continue;
		size_t j = i + k, m = 0;

		while (j < n && s[j] == ' ')
			j++;
		if (j == n || s[j] != '=')
			continue;
		j++;
		while (j < n && (s[j] == '"' || s[j] == '\'' || s[j] == ' '))
			j++;
		while (j < n && m + 1 < outsize && (isalnum((unsigned char)s[j]) || s[j] == '-' ||
		    s[j] == '_' || s[j] == ':' || s[j] == '.'))
			out[m++] = s[j++];
		out[m] = 0;
		if (m)
			return;
	}
}

static int
is_utf8_name(const char *c)
{
	return !*c || strcasecmp(c, "utf-8") == 0 || strcasecmp(c, "utf8") == 0 ||
	    strcasecmp(c, "us-ascii") == 0 || strcasecmp(c, "ascii") == 0;
}

/* The page's charset, decided from its first bytes: BOM, then the HTTP hint, then <meta>. */
static void
choose_charset(struct html *h, const char *s, size_t n, size_t *skip)
{
	char name[40] = "";

	*skip = 0;
	if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
		*skip = 3;
	else if (n >= 2 && memcmp(s, "\xFF\xFE", 2) == 0)
		strcpy(name, "UTF-16LE"), *skip = 2;
	else if (n >= 2 && memcmp(s, "\xFE\xFF", 2) == 0)
		strcpy(name, "UTF-16BE"), *skip = 2;
	else if (h->charset[0])
		strcpy(name, h->charset);
	else
		meta_charset(s, n, name, sizeof name);
	/* Latin-1 and ASCII labels mean windows-1252 on the web (WHATWG Encoding). */
	if (strcasecmp(name, "iso-8859-1") == 0 || strcasecmp(name, "latin1") == 0 ||
	    strcasecmp(name, "iso8859-1") == 0)
		strcpy(name, "WINDOWS-1252");
	if (is_utf8_name(name) || *skip == 3)
		return;
	iconv_t cd = iconv_open("UTF-8", name);

	if (cd != (iconv_t)-1)
		h->iconv = cd;
}

/* Bytes at the end of s[0..n) that begin a UTF-8 character not yet complete. */
static size_t
incomplete_tail(const char *s, size_t n)
{
	for (size_t k = 1; k <= 3 && k <= n; k++) {
		unsigned char c = (unsigned char)s[n - k];

		if ((c & 0xC0) == 0x80)
			continue;	/* a continuation byte: look further back */
		size_t want = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;

		return want > k ? k : 0;
	}
	return 0;
}

/* NUL bytes would end the parser's text: they become spaces. */
static void
no_nul(char *s, size_t n)
{
	for (char *p = n ? memchr(s, 0, n) : NULL; p; p = memchr(p, 0, n - (size_t)(p - s)))
		*p = ' ';
}

static void
parse(struct html *h, const char *s, size_t n, int last)
{
	if (n > INT_MAX)
		n = INT_MAX;
	htmlParseChunk(h->parser, s, (int)n, last);
}

/* Convert s to UTF-8 (an incomplete character kept for the next piece) and parse it. */
static void
convert_and_parse(struct html *h, const char *s, size_t n, int last)
{
	struct buf *in = &h->carry;

	buf_add(in, s, n);
	h->conv.len = 0;
	if (h->iconv) {
		char *src = in->data;
		size_t left = in->len;

		while (left > 0) {
			buf_reserve(&h->conv, 4 * left + 16);
			char *dst = h->conv.data + h->conv.len;
			size_t room = h->conv.cap - h->conv.len;

			if (iconv(h->iconv, &src, &left, &dst, &room) == (size_t)-1 && errno != E2BIG) {
				h->conv.len = (size_t)(dst - h->conv.data);
				if (errno == EINVAL && !last)
					break;	/* incomplete: wait for the next piece */
				buf_add(&h->conv, "\xEF\xBF\xBD", 3);
				h->nbad++;
				src++, left--;
				continue;
			}
			h->conv.len = (size_t)(dst - h->conv.data);
		}
		if (left)
			memmove(in->data, src, left);
		in->len = left;
	} else {
		size_t keep = last ? 0 : incomplete_tail(in->data, in->len);

		h->nbad += utf8_repair(&h->conv, in->data, in->len - keep);
		if (keep)
			memmove(in->data, in->data + in->len - keep, keep);
		in->len = keep;
	}
	no_nul(h->conv.data, h->conv.len);
	parse(h, h->conv.data, h->conv.len, last);
}

/* ----------------------------------------------------------------- pages */

static htmlParserCtxtPtr
new_parser(struct html *h)
{
	static xmlSAXHandler sax;

	if (!sax.startElement) {
		sax.startElement = on_start;
		sax.endElement = on_end;
		sax.characters = on_characters;
		sax.ignorableWhitespace = on_characters;
		sax.cdataBlock = on_script;
		sax.serror = on_error;
		sax.initialized = XML_SAX2_MAGIC;
	}
	htmlParserCtxtPtr p = htmlCreatePushParserCtxt(&sax, h, NULL, 0, NULL, XML_CHAR_ENCODING_UTF8);

	if (!p)
		die("out of memory");
	htmlCtxtUseOptions(p, HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |
	    HTML_PARSE_NOWARNING | HTML_PARSE_IGNORE_ENC);
	return p;
}

void
html_begin(struct html *h, const char *url, size_t urllen, const char *charset, html_line_fn *line,
    void *ctx)
{
	h->line = line;
	h->ctx = ctx;
	h->lines = h->nbad = 0;
	h->bytes = 0;
	h->toolarge = 0;
	h->head.len = h->carry.len = h->text.len = 0;
	h->space = 0;
	pagemeta_begin(&h->meta, url, urllen);
	snprintf(h->charset, sizeof h->charset, "%s", charset ? charset : "");
	if (h->cap == 0)
		h->stack = xgrow(h->stack, &h->cap, 64, sizeof *h->stack);
	memset(&h->stack[0], 0, sizeof h->stack[0]);
	h->depth = 1;
	h->parser = new_parser(h);
}

/* Bytes held before the charset is chosen from them. */
#define SNIFF 1024

static void
start_parsing(struct html *h, int last)
{
	size_t skip;

	choose_charset(h, h->head.data, h->head.len, &skip);
	convert_and_parse(h, h->head.data + skip, h->head.len - skip, last);
	h->head.len = 0;
}

void
html_feed(struct html *h, const char *bytes, size_t n)
{
	if (h->toolarge)
		return;
	if (h->bytes + n > HTML_MAX_PAGE) {
		h->toolarge = 1;
		return;
	}
	h->bytes += n;
	if (h->bytes - n < SNIFF) {
		buf_add(&h->head, bytes, n);
		if (h->bytes >= SNIFF)
			start_parsing(h, 0);
		return;
	}
	convert_and_parse(h, bytes, n, 0);
}

void
html_end(struct html *h)
{
	if (h->bytes < SNIFF)
		start_parsing(h, 1);
	else
		convert_and_parse(h, NULL, 0, 1);
	htmlFreeParserCtxt(h->parser);
	h->parser = NULL;
	h->depth = 1;
	emit(h);
	pagemeta_finish(&h->meta);
	if (h->iconv)
		iconv_close(h->iconv);
	h->iconv = NULL;
}

void
html_free(struct html *h)
{
	pagemeta_free(&h->meta);
	buf_free(&h->head);
	buf_free(&h->conv);
	buf_free(&h->carry);
	buf_free(&h->text);
	free(h->stack);
	memset(h, 0, sizeof *h);
}
