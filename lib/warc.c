/* WARC records by Content-Length; HTTP responses parsed and their bodies decoded. */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <zlib.h>

#include "diag.h"
#include "mem.h"
#include "warc.h"

#define HEADER_MAX (64 << 10)	/* a WARC header line, all HTTP headers: longer is cut or skipped */
#define LOOK (64 << 10)		/* bytes of a block looked at together */
#define TAIL 16			/* kept unread while more comes: a record boundary may start there */
#define NO_LENGTH UINT64_MAX	/* no Content-Length: the block ends at the next record */
#define PIECE (16 << 10)	/* the smallest piece of a document given to the sink, but its last */

enum kind { SKIP, TEXT, HTML, HTTP };	/* what a record's block holds */
enum http_stage { HEADERS, BODY, IGNORED };
enum chunk_state { RAW, SIZE, DATA, DATA_END, DONE };
enum coding { IDENTITY, GZIP, DEFLATE };

struct warc_decoder {
	enum kind kind;
	enum http_stage stage;
	int open;		/* the sink has a document open */
	int truncated;		/* the record was cut short (reported) */
	/* chunked transfer coding */
	enum chunk_state chunk;
	int first_size;		/* no chunk size read yet: a bad one means a raw body */
	uint64_t chunk_left;
	char sizeline[40];
	size_t sizelen;
	/* gzip or deflate content coding */
	enum coding coding;
	int z_started, z_end, z_inited;
	z_stream z;
	unsigned char out[1 << 16];
};

static void
problem(struct warc *w, const char *fmt, ...)
{
	char msg[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	warn("%s: record %lu: %s", w->r->name, w->record, msg);
	w->problems++;
}

/* Header NAME's value in line s (trimmed), or NULL. */
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
	while (len && (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == '\r'))
		len--;
	*vlen = len;
	return s;
}

static int
value_is(const char *v, size_t len, const char *want)
{
	return len == strlen(want) && strncasecmp(v, want, len) == 0;
}

/* The form of a media type (a Content-Type without its parameters), or SKIP. */
static enum kind
media_kind(const char *v, size_t len)
{
	const char *semi = memchr(v, ';', len);

	if (semi)
		len = (size_t)(semi - v);
	while (len && (v[len - 1] == ' ' || v[len - 1] == '\t'))
		len--;
	if (value_is(v, len, "text/html") || value_is(v, len, "application/xhtml+xml"))
		return HTML;
	if (value_is(v, len, "text/plain"))
		return TEXT;
	return SKIP;
}

/* The charset parameter of a Content-Type into w->charset ("" if none). */
static void
take_charset(struct warc *w, const char *v, size_t len)
{
	size_t i = 0, n = 0;

	w->charset[0] = '\0';
	for (; i + 8 <= len; i++)
		if (strncasecmp(v + i, "charset=", 8) == 0)
			break;
	if (i + 8 > len)
		return;
	for (i += 8; i < len && (v[i] == '"' || v[i] == '\''); i++)
		;
	while (i < len && n + 1 < sizeof w->charset && v[i] != '"' && v[i] != '\'' && v[i] != ';' &&
	    v[i] != ' ' && v[i] != '\t')
		w->charset[n++] = v[i++];
	w->charset[n] = '\0';
}

static void
doc_begin(struct warc *w, enum form form)
{
	struct warc_doc d = {
		.uri = w->uri.data, .urilen = w->uri.len, .form = form,
		.charset = w->charset[0] ? w->charset : NULL, .record = w->record,
	};

	w->sink->begin(w->sink->ctx, &d);
	w->dec->open = 1;
}

static void
emit_pending(struct warc *w)
{
	if (w->pending.len)
		w->sink->data(w->sink->ctx, w->pending.data, w->pending.len);
	w->pending.len = 0;
}

/* Bytes of the document: small pieces (tiny chunks) gathered, so that its parser gets pieces worth parsing. */
static void
emit(struct warc *w, const char *p, size_t n)
{
	if (!w->dec->open || n == 0)
		return;
	if (w->pending.len + n < PIECE) {
		buf_add(&w->pending, p, n);
		return;
	}
	emit_pending(w);
	w->sink->data(w->sink->ctx, p, n);
}

