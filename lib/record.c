/* Line records from files or stdin, and their TAB fields. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "diag.h"
#include "mem.h"
#include "record.h"
#include "utf8.h"

#define BLOCK (1 << 17)

/* The inflater of gzip input and its own block of compressed bytes. */
struct gz {
	z_stream z;
	unsigned char *in;
	int in_eof;		/* no more compressed bytes */
	int member_end;		/* a member ended: another one, or the end, follows */
	int failed;		/* gzip_error is set: nothing more is inflated */
	char msg[96];
};

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
	r->error = r->eof = r->sniffed = r->gzip = 0;
	r->gzip_error = NULL;
	r->start = r->end = r->valid_to = 0;
	return 0;
}

/* Up to n raw bytes of the input into p: how many, 0 at its end or on an error (reported). */
static size_t
read_raw(struct reader *r, void *p, size_t n)
{
	for (;;) {
		ssize_t got = read(r->fd, p, n);

		if (got >= 0)
			return (size_t)got;
		if (errno == EINTR)
			continue;
		warn("%s:", r->name);
		r->error = 1;
		return 0;
	}
}

static void
gz_fail(struct reader *r, const char *why, const char *detail)
{
	struct gz *g = r->gz;

	snprintf(g->msg, sizeof g->msg, "%s%s%s", why, detail ? ": " : "", detail ? detail : "");
	g->failed = 1;
	r->gzip_error = g->msg;
}

/* Start inflating: the n bytes read so far at the end of the block are the first compressed ones. */
static void
gz_start(struct reader *r, size_t n)
{
	if (!r->gz) {
		r->gz = xmalloc(sizeof *r->gz);
		memset(r->gz, 0, sizeof *r->gz);
		r->gz->in = xmalloc(BLOCK);
		if (inflateInit2(&r->gz->z, 15 + 16) != Z_OK)
			die("zlib: cannot start inflating");
	} else
		inflateReset(&r->gz->z);
	memcpy(r->gz->in, r->block + r->end, n);
	r->gz->z.next_in = r->gz->in;
	r->gz->z.avail_in = (uInt)n;
	r->gz->in_eof = r->gz->member_end = r->gz->failed = 0;
	r->gzip = 1;
}

/* Inflate into the free end of the block: how many bytes came, 0 at the end of the data or on an error. */
static size_t
gz_fill(struct reader *r)
{
	struct gz *g = r->gz;
	z_stream *z = &g->z;

	while (!g->failed) {
		if (z->avail_in == 0 && !g->in_eof) {
			z->next_in = g->in;
			z->avail_in = (uInt)read_raw(r, g->in, BLOCK);
			g->in_eof = z->avail_in == 0;
			continue;
		}
		if (g->member_end) {	/* a member ended: the end, or the next member */
			if (z->avail_in == 0)
				return 0;
			if (z->next_in[0] != 0x1f || (z->avail_in > 1 && z->next_in[1] != 0x8b)) {
				gz_fail(r, "trailing bytes after the gzip data", NULL);
				return 0;
			}
			inflateReset(z);
			g->member_end = 0;
		}
		if (z->avail_in == 0) {	/* the input ended inside a member */
			if (!r->error)
				gz_fail(r, "truncated gzip data", NULL);
			return 0;
		}
		z->next_out = (unsigned char *)r->block + r->end;
		z->avail_out = (uInt)(r->cap - r->end);
		int rc = inflate(z, Z_NO_FLUSH);
		size_t got = r->cap - r->end - z->avail_out;

		if (rc == Z_STREAM_END)
			g->member_end = 1;
		else if (rc != Z_OK && rc != Z_BUF_ERROR)
			gz_fail(r, "corrupt gzip data", z->msg);
		if (got > 0)
			return got;
	}
	return 0;
}

/* The first bytes of the input, gzip or not: how many came (0 at once at its end). */
static size_t
sniff(struct reader *r)
{
	size_t got = 0, n, room = r->cap - r->end < BLOCK ? r->cap - r->end : BLOCK;

	r->sniffed = 1;
	while (got < 2 && (n = read_raw(r, r->block + r->end + got, room - got)) > 0)
		got += n;
	if (got >= 2 && (unsigned char)r->block[r->end] == 0x1f &&
	    (unsigned char)r->block[r->end + 1] == 0x8b) {
		gz_start(r, got);
		return gz_fill(r);
	}
	return got;
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
		r->valid_to = r->valid_to > r->start ? r->valid_to - r->start : 0;
		r->start = 0;
	}
	if (r->end == r->cap)	/* a line longer than the block: grow */
		r->block = xgrow(r->block, &r->cap, r->cap + 1, 1);
	size_t n = !r->sniffed ? sniff(r) : r->gzip ? gz_fill(r) :
	    read_raw(r, r->block + r->end, r->cap - r->end);

	if (n == 0) {
		r->eof = 1;
		return 0;
	}
	r->end += n;
	return 1;
}

size_t
reader_peek(struct reader *r, size_t want, char **bytes)
{
	while (r->end - r->start < want && fill(r))
		;
	*bytes = r->block + r->start;
	return r->end - r->start;
}

void
reader_skip(struct reader *r, size_t n)
{
	r->start += n;
	r->valid_to = 0;	/* the next line may start inside a character that was checked from before it */
}

/*
 * 1 if the line [from, to) of the block is valid UTF-8.  The check runs
 * from the line's start over every byte read so far, in one call, and
 * remembers how far they are valid: the lines that follow are known valid
 * without a call each (they are short, the calls cost more than the check).
 */
static int
line_valid(struct reader *r, size_t from, size_t to)
{
	if (to > r->valid_to)
		r->valid_to = from + utf8_valid_prefix(r->block + from, r->end - from);
	return to <= r->valid_to;
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
	if (!line_valid(r, (size_t)(ln->data - r->block), (size_t)(ln->data - r->block) + ln->len)) {
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
	if (r->gzip_error) {
		warn("%s: %s", r->name, r->gzip_error);
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
	if (r->gz) {
		inflateEnd(&r->gz->z);
		free(r->gz->in);
		free(r->gz);
	}
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
