/* Drives the lib/ modules from the command line, for tests/lib.bats. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "boilerplate.h"
#include "buf.h"
#include "cli.h"
#include "data.h"
#include "diag.h"
#include "english.h"
#include "entity-impl.h"
#include "escape.h"
#include "fieldlist.h"
#include "hash.h"
#include "mem.h"
#include "ner.h"
#include "nerfeat.h"
#include "out.h"
#include "pagemeta.h"
#include "record.h"
#include "token.h"

static const char usage[] =
    "usage: libcheck lines|escape|unescape|intern|keymap|utf8 [FILE...]\n"
    "       libcheck fields LIST [FILE...]\n"
    "       libcheck number VALUE\n"
    "       libcheck date|url-date|pagemeta [FILE...]\n"
    "       libcheck ner MODEL [FILE...]\n"
    "       libcheck viterbi N\n"
    "       libcheck phrases N\n"
    "       libcheck memo [FILE...]\n"
    "       libcheck lower\n"
    "       libcheck bytes\n"
    "       libcheck english\n"
    "       libcheck lexicons\n"
    "       libcheck patterns\n"
    "       libcheck prepared [truncated]\n";
static const char help[] =
    "  lines     each line as NAME:LINE:LENGTH:TEXT (text escaped)\n"
    "  escape    all of standard input as one escaped field\n"
    "  unescape  each line unescaped\n"
    "  fields    the fields of LIST, cut-style\n"
    "  intern    each line's id in a hash table, then the number of distinct lines\n"
    "  keymap    each line's id in a keymap (its key the line's hash; an empty\n"
    "            line clears the map), then the number of keys\n"
    "  utf8      each line as valid or invalid (UTF-8 as read, before its repair)\n"
    "  number    VALUE parsed as an option between -5 and 5\n"
    "  date      each line as a metadata date: LINE TAB DATE (or -)\n"
    "  url-date  each line as a URL: LINE TAB the date of its path (or -)\n"
    "  pagemeta  events, one a line, TAB-separated and escaped: begin URL, start TAG\n"
    "            [NAME VALUE]... (VALUE (null): none), text TEXT, end TAG, finish\n"
    "            (writes the page's metadata records, DOC the URL of begin)\n"
    "  ner       each line tagged by MODEL with and without the cache of words;\n"
    "            the lines, tokens, lines tagged differently and tokens (of\n"
    "            each line's last NERF_CHUNK) scored differently\n"
    "  viterbi   N random sequences decoded by nerf_viterbi, nerf_viterbi32 and\n"
    "            the plain algorithm; the sequences decoded differently\n"
    "  phrases   tables of N random keys (the last ones near the largest, which\n"
    "            wrap around; also in a table too small, which grows) made by\n"
    "            nerf_phrases_append in order and by nerf_phrases_or; the tables\n"
    "            that differ in a slot or a lookup\n"
    "  memo      strip-boilerplate's signals of each line by bp_analyse and\n"
    "            through a memo (bp_analyse_lines, in groups of 1 to 40 lines):\n"
    "            the lines, and those whose bp_line differs\n"
    "  lower     nerf_lower against a byte loop on words of 0 to 40 bytes, each\n"
    "            byte value at each place, and random ones; the wrong answers\n"
    "  bytes     bytes_copy and bytes_equal checked; the wrong answers\n"
    "  english   the English word lists' lookups against a binary search of\n"
    "            their lines, on every line and three words made from each;\n"
    "            the wrong answers per list\n"
    "  lexicons  the built-in lexicons' lookups at each token of each phrase\n"
    "            and of four texts made from it, with the first words' cues\n"
    "            (C_FIRST) and without; the wrong answers per lexicon\n"
    "  patterns  the date and amount pattern and its form for a token that\n"
    "            starts with a digit, at each digit of random texts of numbers,\n"
    "            separators, scales, units, currencies and months; the\n"
    "            matches of a digit and the answers that differ\n"
    "  prepared  each table of the prepared images (english-lists.bin,\n"
    "            entity-tables.bin) against the same table built from the lists:\n"
    "            every key, three near misses of it and what the key maps to;\n"
    "            the wrong answers per table (truncated: the entity image less\n"
    "            its last 8 bytes, which must be refused)\n";

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
keymap_lines(struct reader *r, void *ctx)
{
	struct keymap *k = ctx;
	struct line ln;
	int added;

	while (reader_line(r, &ln)) {
		if (ln.len == 0) {
			keymap_clear(k);
			out_str("clear\n");
			continue;
		}
		out_u64(keymap_id(k, hash_bytes(ln.data, ln.len), &added));
		out_str(added ? " new\n" : "\n");
	}
	return 0;
}

/* The lines read, for memo: their bytes, and where each ends. */
struct texts {
	struct buf bytes;
	size_t *end, n, cap;
};

