/*
 * WARC and WET streams, line by line: which lines are the text of a
 * document (a conversion or response record) and what its URI is.
 */
#ifndef WARC_H
#define WARC_H

#include <stddef.h>

#include "buf.h"

enum warc_event {
	WARC_SKIP,	/* a header, or part of a record that is not a document */
	WARC_RECORD,	/* a new record starts: any open document ends here */
	WARC_BEGIN,	/* the headers ended; a document named `uri` starts */
	WARC_TEXT	/* a line of the document, its number in `lineno` */
};

struct warc {
	int state;
	int blank;		/* the previous line was blank */
	int wanted;		/* the record is a conversion or response */
	struct buf uri;
	unsigned long lineno;	/* of the last WARC_TEXT line, from 1 */
};

/* 1 if the line opens a WARC record ("WARC/1.0", "WARC/1.1"). */
int warc_magic(const char *s, size_t len);
void warc_start(struct warc *w);
enum warc_event warc_line(struct warc *w, const char *s, size_t len);
void warc_free(struct warc *w);

#endif
