/*
 * The phrase lists a name tagger model carries (train-ner writes them into
 * it): the built-in gazetteers, cue words, word clusters and frequencies of
 * lib/data/, and the names learnt from the training sentences.
 */
#ifndef NERLISTS_H
#define NERLISTS_H

#include <stddef.h>

#include "conll.h"
#include "nerfeat.h"

/*
 * Fill p with the built-in lists and the names of the sentences of c; with
 * folds > 0, of the sentences outside fold leave_out (sentence i is in fold
 * i % folds), so that training sees names as text it has not learnt them from.
 */
void nerlists_build(struct nerf_phrases *p, const struct conll *c, size_t folds, size_t leave_out);

#endif
