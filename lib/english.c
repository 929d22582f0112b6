/*
 * English evidence for tag-entities: the language of a sentence and the
 * common words of English (see english.h).
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "data.h"
#include "diag.h"
#include "english.h"
#include "hash.h"

#define MAXWORD 64	/* bytes of the longest word looked up */

void
english_init(struct english *en)
{
	memset(en, 0, sizeof *en);
}

void
english_free(struct english *en)
{
	(void)en;
}

void
english_new_document(struct english *en)
{
	en->doc_votes = 0;
}

int
english_vote(struct english *en, long votes)
{
	en->doc_votes += votes;
	return en->doc_votes > 0;
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
each_stopword(const char *file, int lang, void (*add)(void *ctx, const char *w, size_t n, int kinds), void *ctx)
{
	const struct blob *b = data_find(file);
	struct line ln;
	size_t pos = 0;
	char low[MAXWORD];

	if (!b)
		die("built-in %s: missing", file);
	while (data_next_line(b, &pos, &ln)) {
		size_t n = lower_word(ln.data, ln.len, low);

		if (n)
			add(ctx, low, n, lang == EN_STOP && !(ln.data[0] >= 'A' && ln.data[0] <= 'Z') ? lang | EN_LOWER : lang);
	}
}

void
english_stopwords(void (*add)(void *ctx, const char *w, size_t n, int kinds), void *ctx)
{
	each_stopword("stop-en.txt", EN_STOP, add, ctx);
	each_stopword("stop-id.txt", ID_STOP, add, ctx);
}

/*
 * The lists of words (hundreds of thousands of lines) in hash tables,
 * prepared at build time (english-lists.bin, see english_lists_image) and
 * looked up in place, each at its first use: pthread_once makes the
 * taggers of several threads share one.
 */
struct word_list {
	const char *file;
	struct table words;
};

static const char *const list_files[] = { "en-common.txt", "ner-given.txt", "ner-cities.txt" };	/* the image's order */
static struct word_list common = { .file = "en-common.txt" }, given = { .file = "ner-given.txt" },
    cities = { .file = "ner-cities.txt" };
static pthread_once_t common_once = PTHREAD_ONCE_INIT, given_once = PTHREAD_ONCE_INIT,
    cities_once = PTHREAD_ONCE_INIT;

/*
 * Each line's slot fetched some lines ahead, the table sized at once: the
 * cache misses of filling a table larger than the cache overlap (the same
 * table as adding the lines one by one).
 */
void
english_list_build(const char *file, struct table *words)
{
	enum { AHEAD = 16 };
	const struct blob *b = data_find(file);
	struct line ln[AHEAD];
	uint64_t h[AHEAD];
	size_t pos = 0, lines = 0, n, i;

	if (!b)
		die("built-in %s: missing", file);
	for (const char *p = b->data; (p = memchr(p, '\n', (size_t)(b->data + b->len - p))); p++)
		lines++;
	table_init(words, lines);
	table_reserve_keys(words, lines, b->len);
	for (n = 0;; n++) {	/* line n is read after line n - AHEAD, whose place it takes, is added */
		if (n >= AHEAD)
			table_intern_hashed(words, ln[n % AHEAD].data, ln[n % AHEAD].len, h[n % AHEAD], NULL);
		if (!data_next_line(b, &pos, &ln[n % AHEAD]))
			break;
		h[n % AHEAD] = hash_bytes(ln[n % AHEAD].data, ln[n % AHEAD].len);
		table_prefetch_slot(words, h[n % AHEAD]);
	}
	for (i = n >= AHEAD ? n - AHEAD + 1 : 0; i < n; i++)	/* the last lines read */
		table_intern_hashed(words, ln[i % AHEAD].data, ln[i % AHEAD].len, h[i % AHEAD], NULL);
}

void
english_lists_image(struct buf *out)
{
	for (size_t k = 0; k < sizeof list_files / sizeof *list_files; k++) {
		struct table words;

		english_list_build(list_files[k], &words);
		image_put_table(out, &words);
		table_free(&words);
	}
}

int
english_list_prepared(const char *file, struct table *words)
{
	const struct blob *image = data_find("english-lists.bin");
	size_t pos = 0;

	if (!image)
		return 0;
	for (size_t k = 0; k < sizeof list_files / sizeof *list_files; k++) {
		if (!image_get_table(image, &pos, words))
			die("built-in english-lists.bin: malformed");
		if (strcmp(list_files[k], file) == 0)
			return 1;
	}
	die("built-in english-lists.bin: no %s", file);
}

/* The list's prepared table, or (a program built without the image: scripts/prepare-tables) the list's lines. */
static void
load_list(struct word_list *l)
{
	if (!english_list_prepared(l->file, &l->words))
		english_list_build(l->file, &l->words);
}

static void
load_common(void)
{
	load_list(&common);
}

static void
load_given(void)
{
	load_list(&given);
}

static void
load_cities(void)
{
	load_list(&cities);
}

int
english_common_word(const char *w, size_t n)
{
	char low[MAXWORD];

	if (n < 2 || !(n = lower_word(w, n, low)))
		return 0;
	pthread_once(&common_once, load_common);
	return table_find(&common.words, low, n) >= 0;
}

void
english_prefetch(const char *w, size_t n)
{
	char low[MAXWORD];
	size_t lown;

	pthread_once(&cities_once, load_cities);
	table_prefetch_slot(&cities.words, hash_bytes(w, n));
	if (n < 2 || !(lown = lower_word(w, n, low)))
		return;
	pthread_once(&common_once, load_common);
	table_prefetch_slot(&common.words, hash_bytes(low, lown));
}

int
english_given_name(const char *name, size_t n)
{
	pthread_once(&given_once, load_given);
	return table_find(&given.words, name, n) >= 0;
}

int
english_city(const char *name, size_t n)
{
	pthread_once(&cities_once, load_cities);
	return table_find(&cities.words, name, n) >= 0;
}
