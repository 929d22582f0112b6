/*
 * Data files built into the programs: the files of lib/data/ a program's
 * modules read (the Makefile's DATA_program lists) are linked in at build
 * time (see scripts/embed-data), so a tool never goes looking for its
 * stoplists or model at run time.
 */
#ifndef DATA_H
#define DATA_H

#include <stddef.h>

#include "record.h"

struct blob {
	const char *name;	/* file name within lib/data/ */
	const char *data;
	size_t len;
};

/* The built-in file NAME, or NULL. */
const struct blob *data_find(const char *name);
/* Next line of a text blob from *pos, skipping blank lines and '#' comments: 1 or 0 at the end. */
int data_next_line(const struct blob *b, size_t *pos, struct line *ln);

#endif
