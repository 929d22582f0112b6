/* Fuzz target: gzip input, WARC records, HTTP headers, chunked and gzip/deflate bodies, form detection. */
#include <stdlib.h>
#include <string.h>

#include "form.h"
#include "fuzzlib.h"
#include "record.h"
#include "warc.h"

/* What the sink promises: begin, data, end, in that order; a URI without its <>. */
struct check {
	int open;
	unsigned long record, docs;
	size_t bytes;
};

static void
begin(void *ctx, const struct warc_doc *d)
{
	struct check *c = ctx;

	if (c->open || (d->form != FORM_TEXT && d->form != FORM_HTML) || d->record <= c->record)
		abort();
	if (d->urilen && (d->uri[0] == '<' && d->uri[d->urilen - 1] == '>'))
		abort();
	if (d->charset && strlen(d->charset) >= 64)
		abort();
	c->open = 1;
	c->record = d->record;
	c->docs++;
}

static void
data(void *ctx, const char *bytes, size_t n)
{
	struct check *c = ctx;

	if (!c->open || n == 0)
		abort();
	c->bytes += n;
	(void)bytes[n - 1];
}

static void
end(void *ctx)
{
	struct check *c = ctx;

	if (!c->open)
		abort();
	c->open = 0;
}

int
LLVMFuzzerTestOneInput(const unsigned char *data_, size_t size)
{
	static struct reader r;
	static struct warc w;
	struct check c = { 0 };
	struct warc_sink sink = { begin, data, end, &c };
	char *start;

	fuzz_stdin(data_, size);
	if (reader_open(&r, "-") < 0)
		abort();
	size_t n = reader_peek(&r, FORM_SNIFF, &start);

	(void)form_detect(start, n, "page.html.gz");
	/* every input is read as a WARC stream, whatever its form: the reader must stand it */
	warc_read(&w, &r, &sink);
	if (c.open || c.docs > c.record)
		abort();
	reader_close(&r);
	return 0;
}
