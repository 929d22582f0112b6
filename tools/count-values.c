/* count-values: a frequency table of keys (whole lines or chosen fields), largest count first. */
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <utf8proc.h>

#include "cli.h"
#include "count.h"
#include "diag.h"
#include "fieldlist.h"
#include "mem.h"
#include "out.h"
#include "record.h"

static const char usage[] =
    "usage: count-values [-f LIST] [--by LIST] [-w FIELD[,FIELD]] [-d FIELD] [-n N] [--min N]\n"
    "                    [--percent] [--total] [--bars] [--memory SIZE] [-j N] [FILE...]\n";
static const char help[] =
    "Count the distinct keys of the input records; print COUNT KEY-FIELDS...,\n"
    "largest count first, ties by key bytes.\n"
    "  -f LIST          the key is these fields (cut-style: 6,8  2-); default the whole line\n"
    "  --by LIST        a separate table per group of these fields: GROUP COUNT KEY\n"
    "  -w FIELD         add the number in FIELD instead of 1 (merges tables: -w 1 -f 2-);\n"
    "                   -w F,G also sums field G into the DISTINCT column (merges -d tables)\n"
    "  -d FIELD         a DISTINCT column: how many distinct values of FIELD each key has\n"
    "  -n N             only the N largest counts (of each table)\n"
    "  --min N          only counts of at least N\n"
    "  --percent        a column with each count's share of the table's total\n"
    "  --total          a last line with the sum: COUNT (total)\n"
    "  --bars           a bar chart for the terminal instead of records\n"
    "  --memory SIZE    keep at most SIZE bytes (K, M, G) of keys, with -n: approximate\n"
    "                   counts by Space-Saving, with their error bound on stderr\n"
    "  -j N             threads: 2 (the default) reads and counts at once and sorts\n"
    "                   in two halves; 1 does all in one (the same output)\n";

enum { OPT_BY = 0x200, OPT_MIN, OPT_PERCENT, OPT_TOTAL, OPT_BARS, OPT_MEMORY };

static const struct option longopts[] = {
	{ "by", required_argument, NULL, OPT_BY },
	{ "min", required_argument, NULL, OPT_MIN },
	{ "percent", no_argument, NULL, OPT_PERCENT },
	{ "total", no_argument, NULL, OPT_TOTAL },
	{ "bars", no_argument, NULL, OPT_BARS },
	{ "memory", required_argument, NULL, OPT_MEMORY },
	CLI_LONGOPTS
};

struct opts {
	struct fieldlist key, by;
	struct count_spec spec;
	struct count_show show;
	int bars;
};

static void
parse_list(struct fieldlist *fl, const char *option, const char *value)
{
	const char *why;

	if (fieldlist_parse(fl, value, &why) < 0)
		usage_error("%s: %s: %s", option, why, value);
}

static size_t
parse_memory(const char *value)
{
	char *end;
	unsigned long long v = strtoull(value, &end, 10);
	int shift = 0;

	if (end == value || value[0] == '-')
		usage_error("--memory: not a size: %s", value);
	switch (*end) {
	case 'k': case 'K': shift = 10; end++; break;
	case 'm': case 'M': shift = 20; end++; break;
	case 'g': case 'G': shift = 30; end++; break;
	}
	if (*end || v == 0 || v > (1ULL << 40) >> shift)
		usage_error("--memory: not a size between 1 and 1T: %s", value);
	return (size_t)(v << shift);
}

static void
parse_weight(struct opts *o, const char *value)
{
	char first[32];
	const char *comma = strchr(value, ',');
	size_t n = comma ? (size_t)(comma - value) : strlen(value);

	if (n >= sizeof first)
		usage_error("-w: not a field: %s", value);
	memcpy(first, value, n);
	first[n] = '\0';
	o->spec.weight = (size_t)cli_number("-w", first, 1, 1000000);
	if (comma)
		o->spec.weight2 = (size_t)cli_number("-w", comma + 1, 1, 1000000);
	if (o->spec.weight == o->spec.weight2)
		usage_error("-w: the two fields must differ: %s", value);
}

static void
parse_options(struct opts *o, int *argc, char ***argv)
{
	int c;

	while ((c = cli_next(*argc, *argv, "f:n:w:d:j:", longopts)) != -1) {
		switch (c) {
		case 'f':
			fieldlist_free(&o->key);
			parse_list(&o->key, "-f", optarg);
			o->spec.key = &o->key;
			break;
		case OPT_BY:
			fieldlist_free(&o->by);
			parse_list(&o->by, "--by", optarg);
			o->spec.by = &o->by;
			break;
		case 'w':
			parse_weight(o, optarg);
			break;
		case 'd':
			o->spec.distinct = (size_t)cli_number("-d", optarg, 1, 1000000);
			break;
		case 'j':
			o->spec.jobs = (int)cli_number("-j", optarg, 1, 2);
			break;
		case 'n':
			o->show.top = (size_t)cli_number("-n", optarg, 1, 1LL << 40);
			break;
		case OPT_MIN:
			o->show.min = (uint64_t)cli_number("--min", optarg, 0, 1LL << 62);
			break;
		case OPT_PERCENT:
			o->show.percent = 1;
			break;
		case OPT_TOTAL:
			o->show.total = 1;
			break;
		case OPT_BARS:
			o->bars = 1;
			break;
		case OPT_MEMORY:
			o->spec.memory = parse_memory(optarg);
			break;
		default:
			usage_error("unknown option");
		}
	}
	*argc -= optind;
	*argv += optind;

	if (o->spec.distinct && o->spec.weight2)
		usage_error("-d and -w F,G both fill the DISTINCT column: use one");
	if (o->spec.memory && !o->show.top)
		usage_error("--memory needs -n: it keeps the largest counts only");
	if (o->spec.memory && (o->spec.by || o->spec.distinct || o->spec.weight2))
		usage_error("--memory does not combine with --by, -d or -w F,G");
	o->spec.top = o->show.top;
	o->spec.keys_ahead = 1 << 20;	/* a crawl's mentions: the table never grows by copying below this */
	o->show.has_distinct = o->spec.distinct || o->spec.weight2;
}

