/* tag-entities: sentences in (DOC LINE SENT TEXT records or plain lines), one record per entity mention out. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cli.h"
#include "diag.h"
#include "entity.h"
#include "escape.h"
#include "mem.h"
#include "ner.h"
#include "out.h"
#include "record.h"

static const char usage[] =
    "usage: tag-entities [-d FILE]... [-f tsv|inline|conll] [-t LIST] [-l LANG] [--values LANG]\n"
    "                    [-m FILE | -M] [FILE...]\n";
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
    "      --help          show this help\n"
    "      --version       show the version\n";

enum format { TSV, INLINE, CONLL };

struct run {
	struct tagger *tagger;
	enum format format;
	struct fields fields;
	struct buf lineno;
};

static void
out_type(const struct tagger *t, int type)
{
	size_t len;
	const char *name = tagger_type_name(t, type, &len);

	out_write(name, len);
}

/* DOC LINE SENT, the fields every format starts with. */
static void
out_where(const char *doc, size_t doclen, int doc_raw, const struct line *line, const struct line *sent)
{
	if (doc_raw)
		out_write(doc, doclen);
	else
		out_escaped(doc, doclen);
	out_char('\t');
	out_write(line->data, line->len);
	out_char('\t');
	out_write(sent->data, sent->len);
}

static void
write_tsv(const struct run *run, const char *doc, size_t doclen, int doc_raw, const struct line *line,
    const struct line *sent, const char *text, const struct mention *m, size_t nm)
{
	const char *values = tagger_values(run->tagger);

	for (size_t i = 0; i < nm; i++) {
		out_where(doc, doclen, doc_raw, line, sent);
		out_char('\t');
		out_u64(m[i].start);
		out_char('\t');
		out_u64(m[i].end);
		out_char('\t');
		out_type(run->tagger, m[i].type);
		out_char('\t');
		out_escaped(text + m[i].start, m[i].end - m[i].start);
		out_char('\t');
		out_escaped(values + m[i].value, m[i].vlen);
		out_char('\n');
	}
}

static void
write_inline(const struct run *run, const char *doc, size_t doclen, int doc_raw, const struct line *line,
    const struct line *sent, const char *text, size_t n, const struct mention *m, size_t nm)
{
	size_t at = 0;

	out_where(doc, doclen, doc_raw, line, sent);
	out_char('\t');
	for (size_t i = 0; i < nm; i++) {
		out_escaped(text + at, m[i].start - at);
		out_char('[');
		out_type(run->tagger, m[i].type);
		out_char(' ');
		out_escaped(text + m[i].start, m[i].end - m[i].start);
		out_char(']');
		at = m[i].end;
	}
	out_escaped(text + at, n - at);
	out_char('\n');
}

static void
write_conll(const struct run *run, const char *text, const struct mention *m, size_t nm)
{
	const struct token *tok;
	size_t nt = tagger_tokens(run->tagger, &tok), k = 0;

	for (size_t i = 0; i < nt; i++) {
		while (k < nm && m[k].end <= tok[i].start)
			k++;
		out_escaped(text + tok[i].start, tok[i].end - tok[i].start);
		out_char('\t');
		if (k < nm && m[k].start < tok[i].end) {
			out_str(m[k].start >= tok[i].start || i == 0 || m[k].start >= tok[i - 1].end ? "B-" : "I-");
			out_type(run->tagger, m[k].type);
		} else
			out_char('O');
		out_char('\n');
	}
	out_char('\n');
}

static void
sentence(struct run *run, const char *doc, size_t doclen, int doc_raw, const struct line *line,
    const struct line *sent, const char *text, size_t n)
{
	const struct mention *m;
	size_t nm = tagger_sentence(run->tagger, doc, doclen, text, n, &m);

	switch (run->format) {
	case TSV:
		write_tsv(run, doc, doclen, doc_raw, line, sent, text, m, nm);
		break;
	case INLINE:
		write_inline(run, doc, doclen, doc_raw, line, sent, text, n, m, nm);
		break;
	case CONLL:
		write_conll(run, text, m, nm);
		break;
	}
}