/* Content coding: inflate gzip or zlib data (raw deflate if that fails at once) to the document. */
static void
inflate_feed(struct warc *w, const char *p, size_t n)
{
	struct warc_decoder *d = w->dec;
	z_stream *z = &d->z;
	int first = !d->z_started;

	if (d->z_end || n == 0)
		return;
	if (!d->z_inited && inflateInit2(z, 15 + 32) != Z_OK)
		die("zlib: cannot start inflating");
	d->z_inited = 1;
	if (first)
		inflateReset2(z, 15 + 32);	/* gzip or zlib, by the header */
	d->z_started = 1;
	z->next_in = (unsigned char *)p;
	z->avail_in = (uInt)n;
	for (;;) {
		z->next_out = d->out;
		z->avail_out = sizeof d->out;
		int rc = inflate(z, Z_NO_FLUSH);

		emit(w, (const char *)d->out, sizeof d->out - z->avail_out);
		if (rc == Z_DATA_ERROR && first && d->coding == DEFLATE && z->total_out == 0) {
			/* "deflate" from a server that sends raw deflate, without the zlib header */
			inflateReset2(z, -15);
			first = 0;
			z->next_in = (unsigned char *)p;
			z->avail_in = (uInt)n;
			continue;
		}
		if (rc == Z_STREAM_END) {
			d->z_end = 1;
			return;
		}
		if (rc != Z_OK && rc != Z_BUF_ERROR) {
			problem(w, "corrupt %s content: %s", d->coding == GZIP ? "gzip" : "deflate",
			    z->msg ? z->msg : "bad data");
			d->z_end = 1;
			return;
		}
		if (rc == Z_BUF_ERROR || (z->avail_in == 0 && z->avail_out > 0))
			return;
	}
}

/* The decoded body of a document: inflated if its content is coded. */
static void
content_feed(struct warc *w, const char *p, size_t n)
{
	if (w->dec->coding != IDENTITY)
		inflate_feed(w, p, n);
	else
		emit(w, p, n);
}

static int
hex_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* A chunk-size line (without its LF): the size, or -1 if it is none. */
static int64_t
chunk_size(const char *s, size_t len)
{
	uint64_t size = 0;
	size_t i = 0;

	if (len && s[len - 1] == '\r')
		len--;
	for (; i < len && hex_value(s[i]) >= 0; i++) {
		if (i >= 15)
			return -1;
		size = size * 16 + (uint64_t)hex_value(s[i]);
	}
	if (i == 0)
		return -1;
	while (i < len && (s[i] == ' ' || s[i] == '\t'))
		i++;
	if (i < len && s[i] != ';')
		return -1;
	return (int64_t)size;
}

/* Transfer coding: chunks decoded, or the raw body when the first size line is no size. */
static void
chunk_feed(struct warc *w, const char *p, size_t n)
{
	struct warc_decoder *d = w->dec;

	while (n > 0) {
		switch (d->chunk) {
		case RAW:
			content_feed(w, p, n);
			return;
		case SIZE: {
			const char *nl = memchr(p, '\n', n);
			size_t take = nl ? (size_t)(nl - p) : n, before = d->sizelen;
			int64_t size;

			if (d->sizelen + take >= sizeof d->sizeline) {
				size = -1;
			} else {
				memcpy(d->sizeline + d->sizelen, p, take);
				d->sizelen += take;
				if (!nl)
					return;
				size = chunk_size(d->sizeline, d->sizelen);
				take++;
			}
			if (size < 0 && d->first_size) {	/* not chunked after all: all of it is the body */
				d->chunk = RAW;
				content_feed(w, d->sizeline, before);
				d->sizelen = 0;
				continue;
			}
			if (size < 0) {
				problem(w, "bad chunked transfer coding: no chunk size");
				d->chunk = DONE;
				return;
			}
			d->first_size = 0;
			d->sizelen = 0;
			d->chunk_left = (uint64_t)size;
			d->chunk = size == 0 ? DONE : DATA;
			p += take;
			n -= take;
			break;
		}
		case DATA: {
			size_t take = d->chunk_left < n ? (size_t)d->chunk_left : n;

			content_feed(w, p, take);
			d->chunk_left -= take;
			if (d->chunk_left == 0)
				d->chunk = DATA_END;
			p += take;
			n -= take;
			break;
		}
		case DATA_END:	/* the CRLF after a chunk's data */
			if (*p == '\n')
				d->chunk = SIZE;
			else if (*p != '\r') {
				problem(w, "bad chunked transfer coding: no line end after a chunk");
				d->chunk = DONE;
				return;
			}
			p++;
			n--;
			break;
		case DONE:	/* the last chunk, trailers and what follows are not text */
			return;
		}
	}
}