static int
count_input(struct reader *r, void *ctx)
{
	struct counter *c = ctx;
	struct line ln;
	int status = 0;

	while (reader_line(r, &ln))
		status |= counter_add(c, r->name, r->lineno, ln.data, ln.len);
	counter_end_input(c, r->name);
	return status;
}

/* ---- bars ---- */

static const char *const eighths[] = { "", "▏", "▎", "▍", "▌", "▋", "▊", "▉" };

struct chart {
	const struct count_show *show;
	int columns;
	struct count_row *rows;
	size_t n, cap;
	int tables, begun;
};

static int
terminal_columns(void)
{
	const char *env = getenv("COLUMNS");
	char *end;
	long n = env ? strtol(env, &end, 10) : 0;
	struct winsize ws;

	if (env && *env && !*end && n > 0 && n <= 10000)	/* not a typo's gigabytes of blocks */
		return (int)n;
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	return 80;
}

/* Display columns of s, with TABs as one space; *cut: the bytes that fit in max columns. */
static int
label_width(const char *s, size_t n, int max, size_t *cut)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	int width = 0;
	size_t i = 0;

	while (i < n) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t len = utf8proc_iterate(p + i, (utf8proc_ssize_t)(n - i), &cp);
		int w;

		if (len <= 0) {
			len = 1;
			cp = '?';
		}
		w = cp == '\t' ? 1 : cp < 32 ? 0 : utf8proc_charwidth(cp);
		if (w < 0)
			w = 0;
		if (width + w > max)
			break;
		width += w;
		i += (size_t)len;
	}
	*cut = i;
	return width;
}

static void
draw(struct chart *ch, const struct count_table *t)
{
	char num[32];
	int labelw = 0, numw, barw, maxlabel = ch->columns / 3;
	uint64_t top = ch->n ? ch->rows[0].count : 0;

	if (maxlabel < 8)
		maxlabel = 8;
	if (ch->tables++)
		out_char('\n');
	if (t->group) {
		out_write(t->group, t->glen);
		out_str(":\n");
	}
	for (size_t i = 0; i < ch->n; i++) {
		size_t cut;
		int w = label_width(ch->rows[i].key, ch->rows[i].klen, maxlabel, &cut);

		if (w > labelw)
			labelw = w;
	}
	numw = snprintf(num, sizeof num, "%llu", (unsigned long long)top);
	if (ch->show->percent)
		numw += 9;
	barw = ch->columns - labelw - numw - 3;
	if (barw < 1)
		barw = 1;
	for (size_t i = 0; i < ch->n; i++) {
		const struct count_row *r = &ch->rows[i];
		size_t cut;
		int w = label_width(r->key, r->klen, maxlabel, &cut);
		uint64_t eights = top ? (uint64_t)((long double)r->count * barw * 8 / top) : 0;

		for (size_t j = 0; j < cut; j++)
			out_char(r->key[j] == '\t' ? ' ' : r->key[j]);
		for (int j = w; j < labelw + 1; j++)
			out_char(' ');
		for (uint64_t j = 0; j < eights / 8; j++)
			out_str("█");
		out_str(eighths[eights % 8]);
		out_char(' ');
		out_u64(r->count);
		if (ch->show->percent) {
			int n = snprintf(num, sizeof num, " (%.2f%%)",
			    t->total ? 100.0 * (double)r->count / (double)t->total : 0.0);

			out_write(num, (size_t)n);
		}
		out_char('\n');
	}
	if (ch->show->total) {
		out_str("total ");
		out_u64(t->total);
		out_char('\n');
	}
}

/* Rows are kept until the table ends: the labels' width sets the bars'. */
static void
chart_row(const struct count_table *t, const struct count_row *row, void *ctx)
{
	struct chart *ch = ctx;

	if (row) {
		ch->rows = xgrow(ch->rows, &ch->cap, ch->n + 1, sizeof *ch->rows);
		ch->rows[ch->n++] = *row;
		return;
	}
	ch->begun = !ch->begun;
	if (!ch->begun) {
		draw(ch, t);
		ch->n = 0;
	}
}

int
main(int argc, char *argv[])
{
	struct opts o = { 0 };
	struct counter *c;
	int status;
	uint64_t err, total;
	size_t kept;

	cli_init(argv[0], usage, help);
	parse_options(&o, &argc, &argv);
#ifdef M_MMAP_THRESHOLD
	/* Blocks of a MB and more in pages of their own: the arena and the arrays by key id grow in place (mremap), not by copying. */
	mallopt(M_MMAP_THRESHOLD, 1 << 20);
#endif
	c = counter_new(&o.spec);
	status = each_input(argc, argv, count_input, c);
	if (o.bars) {
		struct chart ch = { .show = &o.show, .columns = terminal_columns() };

		counter_each(c, &o.show, chart_row, &ch);
		free(ch.rows);
	} else
		counter_write(c, &o.show);
	if (counter_approximate(c, &err, &total, &kept))
		warn("--memory: approximate: Space-Saving over %zu keys; each count is at most %llu above the true count (total %llu)",
		    kept, (unsigned long long)err, (unsigned long long)total);
	counter_free(c);
	fieldlist_free(&o.key);
	fieldlist_free(&o.by);
	return out_close() ? 1 : status;
}
