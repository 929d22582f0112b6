/*
 * The statistical name tagger: a linear model over hashed features
 * (lib/nerfeat.c) decoded with BIOES-constrained Viterbi (13 labels, see
 * nerfeat.h), handed out as BIO.  The model file (little-endian, written by
 * tools/train-ner):
 *
 *	"KBRNER1\n"	magic
 *	u32 version	NERF_VERSION of the features it was trained with
 *	u32 labels	13
 *	u32 nfeat	features
 *	u32 nphrase	phrases
 *	i16 trans[14][13]	transition weights, row 13 the start
 *	u64 key[nfeat]	feature hashes, strictly increasing
 *	i16 w[nfeat][13]	their weights per label
 *	u64 pkey[nphrase]	phrase hashes, strictly increasing
 *	u64 pmask[nphrase]	their classes (bit 63: a prefix of a longer phrase)
 *
 * Loading puts the features into an open-addressing table of 32-byte
 * slots (a 16-bit fingerprint and the 13 weights), aligned: one cache line
 * per lookup.
 */
#include <pthread.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "hash.h"
#include "mem.h"
#include "ner.h"
#include "nerfeat.h"

#define MAGIC "KBRNER1\n"
#define HEADER (8 + 4 * 4 + (NERF_NLABELS + 1) * NERF_NLABELS * 2)
#define FEATURE (8 + 2 * NERF_NLABELS)	/* bytes of a feature: key and weights */

/*
 * A slot holds 16 lanes of 16 bits: the fingerprint in lane 0, the
 * weights in the others.  Read as 8 lanes of 32 bits, its even lanes are
 * the low halves and its odd lanes the high ones (on a little-endian
 * machine): two shifts each make them 32-bit lanes, and sums of slots are
 * kept so, the even lanes and then the odd ones.  That is the layout of
 * nerf_viterbi32's rows: label y's weight is in the lane (slot_lane) that
 * puts it in row lane nerf_lane(y).  Vectors are passed by address (their
 * ABI by value depends on the target).
 */
typedef uint32_t v8u32 __attribute__((vector_size(32)));
struct lanes32 {
	nerf_v8 even, odd;
};
_Static_assert(sizeof(struct lanes32) == NERF_ROW * sizeof(int32_t), "a sum is a row of emissions");

#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
#define LOW_HALF odd
#define HIGH_HALF even
#else
#define LOW_HALF even
#define HIGH_HALF odd
#endif

/* Add 16 lanes of 16 bits at p (a slot's layout) to sum. */
static inline void
add_lanes16(struct lanes32 *sum, const void *p)
{
	nerf_v8 v;

	memcpy(&v, p, sizeof v);
	sum->LOW_HALF += (nerf_v8)((v8u32)v << 16) >> 16;
	sum->HIGH_HALF += v >> 16;
}

static inline void
add_lanes32(struct lanes32 *sum, const struct lanes32 *v)
{
	sum->even += v->even;
	sum->odd += v->odd;
}

/* The 16 lanes of sum in 16 bits at p, if each fits; returns whether they did. */
static inline int
lanes16_of(void *p, const struct lanes32 *sum)
{
	nerf_v8 lo = (nerf_v8)((v8u32)sum->LOW_HALF << 16) >> 16, hi = (nerf_v8)((v8u32)sum->HIGH_HALF << 16) >> 16;
	nerf_v8 v = (nerf_v8)(((v8u32)sum->LOW_HALF & 0xffff) | (v8u32)sum->HIGH_HALF << 16);
	nerf_v8 fits = (lo == sum->LOW_HALF) & (hi == sum->HIGH_HALF);

	for (unsigned j = 0; j < 8; j++)
		if (!fits[j])
			return 0;
	memcpy(p, &v, sizeof v);
	return 1;
}

struct feature_slot {
	uint16_t fp;		/* 0: empty */
	int16_t lane[15];	/* lanes 1 to 15: the weights by slot_lane, zeros */
};
_Static_assert(sizeof(struct feature_slot) == 32, "a slot is half a cache line");

/* The 16-bit lane of a slot (1 to 15) that holds label y's weight: row lane r is 16-bit lane 2r, or 2(r - 8) + 1. */
static unsigned
slot_lane(unsigned y)
{
	unsigned r = nerf_lane(y);

	return r < 8 ? 2 * r : 2 * (r - 8) + 1;
}

