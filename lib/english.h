/*
 * English evidence for tag-entities: which sentences are English (by their
 * stopwords against Indonesian ones), which capitalised words are
 * common English words rather than names (SCOWL's word lists, see
 * lib/data/README.en-words.md), which words are given names, which names are cities.
 */
#ifndef ENGLISH_H
#define ENGLISH_H

#include <stddef.h>

#include "buf.h"
#include "hash.h"

struct english {
	long doc_votes;		/* English stopwords minus Indonesian ones of the document so far */
};

/* Kinds of stopwords: English, Indonesian, in stop-en.txt in lower case (here, not John or New). */
enum { EN_STOP = 1, ID_STOP = 2, EN_LOWER = 4 };

void english_init(struct english *en);
void english_free(struct english *en);
/* A new document: forget the votes of the last one. */
void english_new_document(struct english *en);
/*
 * Each stopword of English and Indonesian, lower-cased, with its kinds:
 * add(ctx, word, n, kinds), a word once per list that has it.  The caller
 * keeps them where it looks its words up (tag-entities: with its cues).
 */
void english_stopwords(void (*add)(void *ctx, const char *w, size_t n, int kinds), void *ctx);
/* Is a sentence whose English stopwords outnumber its Indonesian ones by votes English, with those of its document so far? */
int english_vote(struct english *en, long votes);
/* Is w[0..n) (any case) an English common word that is never a proper noun (however, not bill)? */
int english_common_word(const char *w, size_t n);
/*
 * Fetch into the cache the slots where english_common_word and
 * english_city will look the word w[0..n) up: the words of a sentence
 * fetched before they are asked about, their cache misses overlapping.
 */
void english_prefetch(const char *w, size_t n);
/* Is name[0..n) (as written: Kylie) a given name of lib/data/ner-given.txt? */
int english_given_name(const char *name, size_t n);
/* Is name[0..n) (as written: St. Louis) a city of GeoNames (lib/data/ner-cities.txt)? */
int english_city(const char *name, size_t n);

/* The table of a list (en-common.txt, ner-given.txt or ner-cities.txt) built from its lines. */
void english_list_build(const char *file, struct table *words);
/* The prepared image of the three lists (english-lists.bin), built from their lines: scripts/prepare-tables. */
void english_lists_image(struct buf *out);
/* The list's table as a view of the prepared image; 0 if the program has no image. */
int english_list_prepared(const char *file, struct table *words);

#endif
