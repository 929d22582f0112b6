/*
 * Features of the name tagger, shared by the tagger (lib/ner.c) and its
 * trainer (tools/train-ner.c) so that both see exactly the same ones: each
 * feature of a token is a 64-bit hash of a template and its strings.
 */
#ifndef NERFEAT_H
#define NERFEAT_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "hash.h"
#include "mem.h"
#include "token.h"

/* Bumped whenever the features change: a model of another version is refused. */
#define NERF_VERSION 10
/* Features of one token at most. */
#define NERF_MAX 72
/* Tokens tagged at once at most: longer sentences are cut into pieces this long. */
#define NERF_CHUNK 4096

/* Phrase classes: names learnt from training data, built-in gazetteers, cue words. */
enum nerf_class {
	NERC_PER, NERC_ORG, NERC_LOC,		/* whole names of the training data */
	NERC_PERTOK, NERC_ORGTOK, NERC_LOCTOK,	/* a capitalised word inside such a name */
	NERC_PROVINCE, NERC_REGENCY, NERC_DISTRICT,
	NERC_TITLE, NERC_ORGCUE, NERC_LOCCUE,
	NERC_ORGEND, NERC_LOCEND,		/* words that end names of organisations, of places */
	NERC_PLACE,				/* a place outside Indonesia (lib/data/ner-places.txt) */
	NERC_COMMON,				/* a word of the training text written in lower case */
	NERC_PROPN, NERC_NOTPROPN,		/* mostly a proper noun in UD-GSD, or mostly not */
	/* Names of the world (scripts/build-ner-gazetteers): */
	NERC_WNPER, NERC_WNORG, NERC_WNLOC, NERC_WNFAC,	/* in WordNet: people, organisations, places, buildings */
	NERC_CITY,				/* a city of GeoNames (lib/data/ner-cities.txt) */
	NERC_ENNAME,				/* a capitalised word of an English dictionary */
	NERC_IDGIVEN, NERC_GIVEN,		/* personal names: Indonesian given names, first names of the world */
	NERC_IDNAME,				/* a capitalised word of the Indonesian dictionary (Desember, Kamis) */
	NERC_VILLAGE,				/* a village of Indonesia (lib/data/gazetteer-villages.txt) */
	NERC_NCLASS
};
#define NERC_CLASSES ((uint32_t)((1ull << NERC_NCLASS) - 1))
/* A word's cluster (lib/data/ner-clusters.tsv) rides in its phrase mask: bits 32-41, and bit 42 set. */
#define NERC_CLUSTER_SHIFT 32
#define NERC_CLUSTER_DEPTH 10
#define NERC_HASCLUSTER (1ull << 42)
/* Its rank buckets among frequent words (lib/data/ner-freq.tsv; 0 absent): bits 43-46 Wikipedia, 47-50 subtitles. */
#define NERC_FREQ_SHIFT 43
#define NERC_LEARNT 0x3fu		/* the classes learnt from the training data */
/* Classes that a phrase has only when its first word is capitalised: learnt names, names of the world. */
#define NERC_CAPONLY (NERC_LEARNT | 0xffu << NERC_WNPER)
#define NERC_PREFIX (1ull << 63)	/* the key is also a proper prefix of a phrase */
#define NERF_MAXPHRASE 8		/* words in a phrase at most */

/*
 * Phrases (lower-case words joined by single spaces) by hash: open addressing
 * with linear probing, key 0 empty.  A key's first slot is key * cap / 2^64,
 * so keys inserted in increasing order (a model's) fill the table from start
 * to end, and the table may be of any size (at most two thirds full).
 */
struct nerf_slot {
	uint64_t key;
	uint64_t mask;		/* classes (bits 0-31), cluster, frequency ranks, NERC_PREFIX */
};
struct nerf_phrases {
	struct nerf_slot *slot;
	size_t cap;
	size_t n;
	struct pages pages;	/* slot's */
	struct keybits seen;	/* which keys may be there */
	size_t next;			/* the slot after the last key appended (SIZE_MAX: append no more) */
};