static int
text_lines(struct reader *r, void *ctx)
{
	struct texts *t = ctx;
	struct line ln;

	while (reader_line(r, &ln)) {
		buf_add(&t->bytes, ln.data, ln.len);
		t->end = xgrow(t->end, &t->cap, t->n + 1, sizeof *t->end);
		t->end[t->n++] = t->bytes.len;
	}
	return 0;
}

/* Lines analysed by bp_analyse and through a memo: the bp_lines that differ (every byte compared). */
static unsigned long
check_memo(const struct texts *t)
{
	struct bp_options o;
	struct bp_model m;
	struct bp_memo c;
	struct bp_line *want = xcalloc(t->n + 1, sizeof *want), *got = xcalloc(t->n + 1, sizeof *got);
	unsigned long wrong = 0;

	bp_defaults(&o);
	if (bp_init(&m, &o) < 0)
		die("no stoplists");
	bp_memo_init(&c);
	for (size_t i = 0; i < t->n; i++) {
		size_t start = i ? t->end[i - 1] : 0;

		want[i].text = got[i].text = t->bytes.data + start;
		want[i].len = got[i].len = t->end[i] - start;
		want[i].lineno = got[i].lineno = i + 1;
		bp_analyse(&m, &want[i]);
	}
	for (size_t i = 0, k = 1; i < t->n; i += k, k = k % 40 + 1)
		bp_analyse_lines(&m, &c, got + i, i + k < t->n ? k : t->n - i);
	for (size_t i = 0; i < t->n; i++)
		wrong += memcmp(&want[i], &got[i], sizeof want[i]) != 0;
	bp_memo_free(&c);
	bp_free(&m);
	free(want);
	free(got);
	return wrong;
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

/* Each line as a date (date), or as a URL whose path holds one (url-date). */
static int
dates(struct reader *r, void *ctx)
{
	const int *url = ctx;
	char date[64];
	struct line ln;

	while (reader_line(r, &ln)) {
		size_t n = *url ? pagemeta_url_date(ln.data, ln.len, date) : pagemeta_date(ln.data, ln.len, date);

		out_escaped(ln.data, ln.len);
		out_char('\t');
		out_write(n ? date : "-", n ? n : 1);
		out_char('\n');
	}
	return 0;
}

/* Split a copy of the line at TABs into NUL-ended unescaped fields; how many (at most max). */
static size_t
event_fields(struct buf *copy, const struct line *ln, char **f, size_t *len, size_t max)
{
	size_t n = 0;

	copy->len = 0;
	buf_add(copy, ln->data, ln->len);
	buf_addc(copy, '\0');
	for (char *p = copy->data; n < max; n++) {
		char *tab = memchr(p, '\t', (size_t)(copy->data + ln->len - p));

		f[n] = p;
		len[n] = unescape(p, tab ? (size_t)(tab - p) : strlen(p));
		p[len[n]] = '\0';
		if (!tab)
			return n + 1;
		p = tab + 1;
	}
	return n;
}

/* Drive lib/pagemeta with the parser's events as written in the input. */
static int
pagemeta_events(struct reader *r, void *ctx)
{
	struct pagemeta m = { 0 };
	struct buf copy = { 0 }, doc = { 0 };
	struct line ln;
	char *f[64];
	size_t len[64];
	const char *attrs[64];
	int status = 0;

	(void)ctx;
	while (reader_line(r, &ln)) {
		size_t n = event_fields(&copy, &ln, f, len, 63);

		if (strcmp(f[0], "begin") == 0 && n == 2) {
			pagemeta_begin(&m, f[1], len[1]);
			doc.len = 0;
			buf_add(&doc, f[1], len[1]);
		} else if (strcmp(f[0], "start") == 0 && n >= 2 && n % 2 == 0) {
			size_t k = 0;

			for (size_t i = 2; i < n; i++)
				attrs[k++] = i % 2 && strcmp(f[i], "(null)") == 0 ? NULL : f[i];
			attrs[k] = NULL;
			pagemeta_start(&m, f[1], attrs);
		} else if (strcmp(f[0], "text") == 0 && n == 2)
			pagemeta_text(&m, f[1], len[1]);
		else if (strcmp(f[0], "end") == 0 && n == 2)
			pagemeta_end(&m, f[1]);
		else if (strcmp(f[0], "finish") == 0 && n == 1) {
			pagemeta_finish(&m);
			pagemeta_write(&m, doc.data, doc.len);
		} else {
			warn("%s:%lu: not an event", r->name, r->lineno);
			status = 1;
		}
	}
	buf_free(&copy);
	buf_free(&doc);
	pagemeta_free(&m);
	return status;
}

struct ner_count {
	const struct ner_model *model;
	unsigned long lines, tokens, differ, scored, skipped, wrongly;
};

/* Has a word bytes that make it not quiet (nerf_extract_context's rule, less the word's classes)? */
static int
loud_bytes(const char *s, size_t n)
{
	for (size_t k = 0; k < n; k++) {
		unsigned char c = (unsigned char)s[k];

		if (c >= 0x80 || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '?' || c == '-')
			return 1;
	}
	return 0;
}

/*
 * The tokens [from, from + len) of n that ner_tag skipped (skip) wrongly:
 * a word within NERF_QUIET_R with bytes that are not quiet, a row in
 * cached other than O's alone, or a label other than O in plain.
 */
static unsigned long
skipped_wrongly(const char *text, const struct token *tok, size_t n, size_t from, size_t len,
    const unsigned char *skip, const int *cached, const unsigned char *plain, unsigned long *skipped)
{
	unsigned long wrong = 0;

	for (size_t t = 0; t < len; t++) {
		size_t i = from + t;
		int bad = plain[i] != 0;

		if (!skip[t])
			continue;
		++*skipped;
		for (size_t j = i > NERF_QUIET_R ? i - NERF_QUIET_R : 0; j <= i + NERF_QUIET_R && j < n; j++)
			bad |= loud_bytes(text + tok[j].start, tok[j].end - tok[j].start);
		for (unsigned y = 0; y < NERF_NLABELS; y++)
			bad |= y == 0 ? cached[t * NERF_ROW + nerf_lane(y)] != 0 :
			    cached[t * NERF_ROW + nerf_lane(y)] > -NERF_MAX * 32768;
		wrong += (unsigned long)bad;
	}
	return wrong;
}

/* The tokens of the last chunk of ner_tag (its scores in cached), not skipped, that ner_tag_plain scored otherwise. */
static unsigned long
scored_differently(const int *cached, const unsigned char *skip, size_t n)
{
	const int *plain = ner_last_scores();
	unsigned long differ = 0;

	for (size_t i = 0; i < n; i++)
		for (unsigned y = 0; y < NERF_NLABELS; y++)
			if (!skip[i] && cached[i * NERF_ROW + nerf_lane(y)] != plain[i * NERF_ROW + nerf_lane(y)]) {
				differ++;
				break;
			}
	return differ;
}

static int
ner_lines(struct reader *r, void *ctx)
{
	struct ner_count *c = ctx;
	struct token *tok = NULL;
	size_t cap = 0, n;
	unsigned char *cached = NULL, *plain = NULL, *skip = NULL;
	int *scores = NULL;
	struct line ln;

	while (reader_line(r, &ln)) {
		size_t last;	/* tokens of the last chunk */

		n = tokenize(ln.data, ln.len, &tok, &cap);
		last = n == 0 ? 0 : n - (n - 1) / NERF_CHUNK * NERF_CHUNK;
		cached = xrealloc(cached, n + 1);
		plain = xrealloc(plain, n + 1);
		scores = xrealloc(scores, (last + 1) * NERF_ROW * sizeof *scores);
		ner_tag(c->model, ln.data, tok, n, cached);
		skip = xrealloc(skip, last + 1);
		if (last > 0) {
			memcpy(scores, ner_last_scores(), last * NERF_ROW * sizeof *scores);
			memcpy(skip, ner_last_skipped(), last);
		}
		ner_tag_plain(c->model, ln.data, tok, n, plain);
		c->lines++;
		c->tokens += n;
		c->scored += scored_differently(scores, skip, last);
		c->wrongly += skipped_wrongly(ln.data, tok, n, n - last, last, skip, scores, plain, &c->skipped);
		if (memcmp(cached, plain, n) != 0) {
			warn("%s:%lu: tagged differently with the cache of words", r->name, r->lineno);
			c->differ++;
		}
	}
	free(tok);
	free(cached);
	free(plain);
	free(scores);
	free(skip);
	return 0;
}

/* Viterbi over every allowed pair of labels, as plainly as it goes: the reference. */
static void
plain_viterbi(const int64_t *emit, size_t n, const nerf_trans trans, unsigned char *label, unsigned char *back)
{
	int64_t score[NERF_NLABELS], next[NERF_NLABELS];
	unsigned best = 0;

	for (unsigned y = 0; y < NERF_NLABELS; y++)
		score[y] = nerf_allowed(NERF_NLABELS, y) ? trans[NERF_NLABELS][y] + emit[y] : INT64_MIN / 4;
	for (size_t i = 1; i < n; i++) {
		for (unsigned y = 0; y < NERF_NLABELS; y++) {
			int64_t top = INT64_MIN;

			for (unsigned p = 0; p < NERF_NLABELS; p++)
				if (nerf_allowed(p, y) && score[p] + trans[p][y] > top) {
					top = score[p] + trans[p][y];
					back[i * NERF_NLABELS + y] = (unsigned char)p;
				}
			next[y] = top + emit[i * NERF_NLABELS + y];
		}
		memcpy(score, next, sizeof score);
	}
	for (unsigned y = 1; y < NERF_NLABELS; y++)
		if (nerf_may_end(y) && score[y] > score[best])
			best = y;
	for (size_t i = n; i-- > 0;) {
		label[i] = (unsigned char)best;
		if (i > 0)
			best = back[i * NERF_NLABELS + best];
	}
}

/*
 * Random sequences with scores of -3 to 3, so that ties are common; every
 * other one with those numbers times the largest that a model's weights
 * make (NERF_MAX of them in an emission), ties common too.
 */
static unsigned long
viterbi_check(long count)
{
	enum { MAXN = 24 };
	uint64_t x = 88172645463325252ull;
	int64_t emit[MAXN * NERF_NLABELS];
	int32_t row[MAXN * NERF_ROW] = { 0 };
	nerf_trans trans;
	struct nerf_vtrans vtrans;
	unsigned char a[MAXN], b[MAXN], c[MAXN], back[MAXN * NERF_NLABELS];
	int32_t back32[MAXN * NERF_ROW];
	unsigned long differ = 0;

	for (long k = 0; k < count; k++) {
		int64_t big = k % 2, escale = big ? NERF_MAX * 32767 / 3 : 1, tscale = big ? 32767 / 3 : 1;
		size_t n;

#define RANDOM() (x ^= x << 13, x ^= x >> 7, x ^= x << 17, (int64_t)(x % 7) - 3)
		n = 1 + (size_t)(x % MAXN);
		for (size_t i = 0; i < n * NERF_NLABELS; i++)
			emit[i] = RANDOM() * escale;
		for (unsigned p = 0; p <= NERF_NLABELS; p++)
			for (unsigned y = 0; y < NERF_NLABELS; y++)
				trans[p][y] = RANDOM() * tscale;
#undef RANDOM
		for (size_t i = 0; i < n; i++)
			for (unsigned y = 0; y < NERF_NLABELS; y++)
				row[i * NERF_ROW + nerf_lane(y)] = (int32_t)emit[i * NERF_NLABELS + y];
		nerf_vtrans_init(&vtrans, (const int64_t (*)[NERF_NLABELS])trans);
		nerf_viterbi(emit, n, (const int64_t (*)[NERF_NLABELS])trans, a, back);
		nerf_viterbi32(row, n, &vtrans, c, back32);
		plain_viterbi(emit, n, (const int64_t (*)[NERF_NLABELS])trans, b, back);
		differ += memcmp(a, b, n) != 0 || memcmp(c, b, n) != 0;
	}
	return differ;
}

static int
compare_keys(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

/*
 * The n keys by nerf_phrases_append and by nerf_phrases_or, in tables made
 * for expect keys: the same slots, each key found with its mask, and the
 * key after each (if not one of them) not found.
 */
static int
phrases_differ(const uint64_t *key, size_t n, size_t expect)
{
	struct nerf_phrases a, b;
	int differ;

	nerf_phrases_init(&a, expect);
	nerf_phrases_init(&b, expect);
	for (size_t i = 0; i < n; i++) {
		nerf_phrases_append(&a, key[i], key[i] >> 7 | 1);
		nerf_phrases_or(&b, key[i], key[i] >> 7 | 1);
	}
	differ = a.cap != b.cap || a.n != b.n || memcmp(a.slot, b.slot, a.cap * sizeof *a.slot) != 0;
	for (size_t i = 0; i < n; i++) {
		differ |= nerf_phrases_get(&a, key[i]) != (key[i] >> 7 | 1);
		/* a key not added, its bit set or not, is not found */
		if (i + 1 == n || key[i] + 1 != key[i + 1])
			differ |= nerf_phrases_get(&a, key[i] + 1) != 0 || nerf_phrases_get(&b, key[i] + 1) != 0;
	}
	nerf_phrases_free(&a);
	nerf_phrases_free(&b);
	return differ;
}

/*
 * Tables of n random keys, distinct and in order, the last eighth of them
 * within 2^56 of the largest key (their first slots at the table's end, so
 * that they wrap around to its start): made for n keys, and for n / 4 (the
 * table grows on the way).  Returns the tables that differ.
 */
static unsigned long
check_phrases(size_t n)
{
	uint64_t x = 88172645463325252ull, *key = xmalloc(n * sizeof *key);
	unsigned long differ = 0;
	size_t m = 0;

	for (size_t i = 0; i < n; i++) {
		x ^= x << 13, x ^= x >> 7, x ^= x << 17;
		key[i] = i < n - n / 8 ? x : ~(x >> 8);
	}
	qsort(key, n, sizeof *key, compare_keys);
	for (size_t i = 0; i < n; i++)	/* distinct, not 0 */
		if (key[i] && (m == 0 || key[i] != key[m - 1]))
			key[m++] = key[i];
	differ += phrases_differ(key, m, m);
	differ += phrases_differ(key, m, m / 4);
	free(key);
	return differ;
}

/*
 * nerf_lower after two bytes of a buffer, against a byte loop: words of 0
 * to 40 bytes holding each byte value at each place (the next bytes the
 * following values), then random words.  Returns the wrong answers.
 */
static unsigned long
check_lower(void)
{
	uint64_t x = 88172645463325252ull;
	unsigned long wrong = 0;
	char word[40], want[40];
	struct buf b = { 0 };

	for (long k = 0; k < 256 * 41 + 100000; k++) {
		size_t n = (size_t)k % 41;

		for (size_t i = 0; i < n; i++) {
			x ^= x << 13, x ^= x >> 7, x ^= x << 17;
			word[i] = (char)(k < 256 * 41 ? (size_t)k / 41 + i : x);
			want[i] = word[i] >= 'A' && word[i] <= 'Z' ? (char)(word[i] + 32) : word[i];
		}
		b.len = 0;
		buf_add(&b, "[]", 2);
		nerf_lower(&b, word, n);
		wrong += b.len != n + 2 || memcmp(b.data, "[]", 2) != 0 || (n && memcmp(b.data + 2, want, n) != 0);
	}
	buf_free(&b);
	return wrong;
}

/*
 * bytes_copy and bytes_equal against memcpy and memcmp for every length up
 * to 40 and every byte that differs; the copy must not touch the guard
 * bytes around it.  Returns the number of wrong answers.
 */
static unsigned long
check_bytes(void)
{
	char a[48], b[48], dst[64];
	unsigned long wrong = 0;

	for (size_t n = 0; n <= 40; n++) {
		for (size_t i = 0; i < n; i++)
			a[i] = b[i] = (char)('a' + i);
		wrong += !bytes_equal(a, b, n);
		for (size_t i = 0; i < n; i++) {
			b[i] = 'Z';
			wrong += bytes_equal(a, b, n);
			b[i] = a[i];
		}
		memset(dst, '#', sizeof dst);
		bytes_copy(dst + 8, a, n);
		wrong += memcmp(dst + 8, a, n) != 0;
		for (size_t i = 0; i < sizeof dst; i++)
			wrong += (i < 8 || i >= 8 + n) && dst[i] != '#';
	}
	return wrong;
}

static int
by_bytes(const void *pa, const void *pb)
{
	const struct line *a = pa, *b = pb;
	int c = memcmp(a->data, b->data, a->len < b->len ? a->len : b->len);

	return c ? c : (a->len > b->len) - (a->len < b->len);
}

/* The lines of a built-in list, sorted here whatever the file's order. */
static struct line *
sorted_lines(const char *file, size_t *n)
{
	const struct blob *b = data_find(file);
	struct line ln, *all = NULL;
	size_t pos = 0, cap = 0;

	if (!b)
		die("%s: no such data file", file);
	*n = 0;
	while (data_next_line(b, &pos, &ln)) {
		all = xgrow(all, &cap, *n + 1, sizeof *all);
		all[(*n)++] = ln;
	}
	qsort(all, *n, sizeof *all, by_bytes);
	return all;
}

/* The answer of english_common_word (lower-cased, 2 to 64 bytes), english_given_name or english_city (as written). */
static int
listed(int list, const char *w, size_t n)
{
	return list == 0 ? english_common_word(w, n) : list == 1 ? english_given_name(w, n) : english_city(w, n);
}

/* What the list says by a binary search of its sorted lines. */
static int
listed_sorted(int list, const struct line *all, size_t nall, const char *w, size_t n)
{
	char low[64];
	struct line key = { (char *)w, n };

	if (list == 0) {
		if (n < 2 || n > sizeof low)
			return 0;
		for (size_t i = 0; i < n; i++)
			low[i] = w[i] >= 'A' && w[i] <= 'Z' ? (char)(w[i] + 32) : w[i];
		key.data = low;
	}
	return bsearch(&key, all, nall, sizeof *all, by_bytes) != NULL;
}

/* Each list's lines, each line with an x after it, without its last byte, its first letter in the other case. */
static void
check_english(void)
{
	static const char *const file[] = { "en-common.txt", "ner-given.txt", "ner-cities.txt" };
	char w[256];

	for (int list = 0; list < 3; list++) {
		size_t nall, lookups = 0;
		unsigned long wrong = 0;
		struct line *all = sorted_lines(file[list], &nall);

		for (size_t i = 0; i < nall; i++) {
			size_t n = all[i].len < sizeof w - 1 ? all[i].len : sizeof w - 1;

			memcpy(w, all[i].data, n);
			w[n] = 'x';
			wrong += listed(list, w, n) != listed_sorted(list, all, nall, w, n) || listed(list, w, n + 1) != listed_sorted(list, all, nall, w, n + 1) ||
			    listed(list, w, n - 1) != listed_sorted(list, all, nall, w, n - 1);
			w[0] = (char)(w[0] >= 'a' && w[0] <= 'z' ? w[0] - 32 : w[0] >= 'A' && w[0] <= 'Z' ? w[0] + 32 : w[0]);
			wrong += listed(list, w, n) != listed_sorted(list, all, nall, w, n);
			lookups += 4;
		}
		out_str(file[list]);
		out_str(lookups >= 4 * 1000 ? ": more than 1,000 lines, " : ": under 1,000 lines, ");
		out_u64(wrong);
		out_str(" wrong\n");
		free(all);
	}
}

/* The answers of lex_match and lex_exact at each token of text v[0..n), with l's first-word cues and without: how many differ. */
static unsigned long
lexicon_answers_differ(struct tagger *t, struct lexicon *l, const char *v, size_t n)
{
	unsigned long wrong = 0;
	int cue = l->first_cue;

	t->ntok = tokenize(v, n, &t->tok, &t->tokcap);
	find_cues(t, v);
	for (size_t i = 0; i < t->ntok; i++) {
		size_t len[2] = { 0, 0 };
		const struct entry *e[2], *x[2];

		for (int k = 0; k < 2; k++) {
			l->first_cue = k ? 0 : cue;
			t->first_tok = SIZE_MAX;
			e[k] = lex_match(t, l, v, i, &len[k]);
			x[k] = lex_exact(t, l, v, i, t->ntok);
		}
		wrong += e[0] != e[1] || len[0] != len[1] || x[0] != x[1];
	}
	l->first_cue = cue;
	return wrong;
}

/* Each phrase of the built-in lexicons as written in the lexicon, capitalised, with an x after it, without its last byte, with an x before it. */
static void
check_lexicons(void)
{
	struct tagger *t = tagger_new();
	struct lexicon *lexicons[] = { &t->builtin, &t->known, &t->terms };
	static const char *const name[] = { "builtin", "known", "terms" };
	struct buf v = { 0 };

	for (int k = 0; k < 3; k++) {
		unsigned long wrong = 0;

		for (size_t id = 0, n; id < lexicons[k]->phrase.n; id++) {
			const char *key = table_key(&lexicons[k]->phrase, id, &n);

			for (int form = 0; form < 5; form++) {
				v.len = 0;
				buf_adds(&v, form == 4 ? "x" : "");
				buf_add(&v, key, form == 3 && n > 0 ? n - 1 : n);
				buf_adds(&v, form == 2 ? "x" : "");
				for (size_t p = 0; form == 1 && p < v.len; p++)
					if ((p == 0 || v.data[p - 1] == ' ') && v.data[p] >= 'a' && v.data[p] <= 'z')
						v.data[p] -= 32;
				wrong += lexicon_answers_differ(t, lexicons[k], v.data, v.len);
			}
		}
		out_str(name[k]);
		out_str(lexicons[k]->phrase.n >= 40 ? ": 40 phrases or more, " : ": under 40 phrases, ");
		out_u64(wrong);
		out_str(" wrong\n");
	}
	buf_free(&v);
	tagger_free(t);
}

/* Is the match in md the same as in d (rc, the span, the first group set: the kind)? */
static int
same_match(int rc, pcre2_match_data *md, int drc, pcre2_match_data *d)
{
	PCRE2_SIZE *a = pcre2_get_ovector_pointer(md), *b = pcre2_get_ovector_pointer(d);
	int ka = 0, kb = 0;

	if (rc != drc)
		return 0;
	if (rc < 0)
		return 1;
	while (ka + 1 < rc && a[2 * (ka + 1)] == PCRE2_UNSET)
		ka++;
	while (kb + 1 < rc && b[2 * (kb + 1)] == PCRE2_UNSET)
		kb++;
	return a[0] == b[0] && a[1] == b[1] && ka == kb;
}

/*
 * find_patterns' two patterns at each digit of 300,000 random texts of up
 * to 12 pieces: the same match at each (t->at_digit stands for t->re there).
 */
static void
check_patterns(void)
{
	static const char *const piece[] = { "1", "2", "0", "3", "9", "12", "31", "2024", "1999", "000", "1234", ".", ",",
	    "/", "-", ":", " ", "  ", "\t", "%", " persen", " per sen", "percent", "juta", "ribu", "an", " rupiah",
	    "dolar AS", "dollar", " km", "m", "M", "T", "kg", "\xc2\xb0" "C", "\xc2\xb0", "jam", "WIB", "pm", "a.m.",
	    "p.m.", " Maret", "Mei", "Jan", "Jan.", "Sept", "st", "th", "x", "_", "\xc3\xa9", "(", ")", "$", "Rp",
	    " tahun", "orang", "\xe2\x84\xaa" "m", "\xc5\xbf" "ekolah", "\xc5\xbf" "eptember", "Senin", "Monday",
	    ", ", "US$", "pukul", "May", "may", "Sep.", "rb", "miliar", "Juli", "K", "S", "thousand" };
	struct tagger *t = tagger_new();
	pcre2_match_data *d = pcre2_match_data_create(8, NULL);
	uint64_t x = 88172645463325252ull;
	unsigned long tries = 0, matches = 0, differ = 0;
	char s[256];

	for (long k = 0; k < 300000; k++) {
		size_t n = 0, m;

		x ^= x << 13, x ^= x >> 7, x ^= x << 17;
		for (uint64_t r = x, pieces = 1 + r % 12; pieces--; r /= 97) {
			const char *p = piece[(r / 12 + (uint64_t)k) % (sizeof piece / sizeof *piece)];

			if (n + (m = strlen(p)) > sizeof s)
				break;
			memcpy(s + n, p, m);
			n += m;
		}
		for (size_t p = 0; p < n; p++) {
			int rc, drc;

			if (!is_digit((unsigned char)s[p]))
				continue;
			rc = pcre2_jit_match(t->re, (PCRE2_SPTR)s, n, p, 0, t->md, t->mctx);
			drc = pcre2_jit_match(t->at_digit, (PCRE2_SPTR)s, n, p, 0, d, t->mctx);
			tries++;
			matches += rc > 0;
			differ += !same_match(rc, t->md, drc, d);
		}
	}
	out_str(tries > 500000 && matches > tries / 2 ? "more than 500,000 tries, most of them matches, " : "too few tries or matches, ");
	out_u64(differ);
	out_str(" differ\n");
	pcre2_match_data_free(d);
	tagger_free(t);
}

/* The answers of tables a and b to key v[0..n): 1 if they differ. */
static int
find_differs(const struct table *a, const struct table *b, const char *v, size_t n)
{
	return table_find(a, v, n) != table_find(b, v, n);
}

/*
 * How many keys of the built table the prepared one answers otherwise (by
 * id and by bytes), and near misses of them (an x after, the last byte
 * left out, the first letter in the other case); `same` checks what a key
 * maps to, by id.
 */
static unsigned long
tables_differ(const struct table *built, const struct table *prepared, int (*same)(size_t id, const void *ctx), const void *ctx)
{
	unsigned long wrong = built->n != prepared->n;
	struct buf v = { 0 };

	for (size_t id = 0, n, pn; id < built->n && id < prepared->n; id++) {
		const char *key = table_key(built, id, &n), *pkey = table_key(prepared, id, &pn);

		wrong += table_find(prepared, key, n) != (long long)id || pn != n || memcmp(key, pkey, n) != 0;
		wrong += same && !same(id, ctx);
		v.len = 0;
		buf_add(&v, key, n);
		buf_addc(&v, 'x');
		wrong += find_differs(built, prepared, v.data, v.len) + (n > 0 && find_differs(built, prepared, v.data, n - 1));
		if (n > 0 && ((v.data[0] | 32) >= 'a' && (v.data[0] | 32) <= 'z')) {
			v.data[0] ^= 32;
			wrong += find_differs(built, prepared, v.data, n);
		}
	}
	buf_free(&v);
	return wrong;
}

static void
report_tables(const char *name, const struct table *built, unsigned long wrong)
{
	out_str(name);
	out_str(built->n >= 10 ? ": 10 keys or more, " : ": under 10 keys, ");
	out_u64(wrong);
	out_str(" wrong\n");
}

/* The two taggers compared: built from the lists, and from the prepared image. */
static const struct tagger *cmp_built, *cmp_prepared;
static const struct lexicon *cmp_lex[2];

static int
same_cue(size_t id, const void *ctx)
{
	(void)ctx;
	return cmp_built->cuekind[id] == cmp_prepared->cuekind[id];
}

static int
same_entry(size_t id, const void *ctx)
{
	const struct entry *a = &cmp_lex[0]->e[id], *b = &cmp_lex[1]->e[id];

	(void)ctx;
	return a->type == b->type && a->prio == b->prio && a->capitals == b->capitals && a->vlen == b->vlen &&
	    memcmp(cmp_lex[0]->values.data + a->value, cmp_lex[1]->values.data + b->value, a->vlen) == 0;
}

static int
same_country(size_t id, const void *ctx)
{
	(void)ctx;
	return strcmp(cmp_built->country_en.data + cmp_built->country_at[id],
	    cmp_prepared->country_en.data + cmp_prepared->country_at[id]) == 0;
}

/* Each table of the prepared images against the one built from the lists. */
static void
check_prepared(void)
{
	static const char *const file[] = { "en-common.txt", "ner-given.txt", "ner-cities.txt" };
	struct tagger *built = tagger_with_tables(NULL), *prepared = tagger_new();
	const char *const lexname[] = { "builtin", "known", "terms" };
	const struct lexicon *const lex[2][3] = { { &built->builtin, &built->known, &built->terms },
	    { &prepared->builtin, &prepared->known, &prepared->terms } };
	char name[64];

	for (int k = 0; k < 3; k++) {
		struct table words, view;

		english_list_build(file[k], &words);
		if (!english_list_prepared(file[k], &view))
			die("no english-lists.bin");
		report_tables(file[k], &words, tables_differ(&words, &view, NULL, NULL));
		table_free(&words);
	}
	if (!prepared->cue.view)
		die("no entity-tables.bin");
	cmp_built = built;
	cmp_prepared = prepared;
	report_tables("types", &built->types, tables_differ(&built->types, &prepared->types, NULL, NULL));
	report_tables("cues", &built->cue, tables_differ(&built->cue, &prepared->cue, same_cue, NULL));
	for (int k = 0; k < 3; k++) {
		cmp_lex[0] = lex[0][k];
		cmp_lex[1] = lex[1][k];
		snprintf(name, sizeof name, "%s phrases", lexname[k]);
		report_tables(name, &lex[0][k]->phrase,
		    tables_differ(&lex[0][k]->phrase, &lex[1][k]->phrase, same_entry, NULL) +
		    (lex[0][k]->maxlen != lex[1][k]->maxlen) + (lex[0][k]->first_cue != lex[1][k]->first_cue));
		snprintf(name, sizeof name, "%s first words", lexname[k]);
		report_tables(name, &lex[0][k]->first, tables_differ(&lex[0][k]->first, &lex[1][k]->first, NULL, NULL));
	}
	report_tables("places", &built->place, tables_differ(&built->place, &prepared->place, NULL, NULL));
	report_tables("countries", &built->country, tables_differ(&built->country, &prepared->country, same_country, NULL));
	report_tables("country starts", &built->country_start,
	    tables_differ(&built->country_start, &prepared->country_start, NULL, NULL));
	tagger_free(built);
	tagger_free(prepared);
}

/* The entity image less its last 8 bytes: refused (ends the program). */
static void
check_truncated(void)
{
	const struct blob *b = data_find("entity-tables.bin");
	struct blob cut;

	if (!b || b->len < 8)
		die("no entity-tables.bin");
	cut = *b;
	cut.len -= 8;
	tagger_free(tagger_with_tables(&cut));
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
	} else if (strcmp(cmd, "keymap") == 0) {
		struct keymap k;

		keymap_init(&k, 1);
		status = each_input(argc, argv, keymap_lines, &k);
		out_u64(k.n);
		out_str(" keys\n");
		keymap_free(&k);
	} else if (strcmp(cmd, "date") == 0 || strcmp(cmd, "url-date") == 0) {
		int url = cmd[0] == 'u';

		status = each_input(argc, argv, dates, &url);
	} else if (strcmp(cmd, "pagemeta") == 0)
		status = each_input(argc, argv, pagemeta_events, NULL);
	else if (strcmp(cmd, "english") == 0 && argc == 0)
		check_english();
	else if (strcmp(cmd, "lexicons") == 0 && argc == 0)
		check_lexicons();
	else if (strcmp(cmd, "patterns") == 0 && argc == 0)
		check_patterns();
	else if (strcmp(cmd, "prepared") == 0 && argc == 0)
		check_prepared();
	else if (strcmp(cmd, "prepared") == 0 && argc == 1 && strcmp(argv[0], "truncated") == 0)
		check_truncated();
	else if (strcmp(cmd, "phrases") == 0 && argc == 1) {
		out_u64(check_phrases((size_t)cli_number("phrases", argv[0], 1, 10000000)));
		out_str(" tables differ\n");
	} else if (strcmp(cmd, "memo") == 0) {
		struct texts t = { 0 };

		status = each_input(argc, argv, text_lines, &t);
		out_u64(t.n);
		out_str(" lines, ");
		out_u64(check_memo(&t));
		out_str(" differ\n");
		buf_free(&t.bytes);
		free(t.end);
	} else if (strcmp(cmd, "lower") == 0 && argc == 0) {
		out_u64(check_lower());
		out_str(" wrong\n");
	} else if (strcmp(cmd, "bytes") == 0 && argc == 0) {
		out_u64(check_bytes());
		out_str(" wrong\n");
	} else if (strcmp(cmd, "number") == 0 && argc == 1) {
		out_u64((unsigned long long)(cli_number("number", argv[0], -5, 5) + 5));
		out_char('\n');
	} else if (strcmp(cmd, "data") == 0 && argc == 1) {
		const struct blob *b = data_find(argv[0]);

		if (!b)
			die("%s: no such data file", argv[0]);
		out_write(b->data, b->len);
	} else if (strcmp(cmd, "ner") == 0 && argc >= 1) {
		struct buf model = { 0 };
		struct ner_count c = { 0 };

		if (read_file(argv[0], &model) < 0)
			die("%s:", argv[0]);
		if (!(c.model = ner_load(model.data, model.len)))
			return 1;
		status = each_input(argc - 1, argv + 1, ner_lines, &c);
		out_u64(c.lines);
		out_str(" lines, ");
		out_u64(c.tokens);
		out_str(" tokens, ");
		out_u64(c.differ);
		out_str(" tagged differently, ");
		out_u64(c.scored);
		out_str(" scored differently, ");
		out_u64(c.skipped);
		out_str(" skipped, ");
		out_u64(c.wrongly);
		out_str(" skipped wrongly\n");
		ner_free((struct ner_model *)c.model);
		buf_free(&model);
	} else if (strcmp(cmd, "viterbi") == 0 && argc == 1) {
		long count = cli_number("viterbi", argv[0], 1, 10000000);

		out_u64((unsigned long long)count);
		out_str(" sequences, ");
		out_u64(viterbi_check(count));
		out_str(" decoded differently\n");
	} else
		usage_error("unknown command: %s", cmd);
	return out_close() ? 1 : status;
}