/*
 * Most features of a text are not in the model, and a miss walks the table
 * to an empty slot: a bit per feature hash (struct keybits) answers most
 * misses without touching it.
 */

struct ner_model {
	struct feature_slot *slot;
	struct pages slot_pages;
	size_t mask;
	struct keybits seen;
	nerf_trans trans;
	struct nerf_vtrans vtrans;	/* trans for nerf_viterbi32 */
	struct nerf_phrases phrases;
	unsigned long id;	/* tells this model from one loaded later at the same address */
};

static unsigned long last_model_id;

static uint32_t
get32(const char *p)
{
	uint32_t v;

	memcpy(&v, p, 4);
	return v;
}

static uint64_t
get64(const char *p)
{
	uint64_t v;

	memcpy(&v, p, 8);
	return v;
}

static int16_t
get16(const char *p)
{
	int16_t v;

	memcpy(&v, p, 2);
	return v;
}

static inline uint16_t
fingerprint(uint64_t key)
{
	uint16_t fp = (uint16_t)(key >> 48);

	return fp ? fp : 1;
}

/* Add a feature's key and weights w (label y's in lane[y] of its slot) to the table. */
static void
insert(struct ner_model *m, uint64_t key, const char *w, const unsigned char lane[NERF_NLABELS])
{
	uint16_t fp = fingerprint(key);
	struct feature_slot *slot;
	size_t i;

	keybits_add(&m->seen, key);
	for (i = (size_t)key & m->mask; m->slot[i].fp && m->slot[i].fp != fp; i = (i + 1) & m->mask)
		;
	slot = &m->slot[i];
	if (!slot->fp) {
		slot->fp = fp;
		for (unsigned y = 0; y < NERF_NLABELS; y++)
			slot->lane[lane[y]] = get16(w + 2 * y);
		return;
	}
	/* Two features that fall on one fingerprint share a slot: their weights add up. */
	for (unsigned y = 0; y < NERF_NLABELS; y++) {
		int v = slot->lane[lane[y]] + get16(w + 2 * y);

		slot->lane[lane[y]] = (int16_t)(v > INT16_MAX ? INT16_MAX : v < INT16_MIN ? INT16_MIN : v);
	}
}

static struct ner_model *
malformed(struct ner_model *m, const char *why)
{
	warn("name tagger model: %s (rebuild it with make model)", why);
	ner_free(m);
	return NULL;
}

struct ner_model *
ner_load(const char *data, size_t len)
{
	struct ner_model *m = xcalloc(1, sizeof *m);
	uint32_t nfeat, nphrase;
	const char *key, *w, *pkey, *pmask;
	size_t cap = 16;
	unsigned char lane[NERF_NLABELS];

	if (len < HEADER || memcmp(data, MAGIC, 8) != 0)
		return malformed(m, "not a model file");
	if (get32(data + 8) != NERF_VERSION)
		return malformed(m, "made for other features");
	if (get32(data + 12) != NERF_NLABELS)
		return malformed(m, "wrong number of labels");
	m->id = __atomic_add_fetch(&last_model_id, 1, __ATOMIC_RELAXED);
	nfeat = get32(data + 16);
	nphrase = get32(data + 20);
	if ((len - HEADER) / FEATURE < nfeat || len - HEADER - (size_t)nfeat * FEATURE != (size_t)nphrase * 16)
		return malformed(m, "wrong size");
	for (unsigned p = 0; p <= NERF_NLABELS; p++)
		for (unsigned y = 0; y < NERF_NLABELS; y++)
			m->trans[p][y] = get16(data + 24 + 2 * (p * NERF_NLABELS + y));
	nerf_vtrans_init(&m->vtrans, (const int64_t (*)[NERF_NLABELS])m->trans);
	key = data + HEADER;
	w = key + (size_t)nfeat * 8;
	pkey = w + (size_t)nfeat * 2 * NERF_NLABELS;
	pmask = pkey + (size_t)nphrase * 8;
	while (cap < 2 * (size_t)nfeat)	/* half empty: a lookup seldom walks past its slot */
		cap *= 2;
	m->slot = pages_alloc(&m->slot_pages, cap * sizeof *m->slot);
	keybits_init(&m->seen);
	m->mask = cap - 1;
	for (unsigned y = 0; y < NERF_NLABELS; y++)
		lane[y] = (unsigned char)(slot_lane(y) - 1);
	for (size_t i = 0; i < nfeat; i++) {
		uint64_t k = get64(key + 8 * i);

		/* The keys are in order, their slots anywhere: fetch a few ahead. */
		if (i + 8 < nfeat)
			__builtin_prefetch(&m->slot[(size_t)get64(key + 8 * (i + 8)) & m->mask], 1);
		if (i > 0 && k <= get64(key + 8 * (i - 1)))
			return malformed(m, "features out of order");
		insert(m, k, w + 2 * NERF_NLABELS * i, lane);
	}
	nerf_phrases_init(&m->phrases, nphrase);
	for (size_t i = 0; i < nphrase; i++) {
		uint64_t k = get64(pkey + 8 * i);

		if (k == 0 || (i > 0 && k <= get64(pkey + 8 * (i - 1))))
			return malformed(m, "phrases out of order");
		nerf_phrases_append(&m->phrases, k, get64(pmask + 8 * i));
	}
	return m;
}

