/* Features of the name tagger: word, case, shape, affixes, neighbours, phrase lists. */
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "hash.h"
#include "mem.h"
#include "nerfeat.h"
#include "simd.h"

/* What the features need of each word of the window, computed once. */
struct nerf_word {
	struct nerf_lex x;		/* the word alone */
	size_t ls, le;			/* the lower-case word in scratch->low */
	uint64_t key2;			/* the key of it and the next word, if x.prefix */
	uint32_t mb, mi, ml;		/* classes of phrases that begin, go on, end here */
	uint32_t mp, mn;		/* classes of phrases that end just before, begin just after */
	size_t run0, run1;		/* the run of capitalised words [run0, run1) it is in */
};

enum {
	T_BIAS, T_WORD, T_LOW, T_SHAPE, T_PRE, T_SUF = T_PRE + 4,
	T_LOWM1 = T_SUF + 4, T_LOWP1, T_LOWM2, T_LOWP2, T_SHAPEM1, T_SHAPEP1,
	T_BIM, T_BIP, T_SHAPE3, T_FIRST, T_LOWM1SHAPE, T_SHAPELOWP1, T_CAPWORD,
	T_RUNBEFORE, T_RUNAFTER, T_RUNPOS, T_RUNBEFORE2, T_NOVEL, T_RUNFIRST, T_RUNLAST, T_RUNAFTER2,
	T_RUNWHOLE, T_RUNHEAD, T_RUNHAS, T_RUNPAREN, T_RUNHEADAFTER,
	T_CLU, T_CLUM1 = T_CLU + 4, T_CLUP1, T_FREQ, T_FREQW, T_FREQS,
	T_CLASS, T_LENSHAPE, T_MORPHM1, T_MORPHP1
};

static inline uint64_t
fk(unsigned t, uint64_t h)
{
	uint64_t x = h ^ (uint64_t)(t + 1) * 0x9E3779B97F4A7C15ULL;

	x ^= x >> 33;
	x *= 0xff51afd7ed558ccdULL;
	x ^= x >> 33;
	x *= 0xc4ceb9fe1a85ec53ULL;
	x ^= x >> 33;
	return x ? x : 1;
}

static inline uint64_t
pair(uint64_t a, uint64_t b)
{
	return (a * 0x100000001b3ULL) ^ (b + 0x632be59bd9b4e019ULL + (a << 6) + (a >> 2));
}

uint64_t
nerf_phrase_key(const char *s, size_t n)
{
	uint64_t h = hash_bytes(s, n);

	return h ? h : 1;
}

/* s[0..n) lower-cased into b's room (reserved). */
static inline void
lower_into(struct buf *b, const char *s, size_t n)
{
	lower_bytes(b->data + b->len, s, n);
	b->len += n;
}

void
nerf_lower(struct buf *b, const char *s, size_t n)
{
	buf_reserve(b, n);
	lower_into(b, s, n);
}

/*
 * Most phrases looked up are not there (94 % of the two-word ones on the
 * English bench), and the table is megabytes: a bit per key (struct
 * keybits) answers most of them without touching it.
 */

void
nerf_phrases_init(struct nerf_phrases *p, size_t expect)
{
	p->cap = expect + expect / 2 + 64;
	p->n = 0;
	p->next = 0;
	p->slot = pages_alloc(&p->pages, p->cap * sizeof *p->slot);	/* a model's: 4.5 MB */
	keybits_init(&p->seen);
}

static void
phrases_grow(struct nerf_phrases *p)
{
	struct nerf_phrases q;

	nerf_phrases_init(&q, 2 * p->n);
	for (size_t i = 0; i < p->cap; i++)
		if (p->slot[i].key)
			nerf_phrases_or(&q, p->slot[i].key, p->slot[i].mask);
	nerf_phrases_free(p);
	*p = q;
}

static inline size_t
first_slot(const struct nerf_phrases *p, uint64_t key)
{
	return (size_t)(((unsigned __int128)key * p->cap) >> 64);
}

void
nerf_phrases_or(struct nerf_phrases *p, uint64_t key, uint64_t mask)
{
	size_t i;

	if (3 * (p->n + 1) > 2 * p->cap)
		phrases_grow(p);
	for (i = first_slot(p, key); p->slot[i].key && p->slot[i].key != key; i = i + 1 < p->cap ? i + 1 : 0)
		;
	if (!p->slot[i].key) {
		p->slot[i].key = key;
		keybits_add(&p->seen, key);
		p->n++;
		p->next = SIZE_MAX;	/* a key anywhere: nerf_phrases_append can no longer tell its slot */
	}
	p->slot[i].mask |= mask;
}