void nerf_phrases_init(struct nerf_phrases *p, size_t expect);
/* OR mask into the phrase with this key. */
void nerf_phrases_or(struct nerf_phrases *p, uint64_t key, uint64_t mask);
/*
 * Add a key greater than all those in p (a model's, in order): the slot
 * nerf_phrases_or would find, without walking to it.
 */
void nerf_phrases_append(struct nerf_phrases *p, uint64_t key, uint64_t mask);
uint64_t nerf_phrases_get(const struct nerf_phrases *p, uint64_t key);
/* Add phrase s[0..n) (already lower case, single spaces) with its prefixes. */
void nerf_phrases_add(struct nerf_phrases *p, const char *s, size_t n, uint64_t mask);
void nerf_phrases_free(struct nerf_phrases *p);
/* The key of a phrase's bytes (never 0). */
uint64_t nerf_phrase_key(const char *s, size_t n);
/* Lower-case s[0..n) into b (ASCII letters only; other bytes kept). */
void nerf_lower(struct buf *b, const char *s, size_t n);

/* What the features need to know of a word alone, wherever it stands. */
struct nerf_lex {
	/* Seen by the features of its neighbours and of its context too: */
	uint64_t low, shape;		/* hashes of its lower case (its phrase key) and shape */
	uint32_t mu;			/* classes of the phrase that is this word alone */
	uint32_t cluster;		/* its cluster's bits, 1 << NERC_CLUSTER_DEPTH added; 0: none */
	unsigned char cap;
	unsigned char morph;		/* a lower-case word's verbal prefix and suffix */
	unsigned char prefix;		/* it begins a longer phrase */
	unsigned char npre, nsuf;	/* how many of pre and suf below */
	unsigned char quiet;		/* NERF_QUIET_R's: it may be skipped */
	/* Only its own features (NERF_OWN) need the rest: */
	unsigned char freq;		/* its rank buckets: Wikipedia * 16 + subtitles */
	unsigned char len;		/* in characters, 255 at most */
	uint64_t word;			/* hash of the word */
	uint64_t pre[4], suf[4];	/* of the lower-case prefixes and suffixes of 1-4 characters */
};
/* The bytes of a nerf_lex that all features but a word's own need. */
#define NERF_LEX_SHARED offsetof(struct nerf_lex, freq)
/* The word s[0..n), low its lower case, with the phrases of p. */
void nerf_lex(const struct nerf_phrases *p, struct nerf_lex *x, const char *s, const char *low, size_t n);
/*
 * A source of nerf_lex, called for each word of a window in turn: it fills
 * the first NERF_LEX_SHARED bytes, and the rest too unless the caller
 * knows the weights of the token's own features or works the rest out
 * where it needs it (nerf_relex).
 */
typedef void nerf_lex_fn(void *ctx, struct nerf_lex *x, const char *s, const char *low, size_t n);

/* Scratch space for nerf_extract, reused from call to call; zero it before the first use. */
struct nerf_scratch {
	struct buf low;		/* the window's words lower-cased, joined by spaces */
	struct nerf_word *w;
	size_t wcap;
	size_t lo, hi, n, from;	/* the window [lo, hi) of n tokens, features from token from */
	uint64_t *feat;		/* NERF_MAX per token of [from, to) */
	unsigned char *nfeat;
	unsigned char *whole;	/* 1: feat holds all the token's features, not only NERF_CONTEXT */
	unsigned char *skip;	/* 1: a quiet token among quiet ones (NERF_QUIET_R), no features made */
	size_t fcap;
};

/*
 * Features of tokens [from, to) of text (tok[0..n) its tokens; at most
 * NERF_CHUNK of them), looking at words around them: token from + i has
 * nfeat[i] features feat[i * NERF_MAX ...].
 */
void nerf_extract(const struct nerf_phrases *p, const char *text, const struct token *tok, size_t n,
    size_t from, size_t to, struct nerf_scratch *s);

/*
 * The features of a token by what they depend on.  The sum of the weights
 * of each of the first five groups is that of its word: the tagger keeps it
 * per word and adds only the NERF_CONTEXT features of each token.
 */