/* Keep of features f[0..nf) those the model may have; returns their number. */
static inline unsigned
keep_seen(const struct ner_model *m, uint64_t *f, unsigned nf)
{
	unsigned kept = 0;

	/* Without a branch: half of them are kept, at random. */
	for (unsigned k = 0; k < nf; k++) {
		f[kept] = f[k];
		kept += (unsigned)keybits_has(&m->seen, f[k]);
	}
	return kept;
}

/* Add the weights of features f[0..nf) (kept by keep_seen) to e, label y in row lane nerf_lane(y). */
static inline void
add_weights(const struct ner_model *m, const uint64_t *f, unsigned nf, struct lanes32 *e)
{
	for (unsigned k = 0; k < nf; k++) {
		uint16_t fp = fingerprint(f[k]);

		for (size_t j = (size_t)f[k] & m->mask; m->slot[j].fp; j = (j + 1) & m->mask) {
			if (m->slot[j].fp == fp) {
				add_lanes16(e, &m->slot[j]);
				break;
			}
		}
	}
}

/*
 * News text repeats its words (Zipf): the weights of a word's own features
 * and of its features as a neighbour (NERF_OWN to NERF_NEXT2) are added up
 * once per distinct word and kept here, with the part of its nerf_lex that
 * the other features need, so that a token looks up only its NERF_CONTEXT
 * features.  A word's entry is one of the four of its set, the one used
 * least recently giving way to a new word (direct-mapped, conflicts cost
 * four times as many misses as new words on the English bench: 101,348
 * against 22,752; 2,801 now); a word longer than WORD_BYTES is not kept,
 * nor one whose set's entries words of the same window hold.  The sums of
 * a word's own features are kept in 32 bits; those of its features as a
 * neighbour (one to four) in 16 bits when they fit, else worked out each
 * time.
 */
#define WORDS (1u << 16)
#define WAYS 4			/* entries of a set */
#define WORD_BYTES (64 - NERF_LEX_SHARED - 3 - 4)
enum { SUM_OWN, SUM_FIRST, SUM_PREV, SUM_NEXT, SUM_PREV2, SUM_NEXT2, SUMS };
#define SUMS32 2		/* SUM_OWN and SUM_FIRST */

struct word {
	uint32_t window;		/* the last window that used it */
	char lex[NERF_LEX_SHARED];	/* the first bytes of its nerf_lex */
	unsigned char len;		/* 0: empty */
	unsigned char kept, unfit;	/* bit s: sum s is there, does not fit in 16 bits */
	char bytes[WORD_BYTES];
	struct lanes32 own[SUMS32];	/* sums 0 and 1 */
	nerf_v8 near[SUMS - SUMS32];	/* sums 2 to 5, 16-bit lanes as in a slot */
};
_Static_assert(offsetof(struct word, own) == 64, "a word's key in one cache line");

/* Scratch of ner_tag and the cache of words, kept from call to call (one per thread). */
#define EDGES 2		/* words a token's groups see on each side */

