/* strip-boilerplate: the article body paragraphs of scraped pages, as records. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "boilerplate.h"
#include "cli.h"
#include "diag.h"
#include "form.h"
#include "html.h"
#include "mem.h"
#include "out.h"
#include "pagemeta.h"
#include "pool.h"
#include "record.h"
#include "utf8.h"
#include "warc.h"

static const char usage[] =
    "usage: strip-boilerplate [-e] [--render] [--meta] [-l LANG] [-t SCORE] [-n SCORE]\n"
    "                         [-s WORDS] [-r DOCS] [-R WORDS] [-c WORDS] [-b DOCS] [FILE...]\n";
static const char help[] =
    "Keep the article body paragraphs of each document: DOC LINE TEXT per kept line.\n"
    "  -e, --explain           every non-blank line: DOC LINE CLASS SCORE TEXT\n"
    "      --render            every line as read (an HTML page rendered): DOC LINE TEXT\n"
    "      --meta              each page's url, title, date and lang: DOC FIELD VALUE\n"
    "  -l, --lang LANG         stoplist: id, en, ... or auto (default auto)\n"
    "  -t, --threshold SCORE   a line is body from this score (default 0.5)\n"
    "  -n, --near SCORE        a line this good may join body around it (default 0.3)\n"
    "  -s, --short-words WORDS lines under WORDS words are judged by context (default 8)\n"
    "  -r, --repeat DOCS       a line found in DOCS documents is boilerplate (default 3; 0 off)\n"
    "  -R, --repeat-words WORDS ... if it has fewer than WORDS words (default 40)\n"
    "  -c, --cue-words WORDS   a cue phrase marks lines under WORDS words (default 20)\n"
    "  -b, --block DOCS        documents counted together before any is written (default 1000)\n";

/* A block of documents is counted, then written: at most this much memory (text and lines). */
#define BLOCK_BYTES (32u << 20)
/* The documents ended are analysed by the pool's threads in batches of about this much text. */
#define BATCH_TEXT (64u << 10)
/* Batches in flight, threads at most. */
#define BATCHES 8
#define THREADS 4

/* The non-blank lines of the documents read but not yet written. */
struct docset {
	struct buf text;
	struct bp_line *lines;
	size_t *offs;		/* of each line's text in text (it may move as text grows) */
	size_t n, cap;		/* of lines and offs */
	struct doc {
		size_t name, namelen;	/* in names */
		size_t first, n;	/* in lines */
		size_t title, titlelen;	/* an HTML page's, in names */
		char lang[16];		/* an HTML page's, "" if none */
		int html;		/* an HTML page: title and lang apply */
	} *docs;
	size_t ndocs, dcap;
	struct buf names;
	int open;
	size_t submitted, submitted_text;	/* documents handed to the pool, and the text before theirs */
};

/* The lines of documents [d0, d1) of the block, analysed by a thread, then counted in order. */
struct batch {
	struct bp_line *lines;	/* the block's (it moves only once no batch is out) */
	size_t first, n;
	size_t d0, d1;
};

/* A text document given as bytes in pieces (a WARC record), cut into lines as the reader would. */
struct textdoc {
	struct buf pending;	/* bytes after the last LF */
	struct buf repaired;
	unsigned long lineno;
	unsigned long record;	/* of the WARC stream */
	unsigned long nbad;	/* invalid UTF-8 sequences replaced in the stream */
	unsigned long firstbad;	/* the record of the first one */
};

/* A thread's state: the model, shared, and the lines it met. */
struct analyst {
	const struct bp_model *model;
	struct bp_memo memo;
};

struct run {
	struct bp_model model;
	struct docset set;
	struct warc warc;
	struct textdoc textdoc;
	struct html html;
	struct pagemeta meta;
	int explain, render, want_meta;
	int classify;	/* lines are judged (not --render, not --meta) */
	int status;	/* 1 once a page was reported */
	char where[300];	/* how a message names the page: its input, and its WARC record */
	long block;	/* documents of a stream counted together */
	struct pool *pool;	/* analyses the lines when they are counted (not --render, --meta, -r 0) */
	struct analyst analysts[THREADS];	/* its threads' */
	size_t threads;
};