/*
 * A key's first slot grows with the key: the keys added so far in order fill
 * a run of slots up to p->next from the first slot of each, so the next
 * key's is its first slot or p->next, whichever comes later, until the end
 * of the table (then probing goes on from its start) or a growth.
 */
void
nerf_phrases_append(struct nerf_phrases *p, uint64_t key, uint64_t mask)
{
	size_t i = first_slot(p, key);

	if (i < p->next)
		i = p->next;
	if (i >= p->cap || 3 * (p->n + 1) > 2 * p->cap) {
		p->next = SIZE_MAX;
		nerf_phrases_or(p, key, mask);
		return;
	}
	p->slot[i].key = key;
	p->slot[i].mask = mask;
	keybits_add(&p->seen, key);
	p->n++;
	p->next = i + 1;
}

uint64_t
nerf_phrases_get(const struct nerf_phrases *p, uint64_t key)
{
	if (!keybits_has(&p->seen, key))
		return 0;
	for (size_t i = first_slot(p, key); p->slot[i].key; i = i + 1 < p->cap ? i + 1 : 0)
		if (p->slot[i].key == key)
			return p->slot[i].mask;
	return 0;
}

void
nerf_phrases_add(struct nerf_phrases *p, const char *s, size_t n, uint64_t mask)
{
	for (size_t i = 1; i < n; i++)
		if (s[i] == ' ')
			nerf_phrases_or(p, nerf_phrase_key(s, i), NERC_PREFIX);
	nerf_phrases_or(p, nerf_phrase_key(s, n), mask);
}

void
nerf_phrases_free(struct nerf_phrases *p)
{
	pages_free(&p->pages);
	keybits_free(&p->seen);
	memset(p, 0, sizeof *p);
}

/* The word's shape: X upper, x lower (and any non-ASCII letter), d digit, others as they are; runs squeezed. */
static uint64_t
shape_of(const char *s, size_t n)
{
	char sh[16];
	size_t k = 0;

	for (size_t i = 0; i < n && k < sizeof sh; i++) {
		unsigned char c = (unsigned char)s[i];
		char m;

		if (c >= 'A' && c <= 'Z')
			m = 'X';
		else if (c >= 'a' && c <= 'z')
			m = 'x';
		else if (c >= '0' && c <= '9')
			m = 'd';
		else if (c >= 0xc0)
			m = 'x';
		else if (c >= 0x80)
			continue;
		else
			m = (char)c;
		if (k == 0 || sh[k - 1] != m)
			sh[k++] = m;
	}
	return hash_bytes(sh, k);
}

/*
 * The verbal affixes of a lower-case word, which tell what may follow or
 * precede a name (dipimpin oleh X, bermain di X, X mengatakan): its prefix
 * (meng-, meny-, mem-, men-, ber-, ter-, me-, di-: 1 to 8) times 4 plus its
 * suffix (-kan 1, -an 2, -i 3), at least 3 letters of stem left.
 */
static unsigned char
affix_class(const char *l, size_t n)
{
	static const char *const pre[] = { "meng", "meny", "mem", "men", "ber", "ter", "me", "di" };
	unsigned p = 0, q = 0;
	size_t a = 0;

	for (unsigned i = 0; n >= 5 && memchr("mbtd", l[0], 4) && i < sizeof pre / sizeof *pre; i++) {
		size_t m = strlen(pre[i]);

		if (n >= m + 3 && memcmp(l, pre[i], m) == 0) {
			p = i + 1;
			a = m;
			break;
		}
	}
	if (n >= a + 6 && memcmp(l + n - 3, "kan", 3) == 0)
		q = 1;
	else if (n >= a + 5 && memcmp(l + n - 2, "an", 2) == 0)
		q = 2;
	else if (n >= a + 4 && l[n - 1] == 'i')
		q = 3;
	return (unsigned char)(p * 4 + q);
}

/* Word lengths 1, 2, 3, 4-5, 6-8, 9 or more: short capitalised words are acronyms and titles more than names. */
static unsigned
len_bucket(unsigned n)
{
	return n <= 3 ? n : n <= 5 ? 4 : n <= 8 ? 5 : 6;
}

/* Is the word s[0..n), classes mu alone, quiet (NERF_QUIET_R)? */
static inline int
quiet(const char *s, size_t n, uint32_t mu)
{
	if (mu & NERC_NOTQUIET)
		return 0;
	for (size_t k = 0; k < n; k++) {
		unsigned char c = (unsigned char)s[k];

		if (c >= 0x80 || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '?' || c == '-')
			return 0;
	}
	return 1;
}