static _Thread_local struct scratch {
	struct nerf_scratch fs;
	int32_t *emit;			/* NERF_ROW a token */
	int64_t *emit64;		/* nerf_viterbi's, for ner_tag_plain */
	int32_t *back32;		/* NERF_ROW a token, nerf_viterbi32's */
	unsigned char *back;
	size_t cap;
	const struct ner_model *model;	/* the model the cache is of */
	unsigned long model_id;
	/* In 4 KB pages, the first touch of an entry took 8 % of the time on English (TLB misses); 2 % in 2 MB. */
	struct word *word;		/* WORDS of them, in words */
	struct pages words;
	struct word edge[2];		/* the sentence's start (before it) and end (after it) */
	uint32_t window;		/* counts the windows tagged */
	struct word **ref;		/* the entries of the words of the window [lo, hi) from EDGES on, NULL: none */
	size_t nref, refcap;
	uint64_t *hash;			/* the hashes of the window's words */
	size_t hashcap;
	unsigned char *lexed;		/* 1: the window's word got its whole nerf_lex from lex_cached */
	size_t lexedcap;
	int freed_at_exit;		/* the thread's end frees all this */
} tls;

static pthread_key_t scratch_key;
static pthread_once_t scratch_once = PTHREAD_ONCE_INIT;

/* The end of a thread that tagged (tag-entities -j): its scratch goes with it. */
static void
free_scratch(void *scratch)
{
	struct scratch *s = scratch;

	nerf_scratch_free(&s->fs);
	free(s->emit);
	free(s->emit64);
	free(s->back);
	free(s->back32);
	pages_free(&s->words);
	free(s->ref);
	free(s->hash);
	free(s->lexed);
	memset(s, 0, sizeof *s);
}

static void
make_scratch_key(void)
{
	if (pthread_key_create(&scratch_key, free_scratch) != 0)
		die("cannot make a thread key");
}

static void
free_at_exit(void)
{
	pthread_once(&scratch_once, make_scratch_key);
	if (pthread_setspecific(scratch_key, &tls) != 0)
		die("cannot set a thread key");
	tls.freed_at_exit = 1;
}

/* The set of entries of the word of this hash. */
static inline struct word *
word_set(uint64_t hash)
{
	return &tls.word[(hash & (WORDS / WAYS - 1)) * WAYS];
}

static void
lex_cached(void *ctx, struct nerf_lex *x, const char *s, const char *low, size_t n)
{
	const struct ner_model *m = ctx;
	struct word *set = word_set(tls.hash[tls.nref]), *w;
	int first = tls.fs.lo + tls.nref == 0;

	tls.ref[EDGES + tls.nref] = NULL;
	for (w = set; w < set + WAYS; w++) {
		if (w->len == n && bytes_equal(w->bytes, s, n)) {
			/* Its sums are read when the window's features are made. */
			__builtin_prefetch(&w->own[first]);
			__builtin_prefetch(&w->near[0]);
			__builtin_prefetch(&w->near[2]);
			/* The rest, if its own features are to be added up and it is not skipped, comes in emissions. */
			memcpy(x, w->lex, NERF_LEX_SHARED);
			w->window = tls.window;
			tls.lexed[tls.nref] = 0;
			tls.ref[EDGES + tls.nref++] = w;
			return;
		}
	}
	nerf_lex(&m->phrases, x, s, low, n);
	tls.lexed[tls.nref] = 1;
	w = set;		/* the least recently used (an empty one's window is 0) */
	for (struct word *v = set + 1; v < set + WAYS; v++)
		if (v->window < w->window)
			w = v;
	if (n > WORD_BYTES || w->window == tls.window) {
		tls.nref++;
		return;
	}
	memcpy(w->lex, x, NERF_LEX_SHARED);
	w->len = (unsigned char)n;
	bytes_copy(w->bytes, s, n);
	w->kept = w->unfit = 0;
	w->window = tls.window;
	tls.ref[EDGES + tls.nref++] = w;
}

