/* split-sentences: paragraphs in (DOC LINE TEXT records or plain lines), one record per sentence out. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cli.h"
#include "diag.h"
#include "escape.h"
#include "mem.h"
#include "out.h"
#include "record.h"
#include "sentence.h"

static const char usage[] =
    "usage: split-sentences [-l id|en] [-a FILE]... [FILE...]\n";
static const char help[] =
    "Split paragraphs into sentences: DOC LINE TEXT records (a line without TAB is\n"
    "plain text) in, DOC LINE SENT TEXT records out.\n"
    "\n"
    "  -l, --lang LANG     id (default) or en: the built-in abbreviations and openers\n"
    "  -a, --abbrev FILE   add the list in FILE (format in split-sentences(1))\n"
    "      --help          show this help\n"
    "      --version       show the version\n";

struct split {
	struct sentence_rules *rules;
	struct sentence_memory *memory;	/* of the current document */
	struct buf doc;			/* its DOC, as read */
	struct fields fields;
	struct buf folded;
	struct sentence *sent;
	size_t cap;
};

/*
 * Add the list in FILE to the rules, or end with a usage error.  Returns 1
 * when the file had bad bytes (repaired and reported, as in any input).
 */
static int
add_list(struct sentence_rules *rules, const char *file)
{
	struct buf text = { 0 };
	const char *why = "";
	size_t bad;
	int got = read_text_file(file, &text);

	if (got < 0)
		usage_error("--abbrev: %s: %s", file, strerror(errno));
	if ((bad = sentence_rules_add(rules, text.data, text.len, &why)) > 0)
		usage_error("--abbrev: %s:%zu: %s", file, bad, why);
	buf_free(&text);
	return got;
}

/* Write the sentences of one paragraph; doc and line are written as they come. */
static void
paragraph(struct split *sp, const char *doc, size_t doclen, int doc_raw,
    const struct line *line, unsigned long lineno, const char *text, size_t n)
{
	size_t nsent;

	if (doclen != sp->doc.len || (doclen && memcmp(doc, sp->doc.data, doclen) != 0)) {
		sentence_memory_forget(sp->memory);
		sp->doc.len = 0;
		buf_add(&sp->doc, doc, doclen);
	}
	sp->folded.len = 0;
	sentence_fold(&sp->folded, text, n);
	nsent = sentence_split(sp->rules, sp->memory, sp->folded.data, sp->folded.len,
	    &sp->sent, &sp->cap);
	for (size_t k = 0; k < nsent; k++) {
		if (doc_raw)
			out_write(doc, doclen);
		else
			out_escaped(doc, doclen);
		out_char('\t');
		if (line)
			out_write(line->data, line->len);
		else
			out_u64(lineno);
		out_char('\t');
		out_u64(k + 1);
		out_char('\t');
		out_escaped(sp->folded.data + sp->sent[k].start, sp->sent[k].end - sp->sent[k].start);
		out_char('\n');
	}
}


static int
process(struct reader *r, void *ctx)
{
	struct split *sp = ctx;
	struct line ln;
	int status = 0;

	while (reader_line(r, &ln)) {
		int kind = record_split(r, &ln, &sp->fields, 3, "DOC LINE TEXT");

		if (kind == 0) {
			paragraph(sp, r->name, strlen(r->name), 0, NULL, r->lineno, ln.data, ln.len);
			continue;
		}
		if (kind < 0) {
			status = 1;
			continue;
		}
		struct line *f = sp->fields.f;
		f[2].len = unescape(f[2].data, f[2].len);
		paragraph(sp, f[0].data, f[0].len, 1, &f[1], 0, f[2].data, f[2].len);
	}
	return status;
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "lang", required_argument, NULL, 'l' },
		{ "abbrev", required_argument, NULL, 'a' },
		CLI_LONGOPTS
	};
	struct split sp = { 0 };
	const char *lang = "id";
	char **lists = xcalloc((size_t)argc + 1, sizeof *lists);
	size_t nlists = 0;
	int c, status = 0;

	cli_init(argv[0], usage, help);
	while ((c = cli_next(argc, argv, "l:a:", longopts)) != -1) {
		switch (c) {
		case 'l':
			lang = optarg;
			break;
		case 'a':
			lists[nlists++] = optarg;
			break;
		}
	}
	if ((sp.rules = sentence_rules_new(lang)) == NULL)
		usage_error("--lang: unknown language: %s (want id or en)", lang);
	for (size_t i = 0; i < nlists; i++)
		status |= add_list(sp.rules, lists[i]);
	free(lists);
	sp.memory = sentence_memory_new();
	status |= each_input(argc - optind, argv + optind, process, &sp);
	sentence_rules_free(sp.rules);
	sentence_memory_free(sp.memory);
	buf_free(&sp.doc);
	fields_free(&sp.fields);
	buf_free(&sp.folded);
	free(sp.sent);
	return out_close() ? 1 : status;
}