/* The status line and headers of an HTTP response (in w->http, up to its blank line): a document or not. */
static void
http_headers(struct warc *w, const char *s, size_t len)
{
	struct warc_decoder *d = w->dec;
	enum kind form = SKIP;
	const char *end = s + len, *v, *coding = NULL;
	size_t vlen, codinglen = 0;

	d->stage = IGNORED;
	/* HTTP/1.1 200 OK: only a success carries the page (not a redirect, not an error page) */
	if (len < 8 || memcmp(s, "HTTP/", 5) != 0)
		return;
	const char *eol = memchr(s, '\n', len), *sp = memchr(s, ' ', eol ? (size_t)(eol - s) : len);

	if (!sp || end - sp < 4 || sp[1] != '2')
		return;
	w->charset[0] = '\0';
	d->coding = IDENTITY;
	d->chunk = RAW;
	for (const char *line = s; line < end;) {
		const char *nl = memchr(line, '\n', (size_t)(end - line));
		size_t n = nl ? (size_t)(nl - line) : (size_t)(end - line);

		if ((v = header(line, n, "Content-Type", &vlen))) {
			form = media_kind(v, vlen);
			take_charset(w, v, vlen);
		} else if ((v = header(line, n, "Transfer-Encoding", &vlen))) {
			if (vlen >= 7 && strncasecmp(v + vlen - 7, "chunked", 7) == 0) {
				d->chunk = SIZE;
				d->first_size = 1;
				d->sizelen = 0;
			}
		} else if ((v = header(line, n, "Content-Encoding", &vlen))) {
			if (value_is(v, vlen, "gzip") || value_is(v, vlen, "x-gzip"))
				d->coding = GZIP;
			else if (value_is(v, vlen, "deflate"))
				d->coding = DEFLATE;
			else if (vlen && !value_is(v, vlen, "identity")) {
				coding = v;
				codinglen = vlen > 40 ? 40 : vlen;
			}
		}
		line += n + 1;
	}
	if (form == SKIP)
		return;
	if (coding) {
		problem(w, "Content-Encoding %.*s cannot be decoded: skipped", (int)codinglen, coding);
		return;
	}
	d->stage = BODY;
	d->z_started = d->z_end = 0;
	doc_begin(w, form == HTML ? FORM_HTML : FORM_TEXT);
}

/* A response record's block: HTTP headers gathered up to their blank line, then the body. */
static void
http_feed(struct warc *w, const char *p, size_t n)
{
	struct warc_decoder *d = w->dec;

	if (d->stage == HEADERS) {
		size_t from = w->http.len > 3 ? w->http.len - 3 : 0, take = n;
		const char *blank = NULL;

		if (take > HEADER_MAX + 4 - w->http.len)
			take = HEADER_MAX + 4 - w->http.len;
		buf_add(&w->http, p, take);
		for (const char *q = w->http.data + from; !blank && (q = memchr(q, '\n', (size_t)(w->http.data + w->http.len - q))); q++) {
			if (q + 1 < w->http.data + w->http.len && q[1] == '\n')
				blank = q + 2;
			else if (q + 2 < w->http.data + w->http.len && q[1] == '\r' && q[2] == '\n')
				blank = q + 3;
		}
		if (!blank) {
			if (w->http.len > HEADER_MAX) {
				problem(w, "HTTP headers longer than %d KB: skipped", HEADER_MAX >> 10);
				d->stage = IGNORED;
			}
			return;
		}
		size_t body = (size_t)(blank - w->http.data);	/* where the body starts in w->http */
		size_t used = take - (w->http.len - body);	/* of p, up to the body */

		http_headers(w, w->http.data, body);
		p += used;
		n -= used;
	}
	if (d->stage == BODY)
		chunk_feed(w, p, n);
}

/* Bytes of the current record's block. */
static void
block_feed(struct warc *w, const char *p, size_t n)
{
	switch (w->dec->kind) {
	case TEXT:
	case HTML:
		emit(w, p, n);
		break;
	case HTTP:
		http_feed(w, p, n);
		break;
	case SKIP:
		break;
	}
}

/*
 * Where a record boundary starts in p[0..n), before `limit`: the end of a
 * line, a blank line, then a WARC/1.0 or WARC/1.1 line.  Returns the offset
 * just after the first line end (the block's last byte), or n if none.
 */