/* Hash the words of the window of tokens [from, to) and fetch their sets' entries, all at once. */
static void
find_words(const char *text, const struct token *tok, size_t n, size_t from, size_t to)
{
	size_t lo, hi;

	nerf_window(n, from, to, &lo, &hi);
	tls.ref = xgrow(tls.ref, &tls.refcap, hi - lo + 2 * EDGES, sizeof *tls.ref);
	/* Read only at a sentence's edges: a window short of them is far from its tokens. */
	for (size_t e = 0; e < EDGES; e++) {
		tls.ref[e] = &tls.edge[0];
		tls.ref[EDGES + hi - lo + e] = &tls.edge[1];
	}
	tls.hash = xgrow(tls.hash, &tls.hashcap, hi - lo, sizeof *tls.hash);
	tls.lexed = xgrow(tls.lexed, &tls.lexedcap, hi - lo, 1);
	for (size_t j = lo; j < hi; j++) {
		struct word *set;

		tls.hash[j - lo] = hash_bytes(text + tok[j].start, tok[j].end - tok[j].start);
		set = word_set(tls.hash[j - lo]);
		for (unsigned k = 0; k < WAYS; k++)
			__builtin_prefetch(&set[k]);
	}
	tls.nref = 0;
	tls.window++;
}

/* The cache of words belongs to one model: start it afresh for another. */
static void
cache_for(const struct ner_model *m)
{
	if (tls.model == m && tls.model_id == m->id)
		return;
	if (!tls.word)
		tls.word = pages_alloc(&tls.words, WORDS * sizeof *tls.word);
	else
		memset(tls.word, 0, WORDS * sizeof *tls.word);
	memset(tls.edge, 0, sizeof tls.edge);
	tls.model = m;
	tls.model_id = m->id;
}

/* Add to sum the weights of feature group g of token i, which belong to word w (NULL: not kept) as its sum s. */
static inline __attribute__((always_inline)) void
add_group(const struct ner_model *m, struct word *w, unsigned s, size_t i, unsigned g, struct lanes32 *sum)
{
	uint64_t f[NERF_MAX];
	struct lanes32 e = { 0 };
	int fits = 1;

	if (w && (w->kept >> s & 1)) {
		if (s < SUMS32)
			add_lanes32(sum, &w->own[s]);
		else
			add_lanes16(sum, &w->near[s - SUMS32]);
		return;
	}
	add_weights(m, f, keep_seen(m, f, nerf_group_features(&tls.fs, i, g, f)), &e);
	add_lanes32(sum, &e);
	if (!w || (w->unfit >> s & 1))
		return;
	e.even[0] = 0;		/* the fingerprints' lane */
	if (s < SUMS32)
		w->own[s] = e;
	else
		fits = lanes16_of(&w->near[s - SUMS32], &e);
	if (fits)
		w->kept |= (unsigned char)(1u << s);
	else
		w->unfit |= (unsigned char)(1u << s);
}

/* The cache entry of the word at i + d, -EDGES <= d <= EDGES (NULL: none); the sentence's edges beyond it. */
static inline struct word *
word_at(size_t i, int d)
{
	return tls.ref[i + (size_t)(EDGES + d) - tls.fs.lo];
}

/*
 * The row of a skipped token (nerf_extract_context): O 0, every other label
 * SKIPPED below it, by far more than a word's weights tell labels apart.
 * nerf_viterbi32's bound holds still: |trans + emit| <= 32768 + SKIPPED
 * is within the (NERF_MAX + 1) * 32768 it counts on.
 */
#define SKIPPED (NERF_MAX * 32768)
_Static_assert(NERF_ROW == 16, "skipped_row's lanes");
_Static_assert(32768ll + SKIPPED <= (NERF_MAX + 1) * 32768ll, "a skipped row keeps nerf_viterbi32's scores in 28 bits");

#define S (-SKIPPED)
static const int32_t skipped_row[NERF_ROW] = { S, 0, S, S, S, S, S, S, S, S, S, S, S, S, S, S };	/* O in lane 1 */
#undef S

