/* tag-entities: sentences in (DOC LINE SENT TEXT records or plain lines), one record per entity mention out. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "cli.h"
#include "diag.h"
#include "entity.h"
#include "escape.h"
#include "mem.h"
#include "ner.h"
#include "out.h"
#include "pool.h"
#include "record.h"

static const char usage[] =
    "usage: tag-entities [-d FILE]... [-f tsv|inline|conll] [-t LIST] [-l LANG] [--values LANG]\n"
    "                    [-m FILE | -M] [-j N] [FILE...]\n";
static const char help[] =
    "Find the people, organisations, places, dates, times, amounts, e-mail\n"
    "addresses and URLs of sentences: DOC LINE SENT TEXT records (a line without TAB\n"
    "is one sentence) in, DOC LINE SENT START END TYPE TEXT VALUE records out.\n"
    "\n"
    "  -d, --dict FILE     add a dictionary: PHRASE TAB TYPE [TAB VALUE] lines\n"
    "  -f, --format FMT    tsv (default), inline (the sentence, mentions in\n"
    "                      brackets) or conll (token TAB BIO label, per sentence)\n"
    "  -t, --types LIST    report only these types (comma-separated, e.g. PER,ORG)\n"
    "  -l, --lang LANG     the language of the text: auto (default: each sentence's\n"
    "                      own, by its common words and its document's), id or en\n"
    "      --values LANG   the language of countries' values: auto (default: the\n"
    "                      text's; United States in English, Amerika Serikat in\n"
    "                      Indonesian), id (one value per country across languages)\n"
    "                      or en\n"
    "  -m, --model FILE    use this name tagger model instead of the built-in one\n"
    "  -M, --no-model      use no statistical model: lists, patterns and cues only\n"
    "  -j, --jobs N        tag in N threads (default: one per core, up to 8), whole\n"
    "                      documents each; the output is the same as with -j 1\n"
    "      --help          show this help\n"
    "      --version       show the version\n";

enum format { TSV, INLINE, CONLL };

#define BATCH (64 << 10)	/* bytes of input a batch is cut after, at the next document */
#define MAXBATCH (4 * BATCH)	/* ... or here, inside a long document: the next batch follows on */
#define MAXJOBS 64

/* A sentence of a batch: its fields are bytes of the batch's input. */
struct sentence {
	size_t doc, doclen, line, linelen, sent, sentlen, text, textlen;
	int plain;		/* a plain line: DOC a file name (escaped on output), TEXT as written */
};

/* Messages of the reading that go out before sentence `before`: the bytes of messages up to `end`. */
struct note {
	size_t before, end;
	size_t at;		/* where in the output (set by the tagging) */
};

/* Sentences read in order, tagged by one worker, written in order with the messages met reading them. */
struct batch {
	struct buf in;
	struct sentence *s;
	size_t n, cap;
	struct buf messages;
	struct note *note;
	size_t nnotes, notecap;
	int follows;		/* starts inside the last document of the batch before */
	struct buf out;
};

/* A worker: its own tagger (taggers remember documents), made at its first batch, and the output format. */
struct opts;
struct worker {
	struct tagger *tagger;
	const struct opts *opts;
	const struct ner_model *model;	/* shared */
	enum format format;
};

static struct tagger *other_tagger(const struct opts *o, const struct ner_model *model);

/* The reading: the batch being filled and what is needed to cut batches at documents. */
struct reading {
	struct pool *pool;
	struct batch *batch;
	struct fields fields;
	struct buf last_doc;	/* of the last sentence read */
	int any;		/* a sentence was read */
};

static void
add_type(struct buf *out, const struct tagger *t, int type)
{
	size_t len;
	const char *name = tagger_type_name(t, type, &len);

	buf_add(out, name, len);
}

/* DOC LINE SENT, the fields every format starts with. */
static void
add_where(struct buf *out, const char *in, const struct sentence *s)
{
	if (s->plain)
		escape_into(out, in + s->doc, s->doclen);
	else
		buf_add(out, in + s->doc, s->doclen);
	buf_addc(out, '\t');
	buf_add(out, in + s->line, s->linelen);
	buf_addc(out, '\t');
	buf_add(out, in + s->sent, s->sentlen);
}

