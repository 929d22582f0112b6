/* Drives the lib/ modules from the command line, for tests/lib.bats. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "cli.h"
#include "data.h"
#include "diag.h"
#include "escape.h"
#include "fieldlist.h"
#include "hash.h"
#include "out.h"
#include "record.h"

static const char usage[] =
    "usage: libcheck lines|escape|unescape|intern|utf8 [FILE...]\n"
    "       libcheck fields LIST [FILE...]\n"
    "       libcheck number VALUE\n";
static const char help[] =
    "  lines     each line as NAME:LINE:LENGTH:TEXT (text escaped)\n"
    "  escape    all of standard input as one escaped field\n"
    "  unescape  each line unescaped\n"
    "  fields    the fields of LIST, cut-style\n"
    "  intern    each line's id in a hash table, then the number of distinct lines\n"
    "  utf8      each line as valid or invalid (UTF-8 as read, before its repair)\n"
    "  number    VALUE parsed as an option between -5 and 5\n";

static struct fieldlist list;
static struct table table;

static int
lines(struct reader *r, void *ctx)
{
	struct line ln;

	(void)ctx;
	while (reader_line(r, &ln)) {
		out_escaped(r->name, strlen(r->name));
		out_char(':');
		out_u64(r->lineno);
		out_char(':');
		out_u64(ln.len);
		out_char(':');
		out_escaped(ln.data, ln.len);
		out_char('\n');
	}
	return 0;
}

static int
unescape_lines(struct reader *r, void *ctx)
{
	struct line ln;

	(void)ctx;
	while (reader_line(r, &ln))
		out_write(ln.data, unescape(ln.data, ln.len));
	return 0;
}

static int
fields(struct reader *r, void *ctx)
{
	struct fields fs = { 0 };
	struct line ln;
	int status = 0;

	(void)ctx;
	while (reader_line(r, &ln)) {
		fields_split(&fs, &ln);
		if (fs.n < fieldlist_need(&list)) {
			warn("%s:%lu: want %zu fields, found %zu", r->name, r->lineno,
			    fieldlist_need(&list), fs.n);
			status = 1;
			continue;
		}
		int first = 1;

		for (size_t i = 0; i < fs.n; i++)
			if (fieldlist_has(&list, i + 1)) {
				if (!first)
					out_char('\t');
				out_write(fs.f[i].data, fs.f[i].len);
				first = 0;
			}
		out_char('\n');
	}
	fields_free(&fs);
	return status;
}

static int
intern(struct reader *r, void *ctx)
{
	struct line ln;

	(void)ctx;
	while (reader_line(r, &ln)) {
		out_u64(table_intern(&table, ln.data, ln.len, NULL));
		out_char('\n');
	}
	return 0;
}

static int
utf8_lines(struct reader *r, void *ctx)
{
	struct line ln;
	unsigned long bad = r->nbad;

	(void)ctx;
	while (reader_line(r, &ln)) {
		out_str(r->nbad == bad ? "valid\n" : "invalid\n");
		bad = r->nbad;
	}
	return 0;
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = { CLI_LONGOPTS };
	const char *why;
	int status = 0;

	cli_init(argv[0], usage, help);
	while (cli_next(argc, argv, "", longopts) != -1)
		;
	argc -= optind;
	argv += optind;
	if (argc < 1)
		usage_error("no command");
	const char *cmd = argv[0];

	argc--;
	argv++;
	if (strcmp(cmd, "lines") == 0)
		status = each_input(argc, argv, lines, NULL);
	else if (strcmp(cmd, "utf8") == 0)
		status = each_input(argc, argv, utf8_lines, NULL);
	else if (strcmp(cmd, "unescape") == 0)
		status = each_input(argc, argv, unescape_lines, NULL);
	else if (strcmp(cmd, "escape") == 0) {
		struct buf all = { 0 };
		char block[4096];
		ssize_t n;

		while ((n = read(0, block, sizeof block)) > 0)
			buf_add(&all, block, (size_t)n);
		out_escaped(all.data, all.len);
		out_char('\n');
		buf_free(&all);
	} else if (strcmp(cmd, "fields") == 0) {
		if (argc < 1)
			usage_error("fields: no list");
		if (fieldlist_parse(&list, argv[0], &why) < 0)
			usage_error("bad field list '%s': %s", argv[0], why);
		status = each_input(argc - 1, argv + 1, fields, NULL);
		fieldlist_free(&list);
	} else if (strcmp(cmd, "intern") == 0) {
		table_init(&table, 0);
		status = each_input(argc, argv, intern, NULL);
		out_u64(table.n);
		out_str(" distinct\n");
		table_free(&table);
	} else if (strcmp(cmd, "number") == 0 && argc == 1) {
		out_u64((unsigned long long)(cli_number("number", argv[0], -5, 5) + 5));
		out_char('\n');
	} else if (strcmp(cmd, "data") == 0 && argc == 1) {
		const struct blob *b = data_find(argv[0]);

		if (!b)
			die("%s: no such data file", argv[0]);
		out_write(b->data, b->len);
	} else
		usage_error("unknown command: %s", cmd);
	return out_close() ? 1 : status;
}
