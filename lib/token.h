/*
 * Word and punctuation tokens of a sentence, as byte offsets into it: the
 * one tokenizer of the entity tagger and its trainer.
 */
#ifndef TOKEN_H
#define TOKEN_H

#include <stddef.h>

struct token {
	size_t start, end;	/* bytes [start, end) of the text */
};

/* Tokens of s[0..n) into *tok (grown as needed, *cap its capacity); returns their number. */
size_t tokenize(const char *s, size_t n, struct token **tok, size_t *cap);

#endif
