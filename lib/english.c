/*
 * English evidence for tag-entities: the language of a sentence and the
 * common words of English (see english.h).
 */
#include <stdlib.h>
#include <string.h>

#include "data.h"
#include "diag.h"
#include "english.h"
#include "mem.h"

#define MAXWORD 64	/* bytes of the longest word looked up */

enum { EN_STOP = 1, ID_STOP = 2, EN_LOWER = 4 };	/* EN_LOWER: in stop-en.txt in lower case (not John, New) */

void
english_init(struct english *en)
{
	memset(en, 0, sizeof *en);
}

void
english_free(struct english *en)
{
	if (en->loaded)
		table_free(&en->stop);
	free(en->stoplang);
}

void
english_new_document(struct english *en)
{
	en->doc_votes = 0;
}

/* w[0..n) in lower case (ASCII) into low, or 0 if it is too long. */
static size_t
lower_word(const char *w, size_t n, char *low)
{
	if (n > MAXWORD)
		return 0;
	for (size_t i = 0; i < n; i++)
		low[i] = w[i] >= 'A' && w[i] <= 'Z' ? (char)(w[i] - 'A' + 'a') : w[i];
	return n;
}

static void
load_stoplist(struct english *en, const char *file, int lang)
{
	const struct blob *b = data_find(file);
	struct line ln;
	size_t pos = 0, id;
	char low[MAXWORD];
	int added;

	if (!b)
		die("built-in %s: missing", file);
	while (data_next_line(b, &pos, &ln)) {
		size_t n = lower_word(ln.data, ln.len, low);

		if (!n)
			continue;
		id = table_intern(&en->stop, low, n, &added);
		if (added) {
			en->stoplang = xgrow(en->stoplang, &en->langcap, id + 1, 1);
			en->stoplang[id] = 0;
		}
		en->stoplang[id] |= (unsigned char)lang;
		if (lang == EN_STOP && !(ln.data[0] >= 'A' && ln.data[0] <= 'Z'))
			en->stoplang[id] |= EN_LOWER;
	}
}

/* The stoplists are read at the first sentence, so that a tagger made and freed costs nothing. */
static void
load(struct english *en)
{
	table_init(&en->stop, 2048);
	load_stoplist(en, "stop-en.txt", EN_STOP);
	load_stoplist(en, "stop-id.txt", ID_STOP);
	en->loaded = 1;
}

int
english_sentence(struct english *en, const char *s, const struct token *tok, size_t ntok)
{
	char low[MAXWORD];

	if (!en->loaded)
		load(en);
	for (size_t i = 0; i < ntok; i++) {
		size_t n;
		long long id;

		if (!((s[tok[i].start] >= 'a' && s[tok[i].start] <= 'z') || (s[tok[i].start] >= 'A' && s[tok[i].start] <= 'Z')))
			continue;	/* punctuation and numbers: no stopwords, no lookup */
		n = lower_word(s + tok[i].start, tok[i].end - tok[i].start, low);
		if (!n || (id = table_find(&en->stop, low, n)) < 0)
			continue;
		if ((en->stoplang[id] & (EN_STOP | ID_STOP)) == EN_STOP)
			en->doc_votes++;
		else if ((en->stoplang[id] & (EN_STOP | ID_STOP)) == ID_STOP)
			en->doc_votes--;
	}
	return en->doc_votes > 0;
}

int
english_stopword(struct english *en, const char *w, size_t n)
{
	char low[MAXWORD];
	long long id;

	if (!en->loaded)
		load(en);
	n = lower_word(w, n, low);
	return n && (id = table_find(&en->stop, low, n)) >= 0 && (en->stoplang[id] & EN_LOWER);
}

/* Compare the line that starts at p (up to its newline) with key[0..n). */
static int
compare_line(const char *p, const char *end, const char *key, size_t n)
{
	const char *nl = memchr(p, '\n', (size_t)(end - p));
	size_t len = nl ? (size_t)(nl - p) : (size_t)(end - p);
	int c = memcmp(p, key, len < n ? len : n);

	return c ? c : (len > n) - (len < n);
}

/* Is key[0..n) a line of the bytewise sorted list b?  A binary search over bytes: each probe backs up to the start of its line. */
static int
sorted_has(const struct blob *b, const char *key, size_t n)
{
	const char *lo = b->data, *hi = b->data + b->len;

	while (lo < hi) {
		const char *mid = lo + (hi - lo) / 2, *start = mid;
		int c;

		while (start > lo && start[-1] != '\n')
			start--;
		c = compare_line(start, hi, key, n);
		if (c == 0)
			return 1;
		if (c < 0) {
			const char *nl = memchr(mid, '\n', (size_t)(hi - mid));

			if (!nl)
				return 0;
			lo = nl + 1;
		} else
			hi = start;
	}
	return 0;
}

/* The built-in file, kept: data_find() answers in one static blob. */
static void
find_list(struct blob *list, const char *file)
{
	const struct blob *b;

	if (list->data)
		return;
	if (!(b = data_find(file)))
		die("built-in %s: missing", file);
	*list = *b;
}

int
english_common_word(const char *w, size_t n)
{
	static struct blob list;
	char low[MAXWORD];

	find_list(&list, "en-common.txt");
	if (n < 2 || !(n = lower_word(w, n, low)))
		return 0;
	return sorted_has(&list, low, n);
}

int
english_given_name(const char *name, size_t n)
{
	static struct blob list;

	find_list(&list, "ner-given.txt");
	return sorted_has(&list, name, n);
}

int
english_city(const char *name, size_t n)
{
	static struct blob list;

	find_list(&list, "ner-cities.txt");
	return sorted_has(&list, name, n);
}