/*
 * Room for a block's text and lines in huge pages, reserved before they
 * are touched: a page fault per 4 KB of fresh memory costs more than the
 * work on it on a virtual machine (pages untouched cost nothing).
 */
static void
docset_reserve(struct docset *s)
{
	size_t lines = BLOCK_BYTES / (sizeof *s->lines + sizeof *s->offs);

	buf_reserve(&s->text, BLOCK_BYTES);
	huge_pages(s->text.data, s->text.cap);
	s->lines = xgrow(s->lines, &s->cap, lines, sizeof *s->lines);
	huge_pages(s->lines, s->cap * sizeof *s->lines);
	s->offs = xrealloc(s->offs, s->cap * sizeof *s->offs);
	huge_pages(s->offs, s->cap * sizeof *s->offs);
}

static void
doc_begin(struct docset *s, const char *name, size_t len)
{
	if (s->ndocs == s->dcap)
		s->docs = xgrow(s->docs, &s->dcap, s->ndocs + 1, sizeof *s->docs);
	s->docs[s->ndocs].name = s->names.len;
	s->docs[s->ndocs].namelen = len;
	s->docs[s->ndocs].first = s->n;
	s->docs[s->ndocs].n = 0;
	s->docs[s->ndocs].title = s->docs[s->ndocs].titlelen = 0;
	s->docs[s->ndocs].lang[0] = 0;
	s->docs[s->ndocs].html = 0;
	buf_add(&s->names, name, len);
	s->ndocs++;
	s->open = 1;
}

