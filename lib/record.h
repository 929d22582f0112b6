/*
 * The one record reader: lines of any length from a file or stdin, read in
 * large blocks into one reused buffer.  LF or CRLF ends a line, a leading
 * byte-order mark is skipped, NUL bytes are kept, the last line needs no LF,
 * and invalid UTF-8 is replaced by U+FFFD (counted in `nbad`).
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
	/* private */
	char *block;
	size_t cap, start, end;
	int eof;
	struct buf repaired;
};

/* Open NAME ("-" is stdin), reusing r's buffers; -1 with errno on failure. */
int reader_open(struct reader *r, const char *name);
/* Next line into *ln, valid until the next call: 1 a line, 0 end of input or error. */
int reader_line(struct reader *r, struct line *ln);
/* Close the input; returns 1 if it had a read error or invalid UTF-8 (reported here), else 0. */
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
