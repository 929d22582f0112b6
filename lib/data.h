/*
 * Data files built into the programs: the files of lib/data/ a program's
 * modules read (the Makefile's DATA_program lists) are linked in at build
 * time (see scripts/embed-data), so a tool never goes looking for its
 * stoplists or model at run time.
 */
#ifndef DATA_H
#define DATA_H

#include <stddef.h>

#include "buf.h"
#include "hash.h"
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

/*
 * A prepared image: tables built from the lists at build time
 * (scripts/prepare-tables), linked in as a data file and used in place.
 * It is arrays one after the other, each its length then its bytes,
 * 8-aligned, read back in the order they were put.
 */
void image_put(struct buf *out, const void *p, size_t n);
void image_put_table(struct buf *out, const struct table *t);
/* The next array of image b from *pos and its length, or NULL past the end or on a malformed image. */
const void *image_get(const struct blob *b, size_t *pos, size_t *n);
/* The next table of image b from *pos as t's view (table_view): 0 on a malformed image. */
int image_get_table(const struct blob *b, size_t *pos, struct table *t);

#endif