static void
write_tsv(struct buf *out, const struct tagger *t, const char *in, const struct sentence *s,
    const struct mention *m, size_t nm)
{
	const char *text = in + s->text, *values = tagger_values(t);

	for (size_t i = 0; i < nm; i++) {
		add_where(out, in, s);
		buf_addc(out, '\t');
		buf_u64(out, m[i].start);
		buf_addc(out, '\t');
		buf_u64(out, m[i].end);
		buf_addc(out, '\t');
		add_type(out, t, m[i].type);
		buf_addc(out, '\t');
		escape_into(out, text + m[i].start, m[i].end - m[i].start);
		buf_addc(out, '\t');
		escape_into(out, values + m[i].value, m[i].vlen);
		buf_addc(out, '\n');
	}
}

static void
write_inline(struct buf *out, const struct tagger *t, const char *in, const struct sentence *s,
    const struct mention *m, size_t nm)
{
	const char *text = in + s->text;
	size_t at = 0;

	add_where(out, in, s);
	buf_addc(out, '\t');
	for (size_t i = 0; i < nm; i++) {
		escape_into(out, text + at, m[i].start - at);
		buf_addc(out, '[');
		add_type(out, t, m[i].type);
		buf_addc(out, ' ');
		escape_into(out, text + m[i].start, m[i].end - m[i].start);
		buf_addc(out, ']');
		at = m[i].end;
	}
	escape_into(out, text + at, s->textlen - at);
	buf_addc(out, '\n');
}

static void
write_conll(struct buf *out, const struct tagger *t, const char *text, const struct mention *m, size_t nm)
{
	const struct token *tok;
	size_t nt = tagger_tokens(t, &tok), k = 0;

	for (size_t i = 0; i < nt; i++) {
		while (k < nm && m[k].end <= tok[i].start)
			k++;
		escape_into(out, text + tok[i].start, tok[i].end - tok[i].start);
		buf_addc(out, '\t');
		if (k < nm && m[k].start < tok[i].end) {
			buf_adds(out, m[k].start >= tok[i].start || i == 0 || m[k].start >= tok[i - 1].end ? "B-" : "I-");
			add_type(out, t, m[k].type);
		} else
			buf_addc(out, 'O');
		buf_addc(out, '\n');
	}
	buf_addc(out, '\n');
}

static void
tag_sentence(struct worker *w, struct batch *b, struct sentence *s)
{
	char *in = b->in.data;
	const struct mention *m;
	size_t nm;

	if (!s->plain)
		s->textlen = unescape(in + s->text, s->textlen);
	nm = tagger_sentence(w->tagger, in + s->doc, s->doclen, in + s->text, s->textlen, &m);
	switch (w->format) {
	case TSV:
		write_tsv(&b->out, w->tagger, in, s, m, nm);
		break;
	case INLINE:
		write_inline(&b->out, w->tagger, in, s, m, nm);
		break;
	case CONLL:
		write_conll(&b->out, w->tagger, in + s->text, m, nm);
		break;
	}
}

/* The work of a pool thread: the batch's output, and where its messages go in it. */
static void
tag_batch(void *worker, void *batch)
{
	struct worker *w = worker;
	struct batch *b = batch;
	size_t k = 0;

	if (!w->tagger)	/* in its thread: the taggers are made side by side, and only those used */
		w->tagger = other_tagger(w->opts, w->model);
	for (size_t i = 0; i < b->n; i++) {
		for (; k < b->nnotes && b->note[k].before == i; k++)
			b->note[k].at = b->out.len;
		tag_sentence(w, b, &b->s[i]);
	}
	for (; k < b->nnotes; k++)
		b->note[k].at = b->out.len;
}

static void
free_batch(struct batch *b)
{
	buf_free(&b->in);
	free(b->s);
	b->s = NULL;
	b->cap = 0;
	buf_free(&b->messages);
	free(b->note);
	b->note = NULL;
	b->notecap = 0;
	buf_free(&b->out);
}

