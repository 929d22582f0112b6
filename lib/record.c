/* Line records from files or stdin, and their TAB fields. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "mem.h"
#include "record.h"
#include "utf8.h"

#define BLOCK (1 << 17)

int
reader_open(struct reader *r, const char *name)
{
	int fd = strcmp(name, "-") == 0 ? STDIN_FILENO : open(name, O_RDONLY);

	if (fd < 0)
		return -1;
	if (!r->block) {
		r->cap = BLOCK;
		r->block = xmalloc(r->cap);
	}
	r->name = name;
	r->fd = fd;
	r->lineno = r->nbad = r->firstbad = 0;
	r->error = r->eof = 0;
	r->start = r->end = 0;
	return 0;
}

/* Read more input after the unread bytes; 0 at end of input or error. */
static int
fill(struct reader *r)
{
	if (r->eof)
		return 0;
	if (r->start > 0) {	/* slide the partial line to the front */
		memmove(r->block, r->block + r->start, r->end - r->start);
		r->end -= r->start;
		r->start = 0;
	}
	if (r->end == r->cap)	/* a line longer than the block: grow */
		r->block = xgrow(r->block, &r->cap, r->cap + 1, 1);
	for (;;) {
		ssize_t n = read(r->fd, r->block + r->end, r->cap - r->end);

		if (n > 0) {
			r->end += (size_t)n;
			return 1;
		}
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			warn("%s:", r->name);
			r->error = 1;
		}
		r->eof = 1;
		return 0;
	}
}

int
reader_line(struct reader *r, struct line *ln)
{
	size_t scanned = r->start;
	char *nl;

	while (!(nl = memchr(r->block + scanned, '\n', r->end - scanned))) {
		size_t seen = r->end - r->start;	/* of this line, already searched */

		if (!fill(r)) {
			if (r->start == r->end)
				return 0;
			nl = r->block + r->end;	/* last line without LF */
			break;
		}
		scanned = r->start + seen;
	}
	ln->data = r->block + r->start;
	ln->len = (size_t)(nl - ln->data);
	r->start = nl < r->block + r->end ? (size_t)(nl - r->block) + 1 : r->end;
	r->lineno++;

	if (ln->len > 0 && ln->data[ln->len - 1] == '\r')
		ln->len--;
	if (r->lineno == 1 && ln->len >= 3 && memcmp(ln->data, "\xEF\xBB\xBF", 3) == 0) {
		ln->data += 3;
		ln->len -= 3;
	}
	if (!utf8_valid(ln->data, ln->len)) {
		r->repaired.len = 0;
		size_t bad = utf8_repair(&r->repaired, ln->data, ln->len);

		if (!r->nbad)
			r->firstbad = r->lineno;
		r->nbad += bad;
		ln->data = r->repaired.data;
		ln->len = r->repaired.len;
	}
	return 1;
}

int
reader_close(struct reader *r)
{
	int status = r->error;

	if (r->nbad) {
		warn("%s:%lu: invalid UTF-8 replaced by U+FFFD (%lu sequence%s in the input)",
		    r->name, r->firstbad, r->nbad, r->nbad == 1 ? "" : "s");
		status = 1;
	}
	if (r->fd != STDIN_FILENO)
		close(r->fd);
	r->fd = -1;
	return status;
}

void
reader_free(struct reader *r)
{
	free(r->block);
	buf_free(&r->repaired);
	memset(r, 0, sizeof *r);
}

int
each_input(int argc, char **argv, input_fn *fn, void *ctx)
{
	static char *use_stdin[] = { "-", NULL };
	struct reader r = { 0 };
	int status = 0;

	if (argc == 0) {
		argc = 1;
		argv = use_stdin;
	}
	for (int i = 0; i < argc; i++) {
		if (reader_open(&r, argv[i]) < 0) {
			warn("%s:", argv[i]);
			status = 1;
			continue;
		}
		if (fn(&r, ctx))
			status = 1;
		status |= reader_close(&r);
	}
	reader_free(&r);
	return status;
}

int
read_text_file(const char *name, struct buf *text)
{
	struct reader r = { 0 };
	struct line ln;
	int status;

	if (reader_open(&r, name) < 0)
		return -1;
	while (reader_line(&r, &ln)) {
		buf_add(text, ln.data, ln.len);
		buf_addc(text, '\n');
	}
	buf_reserve(text, 1);	/* an empty file still gives a non-NULL text */
	status = reader_close(&r);
	reader_free(&r);
	return status;
}

int
read_file(const char *name, struct buf *data)
{
	int fd = open(name, O_RDONLY);
	ssize_t got;

	if (fd < 0)
		return -1;
	do {
		buf_reserve(data, BLOCK);
		got = read(fd, data->data + data->len, data->cap - data->len);
		if (got > 0)
			data->len += (size_t)got;
	} while (got > 0 || (got < 0 && errno == EINTR));
	if (got < 0) {
		int saved = errno;

		close(fd);
		errno = saved;
		return -1;
	}
	close(fd);
	return 0;
}

void
fields_split(struct fields *fs, const struct line *ln)
{
	char *p = ln->data, *end = ln->data + ln->len;

	fs->n = 0;
	for (;;) {
		char *tab = memchr(p, '\t', (size_t)(end - p));
		char *stop = tab ? tab : end;

		if (fs->n == fs->cap)
			fs->f = xgrow(fs->f, &fs->cap, fs->n + 1, sizeof *fs->f);
		fs->f[fs->n].data = p;
		fs->f[fs->n].len = (size_t)(stop - p);
		fs->n++;
		if (!tab)
			break;
		p = tab + 1;
	}
}

int
record_split(struct reader *r, const struct line *ln, struct fields *fs, size_t want,
    const char *names)
{
	if (!memchr(ln->data, '\t', ln->len))
		return 0;
	fields_split(fs, ln);
	if (fs->n != want) {
		warn("%s:%lu: want %zu fields %s, found %zu", r->name, r->lineno, want, names, fs->n);
		return -1;
	}
	/* The fields between DOC and TEXT are line and sentence numbers. */
	for (size_t i = 1; i + 1 < want; i++) {
		const struct line *f = &fs->f[i];
		const char *name = names;
		size_t k = 0, namelen;

		while (k < f->len && f->data[k] >= '0' && f->data[k] <= '9')
			k++;
		if (k > 0 && k == f->len && k <= 19)
			continue;
		for (size_t skip = i; skip > 0; skip--)
			name = strchr(name, ' ') + 1;
		namelen = strcspn(name, " ");
		if (f->len == 0)
			warn("%s:%lu: %.*s is empty", r->name, r->lineno, (int)namelen, name);
		else
			warn("%s:%lu: %.*s is not a number: %.*s", r->name, r->lineno, (int)namelen, name,
			    (int)utf8_cut(f->data, f->len, 40), f->data);
		return -1;
	}
	return 1;
}

void
fields_free(struct fields *fs)
{
	free(fs->f);
	memset(fs, 0, sizeof *fs);
}