static int
process(struct reader *r, void *ctx)
{
	static const struct line one = { "1", 1 };
	struct run *run = ctx;
	struct line ln, *f, number;
	int status = 0;

	while (reader_line(r, &ln)) {
		int kind = record_split(r, &ln, &run->fields, 4, "DOC LINE SENT TEXT");

		if (kind == 0) {
			run->lineno.len = 0;
			buf_reserve(&run->lineno, 24);
			run->lineno.len = (size_t)snprintf(run->lineno.data, 24, "%lu", r->lineno);
			number.data = run->lineno.data;
			number.len = run->lineno.len;
			sentence(run, r->name, strlen(r->name), 0, &number, &one, ln.data, ln.len);
			continue;
		}
		if (kind < 0) {
			status = 1;
			continue;
		}
		f = run->fields.f;
		f[3].len = unescape(f[3].data, f[3].len);
		sentence(run, f[0].data, f[0].len, 1, &f[1], &f[2], f[3].data, f[3].len);
	}
	return status;
}

/*
 * Add the dictionary in FILE, or end with a usage error.  Returns 1 when the
 * file had bad bytes (repaired and reported, as in any input).
 */
static int
add_dict(struct tagger *t, const char *file)
{
	struct buf text = { 0 };
	int got = read_text_file(file, &text);

	if (got < 0)
		usage_error("--dict: %s: %s", file, strerror(errno));
	if (tagger_dict(t, file, text.data, text.len) < 0)
		usage_error("--dict: %s: malformed dictionary", file);
	buf_free(&text);
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

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "dict", required_argument, NULL, 'd' },
		{ "format", required_argument, NULL, 'f' },
		{ "types", required_argument, NULL, 't' },
		{ "model", required_argument, NULL, 'm' },
		{ "no-model", no_argument, NULL, 'M' },
		{ "lang", required_argument, NULL, 'l' },
		{ "values", required_argument, NULL, 'V' },
		CLI_LONGOPTS
	};
	struct run run = { 0 };
	char **dicts = xcalloc((size_t)argc + 1, sizeof *dicts);
	const char *types = NULL, *model = NULL;
	int no_model = 0, lang = LANG_AUTO, values = LANG_AUTO;
	size_t ndicts = 0;
	int c, status = 0;

	cli_init(argv[0], usage, help);
	while ((c = cli_next(argc, argv, "d:f:t:l:m:M", longopts)) != -1) {
		switch (c) {
		case 'd':
			dicts[ndicts++] = optarg;
			break;
		case 'f':
			if (strcmp(optarg, "tsv") == 0)
				run.format = TSV;
			else if (strcmp(optarg, "inline") == 0)
				run.format = INLINE;
			else if (strcmp(optarg, "conll") == 0)
				run.format = CONLL;
			else
				usage_error("--format: unknown format: %s (want tsv, inline or conll)", optarg);
			break;
		case 't':
			types = optarg;
			break;
		case 'l':
			lang = language(optarg, "--lang");
			break;
		case 'V':
			values = language(optarg, "--values");
			break;
		case 'm':
			model = optarg;
			break;
		case 'M':
			no_model = 1;
			break;
		}
	}
	if (model && no_model)
		usage_error("--model and --no-model exclude each other");
	run.tagger = tagger_new();
	tagger_language(run.tagger, lang, values);
	if (no_model)
		tagger_model(run.tagger, NULL);
	else if (model)
		tagger_model(run.tagger, load_model(model));
	for (size_t i = 0; i < ndicts; i++)
		status |= add_dict(run.tagger, dicts[i]);
	free(dicts);
	if (types)
		want_types(run.tagger, types);
	status |= each_input(argc - optind, argv + optind, process, &run);
	tagger_free(run.tagger);
	fields_free(&run.fields);
	buf_free(&run.lineno);
	return out_close() ? 1 : status;
}
