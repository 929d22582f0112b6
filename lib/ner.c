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
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "mem.h"
#include "ner.h"
#include "nerfeat.h"

#define MAGIC "KBRNER1\n"
#define HEADER (8 + 4 * 4 + (NERF_NLABELS + 1) * NERF_NLABELS * 2)
#define FEATURE (8 + 2 * NERF_NLABELS)	/* bytes of a feature: key and weights */

/* A slot read as one vector: the fingerprint in lane 0, the weights in lanes 1 to 13. */
typedef int16_t v16i16 __attribute__((vector_size(32)));
typedef int32_t v16i32 __attribute__((vector_size(64)));

struct slot {
	uint16_t fp;		/* 0: empty */
	int16_t w[NERF_NLABELS];
	int16_t pad[15 - NERF_NLABELS];
};
_Static_assert(sizeof(struct slot) == 32, "a slot is half a cache line");

/*
 * Most features of a text are not in the model, and a miss walks the table
 * to an empty slot: a bit per feature hash, 128 KB that stay in the cache,
 * answers most misses without touching the table.
 */
#define SEEN_BITS 20
#define SEEN(key) ((size_t)((key) >> 40) & ((1u << SEEN_BITS) - 1))

struct ner_model {
	struct slot *slot;
	size_t mask;
	uint64_t seen[(1u << SEEN_BITS) / 64];
	nerf_trans trans;
	struct nerf_phrases phrases;
};

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

static void
insert(struct ner_model *m, uint64_t key, const char *w)
{
	uint16_t fp = fingerprint(key);
	size_t i;

	m->seen[SEEN(key) / 64] |= 1ull << (SEEN(key) % 64);
	for (i = (size_t)key & m->mask; m->slot[i].fp && m->slot[i].fp != fp; i = (i + 1) & m->mask)
		;
	m->slot[i].fp = fp;
	/* Two features that fall on one fingerprint share a slot: their weights add up. */
	for (unsigned y = 0; y < NERF_NLABELS; y++) {
		int v = m->slot[i].w[y] + get16(w + 2 * y);

		m->slot[i].w[y] = (int16_t)(v > INT16_MAX ? INT16_MAX : v < INT16_MIN ? INT16_MIN : v);
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

	if (len < HEADER || memcmp(data, MAGIC, 8) != 0)
		return malformed(m, "not a model file");
	if (get32(data + 8) != NERF_VERSION)
		return malformed(m, "made for other features");
	if (get32(data + 12) != NERF_NLABELS)
		return malformed(m, "wrong number of labels");
	nfeat = get32(data + 16);
	nphrase = get32(data + 20);
	if ((len - HEADER) / FEATURE < nfeat || len - HEADER - (size_t)nfeat * FEATURE != (size_t)nphrase * 16)
		return malformed(m, "wrong size");
	for (unsigned p = 0; p <= NERF_NLABELS; p++)
		for (unsigned y = 0; y < NERF_NLABELS; y++)
			m->trans[p][y] = get16(data + 24 + 2 * (p * NERF_NLABELS + y));
	key = data + HEADER;
	w = key + (size_t)nfeat * 8;
	pkey = w + (size_t)nfeat * 2 * NERF_NLABELS;
	pmask = pkey + (size_t)nphrase * 8;
	while (cap < 2 * (size_t)nfeat)	/* half empty: a lookup seldom walks past its slot */
		cap *= 2;
	m->slot = aligned_alloc(64, cap * sizeof *m->slot);
	if (!m->slot)
		die("out of memory (%zu bytes)", cap * sizeof *m->slot);
	memset(m->slot, 0, cap * sizeof *m->slot);
	m->mask = cap - 1;
	for (size_t i = 0; i < nfeat; i++) {
		uint64_t k = get64(key + 8 * i);

		/* The keys are in order, their slots anywhere: fetch a few ahead. */
		if (i + 8 < nfeat)
			__builtin_prefetch(&m->slot[(size_t)get64(key + 8 * (i + 8)) & m->mask], 1);
		if (i > 0 && k <= get64(key + 8 * (i - 1)))
			return malformed(m, "features out of order");
		insert(m, k, w + 2 * NERF_NLABELS * i);
	}
	nerf_phrases_init(&m->phrases, nphrase);
	for (size_t i = 0; i < nphrase; i++) {
		uint64_t k = get64(pkey + 8 * i);

		if (k == 0 || (i > 0 && k <= get64(pkey + 8 * (i - 1))))
			return malformed(m, "phrases out of order");
		nerf_phrases_or(&m->phrases, k, get64(pmask + 8 * i));
	}
	return m;
}

/* Scratch of ner_tag, kept from call to call (one per thread). */
static _Thread_local struct {
	struct nerf_scratch fs;
	int64_t *emit;
	unsigned char *back;
	size_t cap;
} tls;

static inline int
seen(const struct ner_model *m, uint64_t key)
{
	return (int)(m->seen[SEEN(key) / 64] >> (SEEN(key) % 64) & 1);
}

static void
emissions(const struct ner_model *m, const struct nerf_scratch *fs, size_t n, int64_t *emit)
{
	for (size_t i = 0; i < n; i++) {
		const uint64_t *f = fs->feat + i * NERF_MAX;
		v16i32 e = { 0 };

		/* The slots of the token after next are fetched while this one's are added up. */
		if (i + 2 < n)
			for (unsigned k = 0; k < fs->nfeat[i + 2]; k++)
				if (seen(m, f[2 * NERF_MAX + k]))
					__builtin_prefetch(&m->slot[(size_t)f[2 * NERF_MAX + k] & m->mask]);

		for (unsigned k = 0; k < fs->nfeat[i]; k++) {
			uint16_t fp = fingerprint(f[k]);

			if (!seen(m, f[k]))
				continue;
			for (size_t j = (size_t)f[k] & m->mask; m->slot[j].fp; j = (j + 1) & m->mask) {
				if (m->slot[j].fp == fp) {
					v16i16 v;

					memcpy(&v, &m->slot[j], sizeof v);
					e += __builtin_convertvector(v, v16i32);
					break;
				}
			}
		}
		/* Lane 0 added up the fingerprints: the weights are lanes 1 to 13. */
		for (unsigned y = 0; y < NERF_NLABELS; y++)
			emit[i * NERF_NLABELS + y] = e[y + 1];
	}
}

void
ner_tag(const struct ner_model *m, const char *text, const struct token *tok, size_t n,
    unsigned char *label)
{
	for (size_t from = 0; from < n; from += NERF_CHUNK) {
		size_t to = n - from > NERF_CHUNK ? from + NERF_CHUNK : n;

		if (tls.cap < to - from) {
			tls.cap = to - from;
			tls.emit = xrealloc(tls.emit, tls.cap * NERF_NLABELS * sizeof *tls.emit);
			tls.back = xrealloc(tls.back, tls.cap * NERF_NLABELS);
		}
		nerf_extract(&m->phrases, text, tok, n, from, to, &tls.fs);
		emissions(m, &tls.fs, to - from, tls.emit);
		nerf_viterbi(tls.emit, to - from, (const int64_t (*)[NERF_NLABELS])m->trans, label + from,
		    tls.back);
		for (size_t i = from; i < to; i++)
			label[i] = nerf_bio(label[i]);
	}
}

void
ner_free(struct ner_model *m)
{
	if (!m)
		return;
	free(m->slot);
	nerf_phrases_free(&m->phrases);
	free(m);
}