void
nerf_lex(const struct nerf_phrases *p, struct nerf_lex *x, const char *s, const char *l, size_t n)
{
	size_t nc = 0, k;
	uint64_t m;

	memset(x, 0, sizeof *x);
	x->word = hash_bytes(s, n);
	x->low = nerf_phrase_key(l, n);
	x->shape = shape_of(s, n);
	x->cap = n > 0 && ((s[0] >= 'A' && s[0] <= 'Z') || (s[0] >= '0' && s[0] <= '9'));
	for (size_t i = 0; i < n; i++)
		nc += ((unsigned char)l[i] & 0xc0) != 0x80;
	x->len = (unsigned char)(nc < 255 ? nc : 255);
	if (!x->cap)
		x->morph = affix_class(l, n);
	/* Affixes shorter than the word, counted in characters. */
	for (size_t i = 1, c = 0; i <= n && x->npre < 4 && c + 1 < nc; i++) {
		if (i == n || ((unsigned char)l[i] & 0xc0) != 0x80) {
			c++;
			x->pre[x->npre++] = hash_bytes(l, i);
		}
	}
	k = n;
	for (size_t c = 0; k > 0 && x->nsuf < 4 && c + 1 < nc;) {
		k--;
		if (((unsigned char)l[k] & 0xc0) != 0x80) {
			c++;
			x->suf[x->nsuf++] = hash_bytes(l + k, n - k);
		}
	}
	/* The phrase of this word alone: its classes, cluster and frequency. */
	m = nerf_phrases_get(p, x->low);
	if (m & NERC_HASCLUSTER)
		x->cluster = (uint32_t)(m >> NERC_CLUSTER_SHIFT & ((1u << NERC_CLUSTER_DEPTH) - 1)) |
		    1u << NERC_CLUSTER_DEPTH;
	x->freq = (unsigned char)(m >> NERC_FREQ_SHIFT & 0xff);
	x->mu = (uint32_t)(m & NERC_CLASSES);
	if (!x->cap)
		x->mu &= ~NERC_CAPONLY;
	x->prefix = (m & NERC_PREFIX) != 0;
	x->quiet = (unsigned char)quiet(s, n, x->mu);
}

/* Mark the phrase of words [i, j] (i < j) of classes m. */
static void
mark(struct nerf_word *w, size_t lo, size_t hi, size_t i, size_t j, uint32_t m)
{
	if (!w[i].x.cap)
		m &= ~NERC_CAPONLY;
	if (!m)
		return;
	w[i].mb |= m;
	w[j].ml |= m;
	for (size_t k = i + 1; k < j; k++)
		w[k].mi |= m;
	if (j + 1 < hi)
		w[j + 1].mp |= m;
	if (i > lo)
		w[i - 1].mn |= m;
}

static void
find_phrases(const struct nerf_phrases *p, struct nerf_word *w, const char *low, size_t lo, size_t hi)
{
	/* The two-word phrases are looked up at random places: fetch them all first. */
	for (size_t i = lo; i + 1 < hi; i++) {
		if (w[i].x.prefix) {
			w[i].key2 = nerf_phrase_key(low + w[i].ls, w[i + 1].le - w[i].ls);
			if (keybits_has(&p->seen, w[i].key2))
				__builtin_prefetch(&p->slot[first_slot(p, w[i].key2)]);
		}
	}
	for (size_t i = lo; i < hi; i++) {
		uint32_t mu = w[i].x.mu;

		/* A word that is a phrase alone marks its neighbours as mark() would. */
		if (mu && i + 1 < hi)
			w[i + 1].mp |= mu;
		if (mu && i > lo)
			w[i - 1].mn |= mu;
		for (size_t j = i + 1; w[i].x.prefix && j < hi && j - i < NERF_MAXPHRASE; j++) {
			uint64_t m = nerf_phrases_get(p, j == i + 1 ? w[i].key2 :
			    nerf_phrase_key(low + w[i].ls, w[j].le - w[i].ls));

			if (m & NERC_CLASSES)
				mark(w, lo, hi, i, j, (uint32_t)(m & NERC_CLASSES));
			if (!(m & NERC_PREFIX))
				break;
		}
	}
}

static const struct nerf_word bos = { .x = { .word = 0x1111, .low = 0x2222, .shape = 0x3333 } };
static const struct nerf_word eos = { .x = { .word = 0x4444, .low = 0x5555, .shape = 0x6666 } };

/* The first bits of a cluster, its marker bit kept. */
static inline uint64_t
clu(uint32_t c, unsigned bits)
{
	return c ? (c >> (NERC_CLUSTER_DEPTH - bits)) : 0;
}

/* A feature of group g: written if the group is wanted, counted in k either way. */
/* Room for n + 1 more features (with no limit, k is not needed and goes unmade). */
#define ROOM(n) (limit == UINT_MAX || k + (n) < limit)
#define ADD(g, t, v) do { if (groups & (g)) f[nf++] = fk((t), (v)); k++; } while (0)
/* The bits set in x (__builtin_popcount is a call on generic x86-64). */
static inline unsigned
count_bits(uint32_t x)
{
	x -= x >> 1 & 0x55555555u;
	x = (x & 0x33333333u) + (x >> 2 & 0x33333333u);
	return ((x + (x >> 4)) & 0x0f0f0f0fu) * 0x01010101u >> 24;
}