enum {
	NERF_OWN = 1,		/* the token's own word (and whether it is the first) */
	NERF_PREV = 2,		/* the word before it (or the sentence's start) */
	NERF_NEXT = 4,		/* the word after it (or the sentence's end) */
	NERF_PREV2 = 8,		/* the word two before */
	NERF_NEXT2 = 16,	/* the word two after */
	NERF_CONTEXT = 32,	/* the rest: word pairs, runs of capitals, phrases across words */
	NERF_ALL = 63
};
/* The window of words that the features of tokens [from, to) of n look at: [*lo, *hi). */
static inline void
nerf_window(size_t n, size_t from, size_t to, size_t *lo, size_t *hi)
{
	*lo = from > NERF_MAXPHRASE ? from - NERF_MAXPHRASE : 0;
	*hi = to + NERF_MAXPHRASE < n ? to + NERF_MAXPHRASE : n;
}
/*
 * A word is quiet if its bytes are ASCII without an upper-case letter, a
 * digit, '?' or '-', and it alone is none of the place and cue classes
 * below (lower case, they still name: "desa karangasem"); a token is
 * skipped if it and every token within NERF_QUIET_R of it in the sentence
 * are quiet.  The full model labelled no skipped token other than O on
 * the bench sentences nor NERGrit (docs/ner-model.md, "Tokens the model
 * skips"): the tagger gives such a token an O-only row, no features.
 */
#define NERF_QUIET_R 2
#define NERC_NOTQUIET (1u << NERC_PROVINCE | 1u << NERC_REGENCY | 1u << NERC_DISTRICT | 1u << NERC_TITLE | \
	1u << NERC_ORGCUE | 1u << NERC_LOCCUE | 1u << NERC_ORGEND | 1u << NERC_LOCEND | 1u << NERC_PLACE | \
	1u << NERC_VILLAGE)
/*
 * As nerf_extract, but token from + i has only its NERF_CONTEXT features in
 * feat, unless whole[i] (too many features: all of them, cut to NERF_MAX,
 * are there), or none if skip[i]; words come from lex(ctx, ...), called for
 * each word of the window [lo, hi) in order (a whole token's word is worked
 * out again).  Each feature's bit in seen (the model's filter, which the
 * tagger reads once all the features of the window are made) is fetched
 * as it is made: read without, those loads stalled on the cache.
 */
void nerf_extract_context(const struct nerf_phrases *p, const char *text, const struct token *tok,
    size_t n, size_t from, size_t to, struct nerf_scratch *s, nerf_lex_fn *lex, void *ctx,
    const struct keybits *seen);
/* Work out the whole nerf_lex of token i's word (of the last nerf_extract_context), of which lex gave only a part. */
void nerf_relex(const struct nerf_phrases *p, struct nerf_scratch *s, const char *text, const struct token *tok,
    size_t i);
/* The features of one group of token i (of the last nerf_extract_context) into f; returns their number. */
unsigned nerf_group_features(const struct nerf_scratch *s, size_t i, unsigned group, uint64_t *f);
void nerf_scratch_free(struct nerf_scratch *s);

/*
 * The model's labels are BIOES: 0 O, then B, I, E (last token) and S (a
 * one-token name) of PER, ORG, LOC; the tagger hands out BIO (enum
 * ner_label of ner.h), E as I and S as B.
 */