static size_t
find_boundary(const char *p, size_t n, size_t limit)
{
	const char *q = p, *end = p + n;

	while ((q = memmem(q, (size_t)(end - q), "WARC/1.", 7))) {
		size_t pos = (size_t)(q - p);

		if (pos + 9 <= n && (q[7] == '0' || q[7] == '1') && (q[8] == '\r' || q[8] == '\n') && pos >= 2 &&
		    q[-1] == '\n') {
			size_t cut = q[-2] == '\n' ? pos - 1 : pos >= 3 && q[-2] == '\r' && q[-3] == '\n' ? pos - 2 : n;

			if (cut < n)
				return cut < limit ? cut : n;
		}
		q += 7;
	}
	return n;
}

/* After a record's block: only line ends up to the next WARC/1.x line or the end of the input? */
static int
at_boundary(const char *p, size_t n, int at_end)
{
	size_t i = 0;

	while (i < n && (p[i] == '\r' || p[i] == '\n'))
		i++;
	if (i == n)
		return at_end || n >= LOOK;
	return n - i >= 9 && (memcmp(p + i, "WARC/1.0", 8) == 0 || memcmp(p + i, "WARC/1.1", 8) == 0) &&
	    (p[i + 8] == '\r' || p[i + 8] == '\n');
}

/* The input ended inside a record: said once, with the gzip error that cut it if there is one. */
static void
truncated(struct warc *w, uint64_t got, uint64_t length)
{
	if (w->r->gzip_error) {
		problem(w, "%s", w->r->gzip_error);
		w->r->gzip_error = NULL;
	} else if (length == NO_LENGTH)
		problem(w, "truncated in its headers");
	else
		problem(w, "truncated: %llu of %llu bytes", (unsigned long long)got,
		    (unsigned long long)length);
	w->dec->truncated = 1;
}

/*
 * The block of the current record, `length` bytes, to block_feed().  A
 * record boundary inside it, or none right after it, means the length lies:
 * the block then ends at the next boundary.  NO_LENGTH reads up to it.
 */
static void
read_block(struct warc *w, uint64_t length)
{
	uint64_t left = length;
	int declared = length != NO_LENGTH;
	char *p;

	for (;;) {
		size_t n = reader_peek(w->r, LOOK, &p), take;
		int at_end = n < LOOK;

		if (left == 0) {
			if (at_boundary(p, n, at_end))
				return;
			problem(w, "Content-Length %llu ends inside the record: read up to the next record",
			    (unsigned long long)length);
			left = NO_LENGTH;
			declared = 0;
		}
		if (n == 0) {	/* the input ended: the record is cut short if it had more to come */
			if (declared || w->r->gzip_error)
				truncated(w, length - left, length);
			return;
		}
		size_t limit = left < n ? (size_t)left + 4 : n;
		size_t cut = find_boundary(p, n, limit);

		if (cut < left && cut < n) {	/* a record starts inside this one */
			if (declared)
				problem(w, "Content-Length %llu runs into the next record: read up to it",
				    (unsigned long long)length);
			block_feed(w, p, cut);
			reader_skip(w->r, cut);
			return;
		}
		take = left < n ? (size_t)left : at_end ? n : n - TAIL;
		block_feed(w, p, take);
		reader_skip(w->r, take);
		if (left != NO_LENGTH)
			left -= take;
	}
}

/* The next line of the input, raw, without its line end, cut at HEADER_MAX: 1, or 0 at the end. */
static int
raw_line(struct warc *w, struct buf *ln)
{
	char *p;
	size_t n;

	ln->len = 0;
	while ((n = reader_peek(w->r, 1, &p)) > 0) {
		char *nl = memchr(p, '\n', n);
		size_t take = nl ? (size_t)(nl - p) + 1 : n;

		if (ln->len < HEADER_MAX)
			buf_add(ln, p, take < HEADER_MAX - ln->len ? take : HEADER_MAX - ln->len);
		reader_skip(w->r, take);
		if (nl) {
			while (ln->len && (ln->data[ln->len - 1] == '\n' || ln->data[ln->len - 1] == '\r'))
				ln->len--;
			return 1;
		}
	}
	return 0;
}

static void
skip_line_ends(struct reader *r)
{
	char *p;
	size_t n, i;

	while ((n = reader_peek(r, 1, &p)) > 0) {
		for (i = 0; i < n && (p[i] == '\r' || p[i] == '\n'); i++)
			;
		reader_skip(r, i);
		if (i < n)
			return;
	}
}

/* A Content-Length value: the number, or NO_LENGTH if it is none. */
static uint64_t
parse_length(const char *v, size_t len)
{
	uint64_t n = 0;

	if (len == 0 || len > 18)
		return NO_LENGTH;
	for (size_t i = 0; i < len; i++) {
		if (v[i] < '0' || v[i] > '9')
			return NO_LENGTH;
		n = n * 10 + (uint64_t)(v[i] - '0');
	}
	return n;
}