/* A batch done, in input order: its output and its messages in their places; then it is empty. */
static void
write_batch(void *ctx, void *batch)
{
	struct batch *b = batch;
	size_t from = 0, said = 0;

	(void)ctx;
	for (size_t k = 0; k < b->nnotes; k++) {
		if (b->note[k].at > from)
			out_records(b->out.data + from, b->note[k].at - from);
		out_flush();	/* the records before a message come before it, 2>&1 too */
		fwrite(b->messages.data + said, 1, b->note[k].end - said, stderr);
		from = b->note[k].at;
		said = b->note[k].end;
	}
	if (b->out.len > from)
		out_records(b->out.data + from, b->out.len - from);
	b->in.len = b->n = b->messages.len = b->nnotes = b->out.len = 0;
	if (b->in.cap > 2 * MAXBATCH || b->out.cap > 2 * MAXBATCH)
		free_batch(b);	/* a batch of huge sentences: memory goes back to that of one */
}

static size_t
batch_size(const struct batch *b)
{
	return b->in.len + b->messages.len;
}

/* The messages captured since the last note go before the next sentence. */
static void
note_messages(struct batch *b)
{
	size_t said = b->nnotes ? b->note[b->nnotes - 1].end : 0;

	if (b->messages.len == said)
		return;
	b->note = xgrow(b->note, &b->notecap, b->nnotes + 1, sizeof *b->note);
	b->note[b->nnotes++] = (struct note){ .before = b->n, .end = b->messages.len };
}

/* Hand the batch to the pool, take the next, which follows (or not) on the document. */
static void
next_batch(struct reading *rd, int follows)
{
	note_messages(rd->batch);
	diag_capture(NULL);
	pool_submit(rd->pool, batch_size(rd->batch), rd->batch->follows);
	rd->batch = pool_next(rd->pool);
	rd->batch->follows = follows;
	diag_capture(&rd->batch->messages);
}

static size_t
add_field(struct batch *b, const char *p, size_t n)
{
	size_t at = b->in.len;

	buf_add(&b->in, p, n);
	return at;
}

static void
add_sentence(struct batch *b, const char *doc, size_t doclen, const struct line *line, const struct line *sent,
    const struct line *text, int plain)
{
	struct sentence *s;

	note_messages(b);
	b->s = xgrow(b->s, &b->cap, b->n + 1, sizeof *b->s);
	s = &b->s[b->n++];
	s->plain = plain;
	s->doclen = doclen;
	s->doc = add_field(b, doc, doclen);
	s->linelen = line->len;
	s->line = add_field(b, line->data, line->len);
	s->sentlen = sent->len;
	s->sent = add_field(b, sent->data, sent->len);
	s->textlen = text->len;
	s->text = add_field(b, text->data, text->len);
}

/* Cut the batch before a sentence of doc: at a new document once it is full, inside one when it is very full. */
static void
cut_before(struct reading *rd, const char *doc, size_t doclen)
{
	size_t size = batch_size(rd->batch);
	int same = rd->any && doclen == rd->last_doc.len && (doclen == 0 || memcmp(doc, rd->last_doc.data, doclen) == 0);

	if (size >= MAXBATCH || (size >= BATCH && !same))
		next_batch(rd, same);
	rd->last_doc.len = 0;
	buf_add(&rd->last_doc, doc, doclen);
	rd->any = 1;
}

static int
process(struct reader *r, void *ctx)
{
	static const struct line one = { "1", 1 };
	struct reading *rd = ctx;
	struct line ln, *f, number;
	char digits[24];
	int status = 0;

	while (reader_line(r, &ln)) {
		int kind = record_split(r, &ln, &rd->fields, 4, "DOC LINE SENT TEXT");

		if (kind < 0) {
			status = 1;
			if (batch_size(rd->batch) >= MAXBATCH)
				next_batch(rd, rd->any);	/* the next sentence may be of the same document */
			continue;
		}
		if (kind == 0) {
			number.data = digits;
			number.len = (size_t)snprintf(digits, sizeof digits, "%lu", r->lineno);
			cut_before(rd, r->name, strlen(r->name));
			add_sentence(rd->batch, r->name, strlen(r->name), &number, &one, &ln, 1);
			continue;
		}
		f = rd->fields.f;
		cut_before(rd, f[0].data, f[0].len);
		add_sentence(rd->batch, f[0].data, f[0].len, &f[1], &f[2], &f[3], 0);
	}
	return status;
}

