/*
 * WARC/1.0 and WARC/1.1 streams, read at the byte level: each record by its
 * Content-Length, the documents among them given to a sink as decoded
 * bytes.  Documents are the `response` records of HTTP status 2xx whose
 * Content-Type is HTML (an HTML document) or text/plain (text), the
 * `conversion` records of WET files (text) and the `resource` records of
 * HTML; every other record is skipped.  HTTP bodies are decoded: chunked
 * transfer (or the raw body, when a writer kept the header over a body that
 * is not chunked), gzip or deflate content.  Problems are reported as
 * "NAME: record N: ..." and reading goes on: a Content-Length that lies is
 * corrected at the next record boundary (a blank line, then a WARC/1.0 or
 * WARC/1.1 line), which also ends a record that has none.
 */
#ifndef WARC_H
#define WARC_H

#include <stddef.h>

#include "buf.h"
#include "form.h"
#include "record.h"

struct warc_doc {
	const char *uri;	/* WARC-Target-URI, angle brackets taken off */
	size_t urilen;		/* 0 when the record has none */
	enum form form;		/* FORM_TEXT or FORM_HTML */
	const char *charset;	/* of the Content-Type, or NULL */
	unsigned long record;	/* its number in the stream, from 1 */
};

/* Where the documents go: begin, the body in pieces, end. */
struct warc_sink {
	void (*begin)(void *ctx, const struct warc_doc *doc);
	void (*data)(void *ctx, const char *bytes, size_t n);
	void (*end)(void *ctx);
	void *ctx;
};

struct warc_decoder;

/* A reader of WARC streams; zero it before the first use; its buffers are reused. */
struct warc {
	unsigned long record;	/* the record being read, from 1 */
	int problems;		/* reported so far in this stream */
	/* private */
	struct reader *r;
	const struct warc_sink *sink;
	struct buf line, uri, type, ctype, http;
	struct buf pending;	/* document bytes not yet given to the sink */
	char charset[64];
	struct warc_decoder *dec;
};

/*
 * Every record of the WARC stream on r (from its first byte to its end),
 * the documents to sink.  Returns 1 if a problem was reported (a truncated
 * or malformed record, a lying Content-Length, a body that cannot be
 * decoded, bad gzip input), else 0.
 */
int warc_read(struct warc *w, struct reader *r, const struct warc_sink *sink);
void warc_free(struct warc *w);

#endif