/*
 * Class features of the classes m: those in word's of group g, the others
 * of NERF_CONTEXT.  With no limit, the order does not matter: those of a
 * group not wanted are counted at once.
 */
#define ADD_CLASSES(m, pos, g, word) do { \
	uint32_t m_ = (m) & NERC_CLASSES, w_ = (word); \
	if (limit == UINT_MAX && m_) { \
		uint32_t skip_ = (groups & (g) ? 0 : w_) | (groups & NERF_CONTEXT ? 0 : ~w_); \
		k += count_bits(m_ & skip_); \
		m_ &= ~skip_; \
	} \
	for (; m_ && ROOM(0); m_ &= m_ - 1) \
		ADD((m_ & -m_ & w_) ? (g) : NERF_CONTEXT, T_CLASS, (unsigned)__builtin_ctz(m_) * 8 + (pos)); \
} while (0)

/*
 * Features of token i of the groups wanted into f, *written their number;
 * returns how many the token has in all (wanted or not), none past limit
 * (NERF_MAX cuts the last ones off as the model was trained).
 */
static inline __attribute__((always_inline)) unsigned
token_features(const struct nerf_scratch *s, size_t i, unsigned groups, unsigned limit, uint64_t *f,
    unsigned *written)
{
	size_t lo = s->lo, hi = s->hi, n = s->n;
	const struct nerf_word *w = s->w - lo;
	const struct nerf_word *c = &w[i];
	const struct nerf_word *m1 = i >= 1 ? &w[i - 1] : &bos, *m2 = i >= 2 ? &w[i - 2] : &bos;
	const struct nerf_word *p1 = i + 1 < n ? &w[i + 1] : &eos;
	const struct nerf_word *p2 = i + 2 < n ? &w[i + 2] : &eos;
	unsigned k = 0, nf = 0, at = i == 0 ? 2u : c->x.cap;	/* sentence-initial, capitalised, neither */

	ADD(NERF_OWN, T_BIAS, 0);
	ADD(NERF_OWN, T_WORD, c->x.word);
	ADD(NERF_OWN, T_LOW, c->x.low);
	ADD(NERF_OWN, T_SHAPE, c->x.shape);
	for (unsigned a = 0; a < c->x.npre; a++)
		ADD(NERF_OWN, T_PRE + a, c->x.pre[a]);
	for (unsigned a = 0; a < c->x.nsuf; a++)
		ADD(NERF_OWN, T_SUF + a, c->x.suf[a]);
	ADD(NERF_PREV, T_LOWM1, m1->x.low);
	ADD(NERF_NEXT, T_LOWP1, p1->x.low);
	ADD(NERF_PREV2, T_LOWM2, m2->x.low);
	ADD(NERF_NEXT2, T_LOWP2, p2->x.low);
	ADD(NERF_PREV, T_SHAPEM1, m1->x.shape);
	ADD(NERF_NEXT, T_SHAPEP1, p1->x.shape);
	ADD(NERF_CONTEXT, T_BIM, pair(m1->x.low, c->x.low));
	ADD(NERF_CONTEXT, T_BIP, pair(c->x.low, p1->x.low));
	ADD(NERF_CONTEXT, T_SHAPE3, pair(pair(m1->x.shape, c->x.shape), p1->x.shape));
	ADD(NERF_CONTEXT, T_LOWM1SHAPE, pair(m1->x.low, c->x.shape));
	ADD(NERF_CONTEXT, T_SHAPELOWP1, pair(c->x.shape, p1->x.low));
	for (unsigned a = 0; a < 4; a++)
		ADD(NERF_OWN, T_CLU + a, clu(c->x.cluster, 4 + 2 * a));
	ADD(NERF_PREV, T_CLUM1, pair(clu(m1->x.cluster, 8), m1 == &bos));
	ADD(NERF_NEXT, T_CLUP1, pair(clu(p1->x.cluster, 8), p1 == &eos));
	/*
	 * How common the word is in Wikipedia and in subtitles, by its case:
	 * frequent in Wikipedia but not in subtitles hints at a name, a
	 * capitalised word frequent in subtitles is seldom one.
	 */
	ADD(NERF_OWN, T_FREQ, c->x.freq * 4u + at);
	ADD(NERF_OWN, T_FREQW, (c->x.freq >> 4) * 4u + at);
	ADD(NERF_OWN, T_FREQS, (c->x.freq & 15) * 4u + at);
	if (i == 0)
		ADD(NERF_OWN, T_FIRST, c->x.shape);
	else if (c->x.cap)
		ADD(NERF_OWN, T_CAPWORD, c->x.low);
	if (c->x.cap && !(c->x.mu & 1u << NERC_COMMON))
		ADD(NERF_CONTEXT, T_NOVEL, pair(i == 0, pair(m1->x.cap, p1->x.cap)));
	if (c->x.cap) {
		size_t r0 = c->run0, r1 = c->run1;
		const struct nerf_word *b = r0 > lo ? &w[r0 - 1] : &bos;
		const struct nerf_word *b2 = r0 > lo + 1 ? &w[r0 - 2] : &bos;
		const struct nerf_word *a = r1 < hi ? &w[r1] : &eos;
		uint64_t pos = (i - r0 < 3 ? i - r0 : 3) * 8 + (r1 - i - 1 < 3 ? r1 - i - 1 : 3);

		ADD(NERF_CONTEXT, T_RUNBEFORE, b->x.low);
		ADD(NERF_CONTEXT, T_RUNAFTER, a->x.low);
		ADD(NERF_CONTEXT, T_RUNPOS, pos);
		ADD(NERF_CONTEXT, T_RUNBEFORE2, pair(b2->x.low, b->x.low));
		if (r0 < i)
			ADD(NERF_CONTEXT, T_RUNFIRST, w[r0].x.low);
		if (i + 1 < r1)
			ADD(NERF_CONTEXT, T_RUNLAST, w[r1 - 1].x.low);
		if (r1 - r0 > 1) {
			uint32_t has = 0;

			ADD(NERF_CONTEXT, T_RUNWHOLE, pair(nerf_phrase_key(s->low.data + w[r0].ls,
			    w[r1 - 1].le - w[r0].ls), pos));
			for (size_t j = r0; j < r1; j++)
				if (j != i)
					has |= w[j].x.mu | w[j].mb | w[j].mi | w[j].ml;
			has &= NERC_CLASSES & ~(1u << NERC_COMMON);
			/* as many as leave room for the three run features below */
			for (unsigned cl = 0; has && ROOM(3); cl++, has >>= 1)
				if (has & 1)
					ADD(NERF_CONTEXT, T_RUNHAS, cl * 16 + (i == r0) * 2 + (i + 1 == r1));
		}
		ADD(NERF_CONTEXT, T_RUNHEAD, pair(w[r0].x.low, pos));
		ADD(NERF_CONTEXT, T_RUNHEADAFTER, pair(w[r0].x.low, a->x.low));
		if (r1 + 1 < hi && w[r1].le - w[r1].ls == 1 && s->low.data[w[r1].ls] == '(' && w[r1 + 1].x.cap)
			ADD(NERF_CONTEXT, T_RUNPAREN, pos);
	}
	ADD_CLASSES(c->mb, 0, NERF_CONTEXT, 0);
	ADD_CLASSES(c->mi, 1, NERF_CONTEXT, 0);
	ADD_CLASSES(c->ml, 2, NERF_CONTEXT, 0);
	ADD_CLASSES(c->x.mu, 3, NERF_OWN, ~0u);
	/* The phrases that end before it or begin after it hold the word there alone, if it is one. */
	ADD_CLASSES(c->mp, 4, NERF_PREV, m1->x.mu);
	ADD_CLASSES(c->mn, 5, NERF_NEXT, p1->x.mu);
	/* The word's length with its shape (DPR, Bali, Yogyakarta); the verbal affixes of its neighbours. */
	if (ROOM(0))
		ADD(NERF_OWN, T_LENSHAPE, pair(c->x.shape, len_bucket(c->x.len)));
	if (ROOM(1)) {
		ADD(NERF_PREV, T_MORPHM1, m1->x.morph);
		ADD(NERF_NEXT, T_MORPHP1, p1->x.morph);
	}
	*written = nf;
	return k;
}