/* What every tagger is built with, from the options. */
struct opts {
	enum format format;
	int lang, values;
	const char *model, *types;
	int no_model;
	char **dicts;		/* files ... */
	struct buf *dict_text;	/* ... and their text, read once */
	size_t ndicts;
	int jobs;
};

/*
 * Read the dictionary in FILE into *text, or end with a usage error.
 * Returns 1 when the file had bad bytes (repaired and reported, as in any input).
 */
static int
read_dict(const char *file, struct buf *text)
{
	int got = read_text_file(file, text);

	if (got < 0)
		usage_error("--dict: %s: %s", file, strerror(errno));
	return got;
}

/* The model in FILE, or end with a usage error. */
static struct ner_model *
load_model(const char *file)
{
	struct buf data = { 0 };
	struct ner_model *m;

	if (read_file(file, &data) < 0)
		usage_error("--model: %s: %s", file, strerror(errno));
	if (!(m = ner_load(data.data, data.len)))
		usage_error("--model: %s: not a model", file);
	buf_free(&data);
	return m;
}

static void
want_types(struct tagger *t, const char *list)
{
	const char *p = list, *comma;

	do {
		size_t n;

		comma = strchr(p, ',');
		n = comma ? (size_t)(comma - p) : strlen(p);
		if (n == 0)
			usage_error("--types: empty type name in: %s", list);
		for (size_t k = 0; k < n; k++)
			if (!((p[k] >= 'A' && p[k] <= 'Z') || (p[k] >= '0' && p[k] <= '9') || p[k] == '_'))
				usage_error("--types: not an upper-case type name: %.*s", (int)n, p);
		tagger_want(t, tagger_type(t, p, n));
		p = comma + 1;
	} while (comma);
}

/*
 * The first tagger: what is wrong with the options (the model, a
 * dictionary, the types) ends the program here.  *status: 1 when a
 * dictionary had bad bytes.
 */
static struct tagger *
first_tagger(struct opts *o, int *status)
{
	struct tagger *t = tagger_new();

	tagger_language(t, o->lang, o->values);
	if (o->no_model)
		tagger_model(t, NULL);
	else if (o->model)
		tagger_model(t, load_model(o->model));
	for (size_t i = 0; i < o->ndicts; i++) {
		*status |= read_dict(o->dicts[i], &o->dict_text[i]);
		if (tagger_dict(t, o->dicts[i], o->dict_text[i].data, o->dict_text[i].len) < 0)
			usage_error("--dict: %s: malformed dictionary", o->dicts[i]);
	}
	if (o->types)
		want_types(t, o->types);
	return t;
}

/* Another tagger built as the first (the same types in the same order), sharing its model. */
static struct tagger *
other_tagger(const struct opts *o, const struct ner_model *model)
{
	struct tagger *t = tagger_new();

	tagger_language(t, o->lang, o->values);
	tagger_share_model(t, model);
	for (size_t i = 0; i < o->ndicts; i++)
		tagger_dict(t, o->dicts[i], o->dict_text[i].data, o->dict_text[i].len);
	if (o->types)
		want_types(t, o->types);
	return t;
}

/* LANG_ of an option's value: auto, id or en. */
static int
language(const char *name, const char *option)
{
	if (strcmp(name, "auto") == 0)
		return LANG_AUTO;
	if (strcmp(name, "id") == 0)
		return LANG_ID;
	if (strcmp(name, "en") == 0)
		return LANG_EN;
	usage_error("%s: unknown language: %s (want auto, id or en)", option, name);
}

/* -j by default: a thread per core, up to 8. */
static int
default_jobs(void)
{
	return (int)pool_cores(8);
}