#define NERF_NLABELS 13
#define NERF_TYPE(y) (((unsigned)(y) - 1) / 4)
#define NERF_PART(y) (((unsigned)(y) - 1) % 4)	/* 0 B, 1 I, 2 E, 3 S */
enum { NERF_B, NERF_I, NERF_E, NERF_S };
/* The BIO label of a model label. */
static inline unsigned char
nerf_bio(unsigned y)
{
	return y == 0 ? 0 : (unsigned char)(2 * NERF_TYPE(y) + 1 + (NERF_PART(y) == NERF_I || NERF_PART(y) == NERF_E));
}
/* The model label of BIO label b followed by BIO label next (0 at the end). */
static inline unsigned char
nerf_bioes(unsigned b, unsigned next)
{
	unsigned type = (b - 1) / 2, goes_on = next != 0 && next % 2 == 0 && (next - 1) / 2 == type;

	if (b == 0)
		return 0;
	return (unsigned char)(4 * type + 1 + (b % 2 ? (goes_on ? NERF_B : NERF_S) : (goes_on ? NERF_I : NERF_E)));
}
/* Transition scores: trans[prev][label], prev NERF_NLABELS for the start. */
typedef int64_t nerf_trans[NERF_NLABELS + 1][NERF_NLABELS];
/* May label y follow label p (NERF_NLABELS: the start)?  I-X and E-X only after B-X or I-X, which only they follow. */
static inline int
nerf_allowed(unsigned p, unsigned y)
{
	int open = p != 0 && p < NERF_NLABELS && NERF_PART(p) <= NERF_I;	/* p is B-X or I-X */

	if (y == 0 || NERF_PART(y) == NERF_B || NERF_PART(y) == NERF_S)
		return !open;
	return open && NERF_TYPE(p) == NERF_TYPE(y);
}
/* May a sentence end with label y?  Not with B-X or I-X. */
static inline int
nerf_may_end(unsigned y)
{
	return y == 0 || NERF_PART(y) >= NERF_E;
}
/*
 * Best labels of n tokens under emission scores emit[i * NERF_NLABELS + y],
 * a valid BIOES sequence (I-X and E-X only after B-X or I-X, which are only
 * followed by them; no B-X or I-X last); back is scratch of n * NERF_NLABELS bytes.
 */
void nerf_viterbi(const int64_t *emit, size_t n, const nerf_trans trans, unsigned char *label,
    unsigned char *back);

/*
 * Where the C library picks among clones at load time (ifunc), the vector
 * code has a clone for AVX2 too: vectors of 8 lanes in one register, max in
 * one instruction.  Not under a sanitizer: its runtime is not ready when
 * the loader runs the clones' resolver (ThreadSanitizer crashed there).
 */
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define NERF_NO_CLONES
#endif
#if defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) || __has_feature(memory_sanitizer)
#define NERF_NO_CLONES
#endif
#endif
#if defined(__x86_64__) && defined(__GLIBC__) && defined(__has_attribute) && !defined(NERF_NO_CLONES)
#if __has_attribute(target_clones)
#define NERF_SIMD __attribute__((target_clones("avx2", "default")))
#endif
#endif
#ifndef NERF_SIMD
#define NERF_SIMD
#endif

/*
 * The tagger's Viterbi, the same labels as nerf_viterbi's (ties too) in
 * vectors of 32-bit scores: emission rows of NERF_ROW int32, label y in
 * lane nerf_lane(y) (the others unused), each the sum of NERF_MAX weights
 * of 16 bits at most; back is scratch of n * NERF_ROW int32.
 */
#define NERF_ROW 16
/* Lanes 1-7: O, B-PER, S-PER, B-ORG, S-ORG, B-LOC, S-LOC; 8-13: I-PER, E-PER, I-ORG, E-ORG, I-LOC, E-LOC. */
static inline unsigned
nerf_lane(unsigned y)
{
	return (unsigned char)"\1\2\10\11\3\4\12\13\5\6\14\15\7"[y];
}
typedef int32_t nerf_v8 __attribute__((vector_size(32)));
/* The transition scores as nerf_viterbi32 reads them (nerf_vtrans_init). */
struct nerf_vtrans {
	nerf_v8 open[7];	/* to the opening labels from each closing one */
	nerf_v8 inner[2];	/* to I-X and E-X from B-X, from I-X */
	nerf_v8 start;		/* to the opening labels from the start */
};
/* Transitions of 16 bits (a model's) for nerf_viterbi32. */
void nerf_vtrans_init(struct nerf_vtrans *v, const nerf_trans trans);
void nerf_viterbi32(const int32_t *emit, size_t n, const struct nerf_vtrans *v, unsigned char *label,
    int32_t *back);

#endif