/* token_features made for each use, the groups known: */
static unsigned
all_features(const struct nerf_scratch *s, size_t i, uint64_t *f, unsigned *written)
{
	return token_features(s, i, NERF_ALL, NERF_MAX, f, written);
}

static unsigned
context_features(const struct nerf_scratch *s, size_t i, uint64_t *f, unsigned *written)
{
	return token_features(s, i, NERF_CONTEXT, UINT_MAX, f, written);
}

static void
lex_direct(void *p, struct nerf_lex *x, const char *word, const char *low, size_t n)
{
	nerf_lex(p, x, word, low, n);
}

/* The words of the window around tokens [from, to), their phrases and runs. */
static void
window(const struct nerf_phrases *p, const char *text, const struct token *tok, size_t n, size_t from,
    size_t to, struct nerf_scratch *s, nerf_lex_fn *lex, void *ctx)
{
	size_t lo, hi;
	struct nerf_word *w;

	nerf_window(n, from, to, &lo, &hi);
	s->w = xgrow(s->w, &s->wcap, hi - lo, sizeof *s->w);
	if (s->fcap < to - from) {
		s->fcap = to - from;
		s->feat = xrealloc(s->feat, s->fcap * NERF_MAX * sizeof *s->feat);
		s->nfeat = xrealloc(s->nfeat, s->fcap);
		s->whole = xrealloc(s->whole, s->fcap);
		s->skip = xrealloc(s->skip, s->fcap);
	}
	s->lo = lo;
	s->hi = hi;
	s->n = n;
	s->from = from;
	s->low.len = 0;
	w = s->w - lo;		/* w[i] for token i */
	if (hi > lo)		/* room for the words and a space after each */
		buf_reserve(&s->low, tok[hi - 1].end - tok[lo].start + (hi - lo));
	for (size_t i = lo; i < hi; i++) {
		size_t len = tok[i].end - tok[i].start;

		w[i].ls = s->low.len;
		lower_into(&s->low, text + tok[i].start, len);
		w[i].le = s->low.len;
		s->low.data[s->low.len++] = ' ';
		lex(ctx, &w[i].x, text + tok[i].start, s->low.data + w[i].ls, len);
		w[i].mb = w[i].mi = w[i].ml = w[i].mp = w[i].mn = 0;
	}
	find_phrases(p, w, s->low.data, lo, hi);
	for (size_t i = lo; i < hi;) {
		size_t j = i;

		while (j < hi && w[j].x.cap)
			j++;
		for (size_t k = i; k < j; k++) {
			w[k].run0 = i;
			w[k].run1 = j;
		}
		i = j > i ? j : i + 1;
	}
}