static void
parse_options(struct opts *o, int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "dict", required_argument, NULL, 'd' },
		{ "format", required_argument, NULL, 'f' },
		{ "types", required_argument, NULL, 't' },
		{ "model", required_argument, NULL, 'm' },
		{ "no-model", no_argument, NULL, 'M' },
		{ "lang", required_argument, NULL, 'l' },
		{ "values", required_argument, NULL, 'V' },
		{ "jobs", required_argument, NULL, 'j' },
		CLI_LONGOPTS
	};
	int c;

	o->dicts = xcalloc((size_t)argc + 1, sizeof *o->dicts);
	while ((c = cli_next(argc, argv, "d:f:t:l:m:Mj:", longopts)) != -1) {
		switch (c) {
		case 'd':
			o->dicts[o->ndicts++] = optarg;
			break;
		case 'f':
			if (strcmp(optarg, "tsv") == 0)
				o->format = TSV;
			else if (strcmp(optarg, "inline") == 0)
				o->format = INLINE;
			else if (strcmp(optarg, "conll") == 0)
				o->format = CONLL;
			else
				usage_error("--format: unknown format: %s (want tsv, inline or conll)", optarg);
			break;
		case 't':
			o->types = optarg;
			break;
		case 'l':
			o->lang = language(optarg, "--lang");
			break;
		case 'V':
			o->values = language(optarg, "--values");
			break;
		case 'm':
			o->model = optarg;
			break;
		case 'M':
			o->no_model = 1;
			break;
		case 'j':
			o->jobs = (int)cli_number("-j", optarg, 1, MAXJOBS);
			break;
		}
	}
	if (o->model && o->no_model)
		usage_error("--model and --no-model exclude each other");
	if (!o->jobs)
		o->jobs = default_jobs();
	o->dict_text = xcalloc(o->ndicts + 1, sizeof *o->dict_text);
}

int
main(int argc, char *argv[])
{
	struct opts o = { .format = TSV, .lang = LANG_AUTO, .values = LANG_AUTO };
	struct reading rd = { 0 };
	struct worker *workers;
	struct batch *batches;
	void **worker_of, **batch_of;
	size_t nbatches;
	int status = 0;

	cli_init(argv[0], usage, help);
	parse_options(&o, argc, argv);
	workers = xcalloc((size_t)o.jobs, sizeof *workers);
	worker_of = xcalloc((size_t)o.jobs, sizeof *worker_of);
	workers[0].tagger = first_tagger(&o, &status);
	for (int i = 0; i < o.jobs; i++) {
		workers[i].opts = &o;
		workers[i].model = o.jobs > 1 ? tagger_model_in_use(workers[0].tagger) : NULL;
		workers[i].format = o.format;
		worker_of[i] = &workers[i];
	}
	nbatches = o.jobs > 1 ? 2 * (size_t)o.jobs + 2 : 1;
	batches = xcalloc(nbatches, sizeof *batches);
	batch_of = xcalloc(nbatches, sizeof *batch_of);
	for (size_t i = 0; i < nbatches; i++)
		batch_of[i] = &batches[i];

	rd.pool = pool_new(worker_of, (size_t)o.jobs, batch_of, nbatches, nbatches * BATCH, tag_batch, write_batch, NULL);
	rd.batch = pool_next(rd.pool);
	diag_capture(&rd.batch->messages);
	status |= each_input(argc - optind, argv + optind, process, &rd);
	note_messages(rd.batch);
	diag_capture(NULL);
	pool_submit(rd.pool, batch_size(rd.batch), rd.batch->follows);
	pool_free(rd.pool);

	for (int i = 0; i < o.jobs; i++)
		tagger_free(workers[i].tagger);
	for (size_t i = 0; i < nbatches; i++)
		free_batch(&batches[i]);
	for (size_t i = 0; i < o.ndicts; i++)
		buf_free(&o.dict_text[i]);
	free(o.dict_text);
	free(o.dicts);
	free(workers);
	free(worker_of);
	free(batches);
	free(batch_of);
	fields_free(&rd.fields);
	buf_free(&rd.last_doc);
	return out_close() ? 1 : status;
}
