/*
 * Training the name tagger (train-ner): a linear-chain CRF or an averaged
 * structured perceptron over the features of lib/nerfeat.c, deterministic,
 * written as the model file that lib/ner.c loads.
 */
#ifndef NERTRAIN_H
#define NERTRAIN_H

#include <stddef.h>
#include <stdint.h>

#include "conll.h"

struct nertrain_options {
	int crf;		/* 1: the CRF, 0: the averaged perceptron */
	double l2;		/* the CRF's L2 regularisation: l2 / 2 times the squared weights */
	long cost;		/* added in training to the score of every wrong label, a margin */
	int epochs, runs;	/* passes over the data; models averaged, each shuffled by its own seed */
	uint64_t seed;		/* the first run's */
	size_t folds;		/* the names a sentence's features see are learnt from the other folds */
	double cut;		/* drop features whose weights are all below it (the perceptron's: per run) */
};

/* Train on the sentences of c and write the model to path; progress goes to stderr. */
void nertrain(const struct conll *c, const struct nertrain_options *o, const char *path);

#endif