void
nerf_extract(const struct nerf_phrases *p, const char *text, const struct token *tok, size_t n,
    size_t from, size_t to, struct nerf_scratch *s)
{
	unsigned nf;

	window(p, text, tok, n, from, to, s, lex_direct, (void *)p);
	for (size_t i = from; i < to; i++) {
		all_features(s, i, s->feat + (i - from) * NERF_MAX, &nf);
		s->nfeat[i - from] = (unsigned char)nf;
		s->whole[i - from] = 1;
		s->skip[i - from] = 0;
	}
}

_Static_assert(NERF_QUIET_R <= NERF_MAXPHRASE, "the window holds the words that make a token skipped");

void
nerf_extract_context(const struct nerf_phrases *p, const char *text, const struct token *tok, size_t n,
    size_t from, size_t to, struct nerf_scratch *s, nerf_lex_fn *lex, void *ctx, const struct keybits *seen)
{
	unsigned nf;
	size_t loud = SIZE_MAX;	/* the last token up to i + NERF_QUIET_R that is not quiet (SIZE_MAX: none) */
	const struct nerf_word *w;
	unsigned char *skip, *whole, *nfeat;	/* of token from on; bytes: s's fields are read once, not after each store */

	window(p, text, tok, n, from, to, s, lex, ctx);
	w = s->w - s->lo;
	skip = s->skip - from;
	whole = s->whole - from;
	nfeat = s->nfeat - from;
	/* The window reaches NERF_MAXPHRASE >= NERF_QUIET_R tokens beyond [from, to), or the sentence's ends. */
	for (size_t i = from > NERF_QUIET_R ? from - NERF_QUIET_R : 0; i < from + NERF_QUIET_R && i < n; i++)
		if (!w[i].x.quiet)
			loud = i;
	for (size_t i = from; i < to; i++) {
		uint64_t *f = s->feat + (i - from) * NERF_MAX;
		size_t j = i + NERF_QUIET_R;

		if (j < n && !w[j].x.quiet)
			loud = j;
		skip[i] = loud == SIZE_MAX || loud + NERF_QUIET_R < i;
		if (skip[i]) {
			whole[i] = 0;
			nfeat[i] = 0;
			continue;
		}
		/* A token with more features than NERF_MAX loses its last ones: it gets them all here. */
		whole[i] = context_features(s, i, f, &nf) > NERF_MAX;
		if (whole[i]) {
			nerf_relex(p, s, text, tok, i);
			all_features(s, i, f, &nf);
		}
		nfeat[i] = (unsigned char)nf;
		for (unsigned k = 0; k < nf; k++)
			keybits_fetch(seen, f[k]);
	}
}

void
nerf_relex(const struct nerf_phrases *p, struct nerf_scratch *s, const char *text, const struct token *tok,
    size_t i)
{
	struct nerf_word *w = s->w + (i - s->lo);

	nerf_lex(p, &w->x, text + tok[i].start, s->low.data + w->ls, tok[i].end - tok[i].start);
}

