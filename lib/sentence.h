/*
 * Sentence boundaries in a paragraph of Indonesian or English news: general
 * rules on punctuation, case and numbers, helped by an abbreviation list.
 */
#ifndef SENTENCE_H
#define SENTENCE_H
#include <stddef.h>
#include "buf.h"

struct sentence_rules;

struct sentence {
	size_t start, end;	/* bytes [start, end) of the folded paragraph */
};

/* The built-in rules of LANG ("id" or "en"), or NULL for an unknown language. */
struct sentence_rules *sentence_rules_new(const char *lang);
/*
 * Add a list in the abbreviation-file format of split-sentences(1), from
 * text[0..len).  Returns 0, or the number of the first bad line (*why says why).
 */
size_t sentence_rules_add(struct sentence_rules *r, const char *text, size_t len, const char **why);
void sentence_rules_free(struct sentence_rules *r);

/*
 * What the splitter learns from a document as it goes, as Punkt does: short
 * words seen with a period before a lower-case word ("pk. tujuh") are taken
 * for abbreviations.  Bounded; forget it at each new document.
 */
struct sentence_memory;
struct sentence_memory *sentence_memory_new(void);
void sentence_memory_forget(struct sentence_memory *m);
void sentence_memory_free(struct sentence_memory *m);

/*
 * Append text[0..n) to *folded with each run of white space (Unicode
 * White_Space, as Python's str.split sees it) made one space, trimmed.
 */
void sentence_fold(struct buf *folded, const char *text, size_t n);

/*
 * The sentences of a folded paragraph s[0..n) into *sent (grown as needed,
 * *cap its capacity); returns their number.  Each boundary is at a space, so
 * the sentences joined by one space are s again.  Time is linear in n.
 * m, if not NULL, first learns from the paragraph, then helps decide.
 */
size_t sentence_split(const struct sentence_rules *r, struct sentence_memory *m,
    const char *s, size_t n, struct sentence **sent, size_t *cap);
#endif
