/* Helpers shared by the fuzz targets: the input as repaired UTF-8 lines. */
#ifndef FUZZLIB_H
#define FUZZLIB_H

#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "buf.h"
#include "record.h"
#include "utf8.h"

/* The input repaired to valid UTF-8, as the record reader would pass it on. */
static inline void
fuzz_text(struct buf *text, const unsigned char *data, size_t size)
{
	text->len = 0;
	utf8_repair(text, (const char *)data, size);
}

/* Next line of text from *pos (without its LF): 1, or 0 at the end. */
static inline int
fuzz_line(const struct buf *text, size_t *pos, struct line *ln)
{
	if (*pos >= text->len)
		return 0;
	char *s = text->data + *pos;
	char *nl = memchr(s, '\n', text->len - *pos);
	size_t len = nl ? (size_t)(nl - s) : text->len - *pos;

	*pos += len + 1;
	ln->data = s;
	ln->len = len;
	return 1;
}

/* The input as standard input (a memory file), for the targets that read through a reader. */
static inline void
fuzz_stdin(const unsigned char *data, size_t size)
{
	int fd = memfd_create("fuzz", 0);

	if (fd < 0 || write(fd, data, size) != (ssize_t)size)
		abort();
	lseek(fd, 0, SEEK_SET);
	dup2(fd, STDIN_FILENO);
	close(fd);
}

/* 1 if offset i of s[0..n) is at a character boundary. */
static inline int
fuzz_boundary(const char *s, size_t n, size_t i)
{
	return i == n || ((unsigned char)s[i] & 0xC0) != 0x80;
}

#ifdef BOILERPLATE_H
/* strip-boilerplate's model with the default options, made on the first call. */
static inline struct bp_model *
fuzz_bp_model(void)
{
	static struct bp_model model;
	static int ready;

	if (!ready) {
		struct bp_options o;

		bp_defaults(&o);
		if (bp_init(&model, &o) < 0)
			abort();
		ready = 1;
	}
	return &model;
}

/* Count and classify lines (page: NULL for text): each must get a class and a score. */
static inline void
fuzz_bp_classify(struct bp_line *lines, size_t n, const struct bp_page *page)
{
	struct bp_model *model = fuzz_bp_model();

	bp_count(model, lines, n);
	bp_classify(model, lines, n, page);
	for (size_t i = 0; i < n; i++)
		if (lines[i].class > BP_TITLE || lines[i].score != lines[i].score)
			abort();
}
#endif

#endif
