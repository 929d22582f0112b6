/*
 * prepare-tables english|entity FILE: build tag-entities' tables from the
 * lists of lib/data/ and write them as a prepared image (data.h) that the
 * Makefile links into the programs: english-lists.bin (english.h) or
 * entity-tables.bin (the tagger's cues, lexicons and places).
 */
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "data.h"
#include "diag.h"
#include "entity-impl.h"
#include "english.h"

int
main(int argc, char *argv[])
{
	struct buf image = { 0 };
	FILE *f;

	setprogname(argv[0]);
	if (argc != 3 || (strcmp(argv[1], "english") != 0 && strcmp(argv[1], "entity") != 0)) {
		fprintf(stderr, "usage: prepare-tables english|entity FILE\n");
		return 2;
	}
	if (strcmp(argv[1], "english") == 0)
		english_lists_image(&image);
	else {
		struct tagger *t = tagger_with_tables(NULL);

		tagger_tables_image(t, &image);
		tagger_free(t);
	}
	if (!(f = fopen(argv[2], "wb")) || fwrite(image.data, 1, image.len, f) != image.len || fclose(f) != 0)
		die("%s:", argv[2]);
	buf_free(&image);
	return 0;
}