unsigned
nerf_group_features(const struct nerf_scratch *s, size_t i, unsigned group, uint64_t *f)
{
	unsigned nf;

	switch (group) {
	case NERF_OWN: token_features(s, i, NERF_OWN, UINT_MAX, f, &nf); break;
	case NERF_PREV: token_features(s, i, NERF_PREV, UINT_MAX, f, &nf); break;
	case NERF_NEXT: token_features(s, i, NERF_NEXT, UINT_MAX, f, &nf); break;
	default: token_features(s, i, group, UINT_MAX, f, &nf); break;
	}
	return nf;
}

void
nerf_scratch_free(struct nerf_scratch *s)
{
	buf_free(&s->low);
	free(s->w);
	free(s->feat);
	free(s->nfeat);
	free(s->whole);
	free(s->skip);
	memset(s, 0, sizeof *s);
}

/*
 * O, E-X and S-X close what came before, and only they may precede O, B-X
 * and S-X (the opening labels); I-X and E-X follow only B-X or I-X.  The
 * labels before one are tried in increasing order: of equal scores the
 * lowest label wins.
 */
static const unsigned char opening[7] = { 0, 1, 4, 5, 8, 9, 12 };

/* One token's step: the best label before each label y, next[y] its score with emit added. */
static inline void
viterbi_step(const int64_t *score, const nerf_trans trans, const int64_t *emit, int64_t *next,
    unsigned char *back)
{
	/* The closing labels' scores, held in registers for the 7 x 7 pairs. */
	int64_t c0 = score[0], c3 = score[3], c4 = score[4], c7 = score[7], c8 = score[8];
	int64_t c11 = score[11], c12 = score[12];

	for (unsigned k = 0; k < 7; k++) {
		unsigned y = opening[k], best = 0;
		int64_t top = c0 + trans[0][y], v;

#define TRY(p) v = c##p + trans[p][y]; if (v > top) { top = v; best = p; }
		TRY(3) TRY(4) TRY(7) TRY(8) TRY(11) TRY(12)
#undef TRY
		next[y] = top + emit[y];
		back[y] = (unsigned char)best;
	}
	for (unsigned b = 1; b < NERF_NLABELS; b += 4) {
		for (unsigned y = b + 1; y <= b + 2; y++) {	/* I-X, E-X after B-X or I-X */
			int64_t vb = score[b] + trans[b][y], vi = score[b + 1] + trans[b + 1][y];

			next[y] = (vi > vb ? vi : vb) + emit[y];
			back[y] = (unsigned char)(vi > vb ? b + 1 : b);
		}
	}
}

void
nerf_viterbi(const int64_t *emit, size_t n, const nerf_trans trans, unsigned char *label,
    unsigned char *back)
{
	int64_t score[2][NERF_NLABELS];
	unsigned y, best;

	if (n == 0)
		return;
	for (y = 0; y < NERF_NLABELS; y++)
		score[0][y] = nerf_allowed(NERF_NLABELS, y) ? trans[NERF_NLABELS][y] + emit[y] : INT64_MIN / 4;
	for (size_t i = 1; i < n; i++)
		viterbi_step(score[(i - 1) & 1], trans, emit + i * NERF_NLABELS, score[i & 1],
		    back + i * NERF_NLABELS);
	best = 0;
	for (y = 1; y < NERF_NLABELS; y++)
		if (nerf_may_end(y) && score[(n - 1) & 1][y] > score[(n - 1) & 1][best])
			best = y;
	for (size_t i = n; i-- > 0;) {
		label[i] = (unsigned char)best;
		if (i > 0)
			best = back[i * NERF_NLABELS + best];
	}
}

/*
 * nerf_viterbi32 holds the scores in the lanes of the emission rows
 * (nerf_lane): those of the opening labels (O, B-X, S-X) in lanes 1-7 of
 * one vector, those of I-X and E-X in lanes 0-5 of another, the other
 * lanes unused (their scores bounded as the others, and read by no label).
 * Each score is times 16: the low 4 bits of a candidate hold 15 - the
 * label before, so that one max picks the best label before and, of equal
 * scores, the lowest, as nerf_viterbi does.
 *
 * Subtracting one number from all the scores of a step changes no
 * comparison: each step's scores are made relative to O's.  Then they
 * stay small: with D the largest |trans + emit| (16 bits, plus NERF_MAX
 * weights of 16 bits), every label at a step is at least the best score
 * of three steps before - 3D (every label has a closing one after it, and
 * each opening label follows every closing one) and at most that + 3D,
 * so |score - O's| <= 6D < 2^24, times 16 below 2^28.
 */