/* Only spaces, tabs, no-break and other Unicode spaces? */
static int
blank(const char *text, size_t len)
{
	const unsigned char *s = (const unsigned char *)text;

	for (size_t i = 0; i < len; i++) {
		if (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\v' || s[i] == '\f')
			continue;
		if (s[i] == 0xC2 && i + 1 < len && s[i + 1] == 0xA0)
			i += 1;
		else if (s[i] == 0xE2 && i + 2 < len && s[i + 1] == 0x80 && s[i + 2] <= 0x8B)
			i += 2;
		else if (s[i] == 0xE3 && i + 2 < len && s[i + 1] == 0x80 && s[i + 2] == 0x80)
			i += 2;
		else
			return 0;
	}
	return 1;
}

/*
 * Add a non-blank line to the document: its bp_line, or NULL for a blank
 * line.  Its signals are taken now, while its text is in the cache.
 */
static struct bp_line *
doc_line(struct run *run, const char *text, size_t len, unsigned long lineno)
{
	struct docset *s = &run->set;

	if (blank(text, len))
		return NULL;
	if (run->pool && (s->n == s->cap || s->text.cap - s->text.len < len))
		pool_wait(run->pool);	/* the lines and text may move: no thread may be reading them */
	if (s->n == s->cap) {
		s->lines = xgrow(s->lines, &s->cap, s->n + 1, sizeof *s->lines);
		s->offs = xrealloc(s->offs, s->cap * sizeof *s->offs);
	}
	struct bp_line *l = &s->lines[s->n];
	size_t textcap = s->text.cap;

	memset(l, 0, sizeof *l);
	l->len = len;
	l->lineno = lineno;
	s->offs[s->n] = s->text.len;
	buf_add(&s->text, text, len);
	if (s->text.cap != textcap)	/* the text may have moved: the lines point into it anew */
		for (size_t i = 0; i < s->n; i++)
			s->lines[i].text = s->text.data + s->offs[i];
	l->text = s->text.data + s->offs[s->n];
	s->n++;
	s->docs[s->ndocs - 1].n++;
	return l;
}

/* Forget the document being read (a page too large to judge). */
static void
doc_drop(struct docset *s)
{
	struct doc *d = &s->docs[s->ndocs - 1];

	if (d->n)
		s->text.len = s->offs[d->first];
	s->n = d->first;
	s->names.len = d->name;
	s->ndocs--;
	s->open = 0;
}

/* --meta for a text page: what its DOC tells (a URL: the url, and a date in its path). */
static void
text_meta(struct run *run, const char *doc, size_t len)
{
	pagemeta_begin(&run->meta, doc, len);
	pagemeta_finish(&run->meta);
	pagemeta_write(&run->meta, doc, len);
}

static void
write_doc(struct run *run, const struct doc *d)
{
	struct docset *s = &run->set;
	const char *name = s->names.data + d->name;
	char score[32];
	struct bp_page page = { d->lang, s->names.data + d->title, d->titlelen };

	if (run->want_meta) {
		text_meta(run, name, d->namelen);
		return;
	}
	if (run->classify)
		bp_classify(&run->model, s->lines + d->first, d->n, d->html ? &page : NULL);
	for (size_t i = d->first; i < d->first + d->n; i++) {
		const struct bp_line *l = &s->lines[i];

		if (!run->explain && !run->render && l->class != BP_BODY)
			continue;
		out_escaped(name, d->namelen);
		out_char('\t');
		out_u64(l->lineno);
		out_char('\t');
		if (run->explain && !run->render) {
			out_str(bp_class_name(l->class));
			out_char('\t');
			snprintf(score, sizeof score, "%.3f", l->score);
			out_str(score);
			out_char('\t');
		}
		out_escaped(l->text, l->len);
		out_char('\n');
	}
}

/* A thread's work: the signals of a batch's lines. */
static void
analyse_batch(void *analyst, void *batch)
{
	struct analyst *a = analyst;
	struct batch *b = batch;

	bp_analyse_lines(a->model, &a->memo, b->lines + b->first, b->n);
}

/* A batch analysed, in order: its documents counted, each once, as bp_count wants. */
static void
count_batch(void *ctx, void *batch)
{
	struct run *run = ctx;
	struct batch *b = batch;

	for (size_t d = b->d0; d < b->d1; d++)
		bp_count(&run->model, run->set.lines + run->set.docs[d].first, run->set.docs[d].n);
}

/* Hand the documents ended since the last batch to the pool (one still open is not counted). */
static void
submit(struct run *run)
{
	struct docset *s = &run->set;
	size_t ended = s->ndocs - (s->open ? 1 : 0);

	if (s->submitted >= ended)
		return;
	struct batch *b = pool_next(run->pool);

	b->lines = s->lines;
	b->first = s->docs[s->submitted].first;
	b->n = (ended < s->ndocs ? s->docs[ended].first : s->n) - b->first;
	b->d0 = s->submitted;
	b->d1 = ended;
	pool_submit(run->pool, s->text.len - s->submitted_text, 0);
	s->submitted = ended;
	s->submitted_text = s->text.len;
}

/* Write the documents held (analysed and counted first), then forget them. */
static void
flush(struct run *run)
{
	struct docset *s = &run->set;

	if (run->pool) {
		submit(run);
		pool_wait(run->pool);
	}
	for (size_t i = 0; i < s->ndocs; i++)
		write_doc(run, &s->docs[i]);
	s->text.len = s->names.len = 0;
	s->n = s->ndocs = 0;
	s->submitted = s->submitted_text = 0;
	s->open = 0;
}

/*
 * A document ended: its lines go to be analysed and counted (unless
 * counting is off); keep it for its block, or write the block when it is full.
 */
static void
doc_end(struct run *run)
{
	struct docset *s = &run->set;

	if (!s->open)
		return;
	s->open = 0;
	if (run->pool && s->text.len - s->submitted_text >= BATCH_TEXT)
		submit(run);
	if (run->model.opt.repeat == 0 || (long)s->ndocs >= run->block ||
	    s->text.len + s->n * (sizeof *s->lines + sizeof *s->offs) >= BLOCK_BYTES)
		flush(run);
}

static void
text_doc_begin(struct run *run, const char *doc, size_t len)
{
	doc_begin(&run->set, doc, len);
	run->textdoc.pending.len = 0;
	run->textdoc.lineno = 0;
}

/* One line of a text document given as bytes: CR and a leading BOM taken off, UTF-8 repaired. */
static void
text_doc_line(struct run *run, const char *s, size_t len)
{
	struct textdoc *t = &run->textdoc;

	t->lineno++;
	if (len > 0 && s[len - 1] == '\r')
		len--;
	if (t->lineno == 1 && len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
		s += 3;
		len -= 3;
	}
	if (!utf8_valid(s, len)) {
		t->repaired.len = 0;
		if (!t->nbad)
			t->firstbad = t->record;
		t->nbad += utf8_repair(&t->repaired, s, len);
		s = t->repaired.data;
		len = t->repaired.len;
	}
	doc_line(run, s, len, t->lineno);
}

static void
text_doc_feed(struct run *run, const char *bytes, size_t n)
{
	struct buf *p = &run->textdoc.pending;
	size_t start = 0;
	char *nl;

	buf_add(p, bytes, n);
	while ((nl = memchr(p->data + start, '\n', p->len - start))) {
		text_doc_line(run, p->data + start, (size_t)(nl - p->data) - start);
		start = (size_t)(nl - p->data) + 1;
	}
	memmove(p->data, p->data + start, p->len - start);
	p->len -= start;
}

static void
text_doc_end(struct run *run)
{
	if (run->textdoc.pending.len)
		text_doc_line(run, run->textdoc.pending.data, run->textdoc.pending.len);
	run->textdoc.pending.len = 0;
	doc_end(run);
}

/* ------------------------------------------------------------ HTML pages */

static void
html_line(void *ctx, const char *text, size_t len, const struct html_marks *m)
{
	struct run *run = ctx;
	struct bp_line *l = doc_line(run, text, len, run->html.lines);

	if (l) {
		l->tags = m->tags;
		l->chars = m->chars;
		l->linkchars = m->linkchars;
	}
}

/* An HTML page begins: DOC is doc, charset the HTTP header's or NULL. */
static void
html_doc_begin(struct run *run, const char *doc, size_t doclen, const char *charset)
{
	doc_begin(&run->set, doc, doclen);
	html_begin(&run->html, doc, doclen, charset, html_line, run);
}

static void
html_doc_feed(struct run *run, const char *bytes, size_t n)
{
	html_feed(&run->html, bytes, n);
}

/* The page's language and title, kept with its name for the classifier. */
static void
page_facts(struct docset *s, const struct html *h)
{
	struct doc *d = &s->docs[s->ndocs - 1];
	const char *lang = pagemeta_get(&h->meta, "lang"), *title = pagemeta_get(&h->meta, "title");

	snprintf(d->lang, sizeof d->lang, "%s", lang ? lang : "");
	d->html = 1;
	d->title = s->names.len;
	d->titlelen = title ? strlen(title) : 0;
	buf_add(&s->names, title, d->titlelen);
}

/* How messages name the page: its input (cut at 200 bytes), and its record in a WARC stream (if not 0). */
static void
set_where(struct run *run, const char *input, unsigned long record)
{
	int len = (int)utf8_cut(input, strlen(input), 200);

	if (record)
		snprintf(run->where, sizeof run->where, "%.*s: record %lu", len, input, record);
	else
		snprintf(run->where, sizeof run->where, "%.*s", len, input);
}

static void
html_doc_end(struct run *run)
{
	struct docset *s = &run->set;
	const struct doc *d = &s->docs[s->ndocs - 1];
	const char *where = run->where;

	html_end(&run->html);
	page_facts(s, &run->html);
	if (run->html.nbad) {
		warn("%s: bytes of no character replaced by U+FFFD (%lu in the page)", where,
		    run->html.nbad);
		run->status = 1;
	}
	if (run->html.toolarge) {
		warn("%s: page larger than %u MB: skipped", where, HTML_MAX_PAGE >> 20);
		run->status = 1;
		doc_drop(s);
		return;
	}
	if (run->want_meta) {	/* the metadata instead of the body */
		pagemeta_write(&run->html.meta, s->names.data + d->name, d->namelen);
		doc_drop(s);
		return;
	}
	doc_end(run);
}

/* A plain text input: one document, its lines as the reader gives them. */
static void
read_text(struct run *run, struct reader *r)
{
	struct line ln;

	doc_begin(&run->set, r->name, strlen(r->name));
	while (reader_line(r, &ln))
		doc_line(run, ln.data, ln.len, r->lineno);
	doc_end(run);
}

/* An HTML input: one page, its bytes fed as they come. */
static void
read_html(struct run *run, struct reader *r)
{
	char *bytes;
	size_t n;

	set_where(run, r->name, 0);
	html_doc_begin(run, r->name, strlen(r->name), NULL);
	while ((n = reader_peek(r, 1, &bytes)) > 0) {
		html_doc_feed(run, bytes, n);
		reader_skip(r, n);
	}
	html_doc_end(run);
}

/* The documents of a WARC stream go to the text or the HTML path. */
struct warc_input {
	struct run *run;
	struct reader *r;
	enum form form;		/* of the document open */
};

static void
warc_doc_begin(void *ctx, const struct warc_doc *d)
{
	struct warc_input *in = ctx;
	const char *name = d->urilen ? d->uri : in->r->name;	/* the input names a record without URI */
	size_t len = d->urilen ? d->urilen : strlen(in->r->name);

	in->form = d->form;
	set_where(in->run, in->r->name, d->record);
	if (d->form == FORM_HTML)
		html_doc_begin(in->run, name, len, d->charset);
	else
		text_doc_begin(in->run, name, len);
	in->run->textdoc.record = d->record;
}

static void
warc_doc_data(void *ctx, const char *bytes, size_t n)
{
	struct warc_input *in = ctx;

	if (in->form == FORM_HTML)
		html_doc_feed(in->run, bytes, n);
	else
		text_doc_feed(in->run, bytes, n);
}

static void
warc_doc_end(void *ctx)
{
	struct warc_input *in = ctx;

	if (in->form == FORM_HTML)
		html_doc_end(in->run);
	else
		text_doc_end(in->run);
}

/* The documents of a WARC stream: 1 if a problem was reported. */
static int
read_warc(struct run *run, struct reader *r)
{
	struct warc_input in = { .run = run, .r = r };
	struct warc_sink sink = { warc_doc_begin, warc_doc_data, warc_doc_end, &in };
	struct textdoc *t = &run->textdoc;
	int status;

	t->nbad = t->firstbad = 0;
	status = warc_read(&run->warc, r, &sink);
	if (t->nbad) {
		warn("%s: record %lu: invalid UTF-8 replaced by U+FFFD (%lu sequence%s in the input)",
		    r->name, t->firstbad, t->nbad, t->nbad == 1 ? "" : "s");
		status = 1;
	}
	return status;
}

/* Every document of one input, by its form: the file itself, or the records of a WARC stream. */
static int
process(struct reader *r, void *ctx)
{
	struct run *run = ctx;
	char *start;
	size_t n = reader_peek(r, FORM_SNIFF, &start);

	if (n == 0)	/* an empty input is no document */
		return 0;
	switch (form_detect(start, n, strcmp(r->name, "-") == 0 ? NULL : r->name)) {
	case FORM_WARC:
		return read_warc(run, r);
	case FORM_HTML:
		read_html(run, r);
		break;
	case FORM_TEXT:
		read_text(run, r);
		break;
	}
	return 0;
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "explain", no_argument, NULL, 'e' },
		{ "render", no_argument, NULL, 'H' },
		{ "meta", no_argument, NULL, 'M' },
		{ "lang", required_argument, NULL, 'l' },
		{ "threshold", required_argument, NULL, 't' },
		{ "near", required_argument, NULL, 'n' },
		{ "short-words", required_argument, NULL, 's' },
		{ "repeat", required_argument, NULL, 'r' },
		{ "repeat-words", required_argument, NULL, 'R' },
		{ "cue-words", required_argument, NULL, 'c' },
		{ "block", required_argument, NULL, 'b' },
		CLI_LONGOPTS
	};
	struct run run = { .block = 1000 };
	struct bp_options o;
	int c, status;

	cli_init(argv[0], usage, help);
	bp_defaults(&o);
	while ((c = cli_next(argc, argv, "el:t:n:s:r:R:c:b:", longopts)) != -1) {
		switch (c) {
		case 'e': run.explain = 1; break;
		case 'H': run.render = 1; break;
		case 'M': run.want_meta = 1; break;
		case 'l': o.lang = optarg; break;
		case 't': o.threshold = cli_real("--threshold", optarg, 0, 1); break;
		case 'n': o.near = cli_real("--near", optarg, 0, 1); break;
		case 's': o.short_words = (int)cli_number("--short-words", optarg, 0, BP_SCANNED); break;
		case 'r': o.repeat = (int)cli_number("--repeat", optarg, 0, 1000000000); break;
		case 'R': o.repeat_words = (int)cli_number("--repeat-words", optarg, 0, 1000); break;
		case 'c': o.cue_words = (int)cli_number("--cue-words", optarg, 0, BP_SCANNED); break;
		case 'b': run.block = (long)cli_number("--block", optarg, 1, 1000000000); break;
		default: usage_error("unknown option");
		}
	}
	argc -= optind;
	argv += optind;
	if (run.want_meta && (run.render || run.explain))
		usage_error("--meta excludes --render and --explain");
	if (run.want_meta)	/* each page written as it ends: no block, no counting */
		o.repeat = 0;
	run.classify = !run.render && !run.want_meta;
	o.titles = run.explain;	/* the title is never kept: only --explain shows it */
	if (bp_init(&run.model, &o) < 0)
		usage_error("--lang: no stoplist for %s (stop-%s.txt)", o.lang, o.lang);
	if (run.classify)
		docset_reserve(&run.set);
	if (run.classify && o.repeat > 0) {
		/* Lines are analysed by a thread per core (with one, in this thread), counted in this one. */
		static struct batch batches[BATCHES];
		void *batch_of[BATCHES], *worker_of[THREADS];
		size_t threads = pool_cores(THREADS);

		for (size_t i = 0; i < BATCHES; i++)
			batch_of[i] = &batches[i];
		for (size_t i = 0; i < threads; i++) {
			run.analysts[i].model = &run.model;
			bp_memo_init(&run.analysts[i].memo);
			worker_of[i] = &run.analysts[i];
		}
		run.threads = threads;
		run.pool = pool_new(worker_of, threads, batch_of, BATCHES, BLOCK_BYTES, analyse_batch,
		    count_batch, &run);
	}
	status = each_input(argc, argv, process, &run);
	flush(&run);
	if (run.pool)
		pool_free(run.pool);
	for (size_t i = 0; i < run.threads; i++)
		bp_memo_free(&run.analysts[i].memo);
	bp_free(&run.model);
	warc_free(&run.warc);
	html_free(&run.html);
	pagemeta_free(&run.meta);
	buf_free(&run.textdoc.pending);
	buf_free(&run.textdoc.repaired);
	buf_free(&run.set.text);
	buf_free(&run.set.names);
	free(run.set.lines);
	free(run.set.offs);
	free(run.set.docs);
	return out_close() ? 1 : status | run.status;
}
