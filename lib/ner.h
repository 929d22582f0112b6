/*
 * The statistical name tagger: PER, ORG and LOC over tokens, as BIO labels,
 * from a model file built by tools/train-ner (lib/data/ner.model).
 */
#ifndef NER_H
#define NER_H

#include <stddef.h>

#include "token.h"

enum ner_label { NER_O, NER_B_PER, NER_I_PER, NER_B_ORG, NER_I_ORG, NER_B_LOC, NER_I_LOC, NER_NLABELS };

struct ner_model;

/* The model in data[0..len) (a built-in blob or a file's bytes); NULL after a message if malformed. */
struct ner_model *ner_load(const char *data, size_t len);
/* One label per token of text (tokens from tokenize()). */
void ner_tag(const struct ner_model *m, const char *text, const struct token *tok, size_t n,
    unsigned char *label);
/* As ner_tag, but every feature of every token looked up, none summed per word: for tests. */
void ner_tag_plain(const struct ner_model *m, const char *text, const struct token *tok, size_t n,
    unsigned char *label);
/*
 * The scores of label y (enum ner_label's order is not theirs: 13 BIOES
 * labels of nerfeat.h) for the tokens of the last chunk (NERF_CHUNK tokens)
 * of this thread's last ner_tag or ner_tag_plain, row after row of
 * NERF_ROW, label y in lane nerf_lane(y): for tests.
 */
const int *ner_last_scores(void);
/* Which tokens of that chunk had an O-only row, no features (NERF_QUIET_R): for tests. */
const unsigned char *ner_last_skipped(void);
void ner_free(struct ner_model *m);

#endif