NERF_SIMD static void
emissions(const struct ner_model *m, const char *text, const struct token *tok, size_t from, size_t to,
    int32_t *emit)
{
	struct nerf_scratch *fs = &tls.fs;

	/* One pass through the bitmap first: its loads do not wait on one another. */
	for (size_t t = 0; t < to - from; t++)
		fs->nfeat[t] = (unsigned char)keep_seen(m, fs->feat + t * NERF_MAX, fs->nfeat[t]);
	for (size_t t = 0; t < to - from; t++) {
		const uint64_t *f = fs->feat + t * NERF_MAX;
		size_t i = from + t;
		struct lanes32 e = { 0 };

		if (fs->skip[t]) {
			memcpy(emit + t * NERF_ROW, skipped_row, sizeof skipped_row);
			continue;
		}
		/* The slots of the token after next are fetched while this one's are added up. */
		if (t + 2 < to - from)
			for (unsigned k = 0; k < fs->nfeat[t + 2]; k++)
				__builtin_prefetch(&m->slot[(size_t)f[2 * NERF_MAX + k] & m->mask]);
		add_weights(m, f, fs->nfeat[t], &e);
		if (!fs->whole[t]) {
			struct word *w = word_at(i, 0);
			unsigned own = i == 0 ? SUM_FIRST : SUM_OWN;

			if (w && !(w->kept >> own & 1) && !tls.lexed[i - fs->lo])
				nerf_relex(&m->phrases, fs, text, tok, i);	/* lex_cached gave a part */
			add_group(m, w, own, i, NERF_OWN, &e);
			add_group(m, word_at(i, -1), SUM_PREV, i, NERF_PREV, &e);
			add_group(m, word_at(i, 1), SUM_NEXT, i, NERF_NEXT, &e);
			add_group(m, word_at(i, -2), SUM_PREV2, i, NERF_PREV2, &e);
			add_group(m, word_at(i, 2), SUM_NEXT2, i, NERF_NEXT2, &e);
		}
		/* Row lane 0 added up the fingerprints; nerf_viterbi32 reads the others. */
		memcpy(emit + t * NERF_ROW, &e, sizeof e);
	}
}

/* The best labels of tokens [0, n) by nerf_viterbi, the reference for nerf_viterbi32. */
static void
viterbi64(const struct ner_model *m, size_t n, unsigned char *label)
{
	for (size_t t = 0; t < n; t++)
		for (unsigned y = 0; y < NERF_NLABELS; y++)
			tls.emit64[t * NERF_NLABELS + y] = tls.emit[t * NERF_ROW + nerf_lane(y)];
	nerf_viterbi(tls.emit64, n, (const int64_t (*)[NERF_NLABELS])m->trans, label, tls.back);
}

/*
 * The labels of tokens tok[0..n) of text, their words' weights summed per
 * word (cached) or each time, decoded by nerf_viterbi32 or (not cached)
 * by nerf_viterbi.
 */
static void
tag(const struct ner_model *m, const char *text, const struct token *tok, size_t n, unsigned char *label,
    int cached)
{
	if (!tls.freed_at_exit)
		free_at_exit();
	if (cached)
		cache_for(m);
	for (size_t from = 0; from < n; from += NERF_CHUNK) {
		size_t to = n - from > NERF_CHUNK ? from + NERF_CHUNK : n;

		if (tls.cap < to - from) {
			tls.cap = to - from;
			tls.emit = xrealloc(tls.emit, tls.cap * NERF_ROW * sizeof *tls.emit);
			tls.emit64 = xrealloc(tls.emit64, tls.cap * NERF_NLABELS * sizeof *tls.emit64);
			tls.back = xrealloc(tls.back, tls.cap * NERF_NLABELS);
			tls.back32 = xrealloc(tls.back32, tls.cap * NERF_ROW * sizeof *tls.back32);
		}
		if (cached) {
			find_words(text, tok, n, from, to);
			nerf_extract_context(&m->phrases, text, tok, n, from, to, &tls.fs, lex_cached, (void *)m, &m->seen);
		} else
			nerf_extract(&m->phrases, text, tok, n, from, to, &tls.fs);	/* every token whole */
		emissions(m, text, tok, from, to, tls.emit);
		if (cached)
			nerf_viterbi32(tls.emit, to - from, &m->vtrans, label + from, tls.back32);
		else
			viterbi64(m, to - from, label + from);
		for (size_t i = from; i < to; i++)
			label[i] = nerf_bio(label[i]);
	}
}

void
ner_tag(const struct ner_model *m, const char *text, const struct token *tok, size_t n,
    unsigned char *label)
{
	tag(m, text, tok, n, label, 1);
}

void
ner_tag_plain(const struct ner_model *m, const char *text, const struct token *tok, size_t n,
    unsigned char *label)
{
	tag(m, text, tok, n, label, 0);
}

const int *
ner_last_scores(void)
{
	return tls.emit;
}

const unsigned char *
ner_last_skipped(void)
{
	return tls.fs.skip;
}

void
ner_free(struct ner_model *m)
{
	if (!m)
		return;
	pages_free(&m->slot_pages);
	keybits_free(&m->seen);
	nerf_phrases_free(&m->phrases);
	free(m);
}
