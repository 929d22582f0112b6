/*
 * The one record reader: lines of any length from a file or stdin, read in
 * large blocks into one reused buffer.  LF or CRLF ends a line, a leading
 * byte-order mark is skipped, NUL bytes are kept, the last line needs no LF,
 * and invalid UTF-8 is replaced by U+FFFD (counted in `nbad`).  An input
 * that starts with the gzip magic bytes is inflated as it is read, member
 * after member, whatever its name: every tool reads .gz files and streams.
 */
#ifndef RECORD_H
#define RECORD_H

#include <stddef.h>

#include "buf.h"

struct line {
	char *data;
	size_t len;
};

struct reader {
	const char *name;	/* as given; "-" for stdin */
	int fd;
	unsigned long lineno;	/* of the line last returned, from 1 */
	unsigned long nbad;	/* invalid UTF-8 sequences replaced so far */
	unsigned long firstbad;	/* line of the first one */
	int error;		/* a read error happened (already reported) */
	int gzip;		/* the input is gzip data, inflated as it is read */
	const char *gzip_error;	/* truncated or corrupt gzip data: why, or NULL (reported on close) */
	/* private */
	char *block;
	size_t cap, start, end;
	size_t valid_to;	/* block[start, valid_to) is known to be valid UTF-8 */
	int eof, sniffed;
	struct buf repaired;
	struct gz *gz;		/* the inflater, kept from one gzip input to the next */
};

/* Open NAME ("-" is stdin), reusing r's buffers; -1 with errno on failure. */
int reader_open(struct reader *r, const char *name);
/* Next line into *ln, valid until the next call: 1 a line, 0 end of input or error. */
int reader_line(struct reader *r, struct line *ln);
/*
 * The bytes not read yet, as they are (no line split, no UTF-8 repair): at
 * least `want` of them unless the input ends first.  Returns how many are
 * at *bytes (0 at the end), valid until the next call; reader_skip() then
 * consumes some.  For readers of byte formats (WARC, HTML).
 */
size_t reader_peek(struct reader *r, size_t want, char **bytes);
void reader_skip(struct reader *r, size_t n);
/*
 * Close the input; returns 1 if it had a read error, invalid UTF-8 or bad
 * gzip data (reported here unless gzip_error was cleared), else 0.
 */
int reader_close(struct reader *r);
void reader_free(struct reader *r);

/*
 * Run fn on each named input in turn (stdin when there are none), like cat:
 * a file that cannot be opened is reported and skipped.  Returns 0 if all
 * went well, 1 if anything failed or fn returned non-zero.
 */
typedef int input_fn(struct reader *r, void *ctx);
int each_input(int argc, char **argv, input_fn *fn, void *ctx);

/*
 * All of text file NAME appended to *text as lines ended by LF, read like
 * any input (UTF-8 repaired, CRLF and BOM taken off).  Returns -1 with
 * errno if it cannot be opened, 1 if it had errors (reported), else 0.
 */
int read_text_file(const char *name, struct buf *text);
/* All the bytes of file NAME appended to *data, as they are (a model): 0, or -1 with errno. */
int read_file(const char *name, struct buf *data);

/* TAB-separated fields of a line, pointing into it (nothing is copied). */
struct fields {
	struct line *f;
	size_t n, cap;
};

void fields_split(struct fields *fs, const struct line *ln);
/*
 * A line of a stage's input: plain text (no TAB: returns 0), or a record of
 * exactly `want` fields into *fs (returns 1), the fields between the first
 * and the last being numbers (NAMES names the fields, "DOC LINE TEXT").
 * Any other count is reported as "FILE:LINE: want N fields NAMES, found M",
 * a bad number as "FILE:LINE: LINE is not a number: x" or "... LINE is empty"
 * (returns -1).
 */
int record_split(struct reader *r, const struct line *ln, struct fields *fs, size_t want,
    const char *names);
void fields_free(struct fields *fs);

#endif
