/*
 * English evidence for tag-entities: which sentences are English (by their
 * stopwords against Indonesian ones), which capitalised words are
 * common English words rather than names (SCOWL's word lists, see
 * lib/data/README.en-words.md), which words are given names, which names are cities.
 */
#ifndef ENGLISH_H
#define ENGLISH_H

#include <stddef.h>

#include "hash.h"
#include "token.h"

struct english {
	struct table stop;	/* lower-case stopwords of English and Indonesian ... */
	unsigned char *stoplang;	/* ... and their languages: EN_STOP | ID_STOP */
	size_t langcap;
	int loaded;
	long doc_votes;		/* English stopwords minus Indonesian ones of the document so far */
};

void english_init(struct english *en);
void english_free(struct english *en);
/* A new document: forget the votes of the last one. */
void english_new_document(struct english *en);
/* Is sentence s (tokens tok[0..ntok)) English, by its stopwords and those of its document so far? */
int english_sentence(struct english *en, const char *s, const struct token *tok, size_t ntok);
/* Is w[0..n) (any case) an English stopword (here, now, who)? */
int english_stopword(struct english *en, const char *w, size_t n);
/* Is w[0..n) (any case) an English common word that is never a proper noun (however, not bill)? */
int english_common_word(const char *w, size_t n);
/* Is name[0..n) (as written: Kylie) a given name of lib/data/ner-given.txt? */
int english_given_name(const char *name, size_t n);
/* Is name[0..n) (as written: St. Louis) a city of GeoNames (lib/data/ner-cities.txt)? */
int english_city(const char *name, size_t n);

#endif
