/*
 * CoNLL files, the name tagger's training and scoring data (train-ner):
 * TOKEN<TAB>LABEL lines, a blank line after each sentence, BIO labels of
 * PER, ORG and LOC.
 */
#ifndef CONLL_H
#define CONLL_H

#include <stddef.h>

#include "buf.h"
#include "ner.h"
#include "token.h"

/* A sentence: its text (tokens joined by spaces) and its tokens and gold labels. */
struct conll_sentence {
	size_t text, len;	/* bytes in conll.text */
	size_t tok, n;		/* tokens in conll.tok, labels in conll.gold */
};

struct conll {
	struct buf text;
	struct token *tok;	/* offsets within the sentence's text */
	unsigned char *gold;	/* enum ner_label */
	size_t ntok, tokcap, goldcap;
	struct conll_sentence *s;
	size_t ns, scap;
	size_t open;		/* first token of the sentence being read */
	size_t textstart;
};

/* The label names, by enum ner_label: O, B-PER, I-PER, ... */
extern const char *const conll_label[NER_NLABELS];

/* Read the files argv[0..argc) (none: stdin) into c; a malformed line or no sentence at all ends the program. */
void conll_read(struct conll *c, int argc, char **argv);
void conll_free(struct conll *c);
/* The names of labels[0..n) as conlleval counts them: (start, end, type) triples into out; returns how many. */
size_t conll_spans(const unsigned char *labels, size_t n, size_t *out);

#endif