/* The WARC headers of a record: its kind, URI and length.  0, or -1 if the input ended in them. */
static int
read_headers(struct warc *w, enum kind *kind, uint64_t *length)
{
	const char *v;
	size_t vlen;
	int have_length = 0;

	w->uri.len = w->type.len = w->ctype.len = 0;
	*length = NO_LENGTH;
	for (;;) {
		if (!raw_line(w, &w->line))
			return -1;
		struct buf *l = &w->line;

		if (l->len == 0)
			break;
		if ((v = header(l->data, l->len, "WARC-Type", &vlen)))
			buf_add(&w->type, v, vlen);
		else if ((v = header(l->data, l->len, "WARC-Target-URI", &vlen))) {
			if (vlen >= 2 && v[0] == '<' && v[vlen - 1] == '>')
				v++, vlen -= 2;
			buf_add(&w->uri, v, vlen);
		} else if ((v = header(l->data, l->len, "Content-Type", &vlen)))
			buf_add(&w->ctype, v, vlen);
		else if ((v = header(l->data, l->len, "Content-Length", &vlen))) {
			*length = parse_length(v, vlen);
			have_length = 1;
		}
	}
	if (have_length && *length == NO_LENGTH)
		problem(w, "Content-Length is not a number: read up to the next record");
	*kind = SKIP;
	w->charset[0] = '\0';
	if (value_is(w->type.data, w->type.len, "response"))
		*kind = HTTP;
	else if (value_is(w->type.data, w->type.len, "conversion"))
		*kind = TEXT;
	else if (value_is(w->type.data, w->type.len, "resource") &&
	    media_kind(w->ctype.data, w->ctype.len) == HTML) {
		*kind = HTML;
		take_charset(w, w->ctype.data, w->ctype.len);
	}
	return 0;
}

/* One record, from its WARC/1.x line. */
static void
read_record(struct warc *w)
{
	struct warc_decoder *d = w->dec;
	enum kind kind;
	uint64_t length;

	raw_line(w, &w->line);
	if (!(w->line.len == 8 && (memcmp(w->line.data, "WARC/1.0", 8) == 0 ||
	    memcmp(w->line.data, "WARC/1.1", 8) == 0))) {
		problem(w, "no WARC/1.0 or WARC/1.1 line where the record starts: skipped to the next record");
		d->kind = SKIP;
		read_block(w, NO_LENGTH);
		return;
	}
	if (read_headers(w, &kind, &length) < 0) {
		truncated(w, 0, NO_LENGTH);
		return;
	}
	d->kind = kind;
	d->open = d->truncated = 0;
	d->coding = IDENTITY;
	d->chunk = RAW;
	d->z_started = d->z_end = 0;
	w->http.len = 0;
	d->stage = HEADERS;
	if (kind == TEXT || kind == HTML)
		doc_begin(w, kind == HTML ? FORM_HTML : FORM_TEXT);
	read_block(w, length);
	if (d->open && d->coding != IDENTITY && d->z_started && !d->z_end && !d->truncated)
		problem(w, "truncated %s content", d->coding == GZIP ? "gzip" : "deflate");
	if (d->open) {
		emit_pending(w);
		w->sink->end(w->sink->ctx);
	}
	d->open = 0;
}

int
warc_read(struct warc *w, struct reader *r, const struct warc_sink *sink)
{
	char *p;

	w->r = r;
	w->sink = sink;
	w->record = 0;
	w->problems = 0;
	if (!w->dec) {
		w->dec = xmalloc(sizeof *w->dec);
		memset(w->dec, 0, sizeof *w->dec);
	}
	for (;;) {
		skip_line_ends(r);
		if (reader_peek(r, 1, &p) == 0)
			break;
		w->record++;
		read_record(w);
	}
	if (r->gzip_error) {	/* the gzip data ended or broke between two records */
		w->record++;
		problem(w, "%s", r->gzip_error);
		r->gzip_error = NULL;
	}
	return w->problems > 0;
}

void
warc_free(struct warc *w)
{
	buf_free(&w->line);
	buf_free(&w->uri);
	buf_free(&w->type);
	buf_free(&w->ctype);
	buf_free(&w->http);
	buf_free(&w->pending);
	if (w->dec) {
		if (w->dec->z_inited)
			inflateEnd(&w->dec->z);
		free(w->dec);
	}
	memset(w, 0, sizeof *w);
}