static const unsigned char closing[7] = { 0, 3, 4, 7, 8, 11, 12 };
#define NEVER (-(1 << 30))	/* the score of I-X and E-X first */
_Static_assert(6 * (NERF_MAX + 1) * 32768ll < 1 << 24, "the scores of nerf_viterbi32 fit in 28 bits");

void
nerf_vtrans_init(struct nerf_vtrans *v, const nerf_trans trans)
{
	memset(v, 0, sizeof *v);
	for (unsigned y = 0; y < NERF_NLABELS; y++) {
		unsigned j = nerf_lane(y) % 8, b = 4 * NERF_TYPE(y) + 1;

		if (nerf_lane(y) < 8) {
			for (unsigned k = 0; k < 7; k++)
				v->open[k][j] = (int32_t)trans[closing[k]][y] * 16 + 15 - closing[k];
			v->start[j] = (int32_t)trans[NERF_NLABELS][y] * 16;
		} else {
			v->inner[0][j] = (int32_t)trans[b][y] * 16 + 15 - (int32_t)b;
			v->inner[1][j] = (int32_t)trans[b + 1][y] * 16 + 15 - (int32_t)(b + 1);
		}
	}
}

/* Vectors are not passed by value here (their ABI depends on the target). */
#define SPLAT(x) ((nerf_v8){ 0 } + (x))
#define O_LANE 1	/* nerf_lane(0) */

static inline void
keep_max(nerf_v8 *top, const nerf_v8 *v)
{
	nerf_v8 m = *v > *top;

	*top = (*v & m) | (*top & ~m);
}

/*
 * One token's step: o and in the scores before, then after it; row its
 * emissions; back the best candidates, 15 - the label before in their low
 * bits.
 */
static inline void
viterbi32_step(nerf_v8 *o, nerf_v8 *in, const int32_t *row, const struct nerf_vtrans *v, int32_t *back)
{
	nerf_v8 so = *o, si = *in, top, ti, c, e;

	/* From the closing labels O, E-PER, S-PER, E-ORG, S-ORG, E-LOC, S-LOC, in that order. */
	top = SPLAT(so[1]) + v->open[0];
	c = SPLAT(si[1]) + v->open[1], keep_max(&top, &c);
	c = SPLAT(so[3]) + v->open[2], keep_max(&top, &c);
	c = SPLAT(si[3]) + v->open[3], keep_max(&top, &c);
	c = SPLAT(so[5]) + v->open[4], keep_max(&top, &c);
	c = SPLAT(si[5]) + v->open[5], keep_max(&top, &c);
	c = SPLAT(so[7]) + v->open[6], keep_max(&top, &c);
	/* I-X and E-X from B-X and from I-X. */
	ti = (nerf_v8){ so[2], so[2], so[4], so[4], so[6], so[6], so[6], so[6] } + v->inner[0];
	c = (nerf_v8){ si[0], si[0], si[2], si[2], si[4], si[4], si[4], si[4] } + v->inner[1];
	keep_max(&ti, &c);
	memcpy(back, &top, sizeof top);
	memcpy(back + 8, &ti, sizeof ti);
	memcpy(&e, row, sizeof e);
	so = (top & ~15) + e * 16;
	memcpy(&e, row + 8, sizeof e);
	si = (ti & ~15) + e * 16;
	*o = so - SPLAT(so[O_LANE]);
	*in = si - SPLAT(so[O_LANE]);
}

/* Static: clang makes clones of a function only where each declaration of it asks for them. */
NERF_SIMD static void
viterbi32(const int32_t *emit, size_t n, const struct nerf_vtrans *v, unsigned char *label, int32_t *back)
{
	nerf_v8 so, si;
	int32_t score[NERF_ROW];
	unsigned best = 0;

	if (n == 0)
		return;
	memcpy(&so, emit, sizeof so);
	so = v->start + so * 16;
	so -= SPLAT(so[O_LANE]);
	si = SPLAT(NEVER);
	for (size_t i = 1; i < n; i++)
		viterbi32_step(&so, &si, emit + i * NERF_ROW, v, back + i * NERF_ROW);
	memcpy(score, &so, sizeof so);
	memcpy(score + 8, &si, sizeof si);
	for (unsigned y = 1; y < NERF_NLABELS; y++)
		if (nerf_may_end(y) && score[nerf_lane(y)] > score[nerf_lane(best)])
			best = y;
	for (size_t i = n; i-- > 0;) {
		label[i] = (unsigned char)best;
		if (i > 0)
			best = 15 - (unsigned)(back[i * NERF_ROW + nerf_lane(best)] & 15);
	}
}

void
nerf_viterbi32(const int32_t *emit, size_t n, const struct nerf_vtrans *v, unsigned char *label,
    int32_t *back)
{
	viterbi32(emit, n, v, label, back);
}
