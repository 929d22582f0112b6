/*
 * Fuzz target: loading a name tagger model (lib/ner.c), as --model FILE
 * does.  A random file is refused at once, so the input patches the
 * built-in model instead: each 5 bytes are an offset (4 bytes, into the
 * first bytes when small, so that the header and the first keys are hit
 * often) and a byte XORed there; a last odd byte cuts the file short.  A
 * model that loads tags a sentence; one that is refused is freed (ASan
 * checks both).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "data.h"
#include "ner.h"
#include "token.h"

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	static const char sentence[] = "Menteri Anas bertemu Suhajar Diantoro di Kemendagri, Jakarta, Kamis.";
	static char *copy;
	static size_t len;
	static struct token *tok;
	static size_t tokcap;
	const struct blob *b;
	struct ner_model *m;
	size_t use, i;

	if (!copy) {
		if (!(b = data_find("ner.model")))
			abort();
		len = b->len;
		if (!(copy = malloc(len)))
			abort();
		memcpy(copy, b->data, len);
	}
	b = data_find("ner.model");
	use = len;
	for (i = 0; i + 5 <= size; i += 5) {
		uint32_t at = (uint32_t)data[i] | (uint32_t)data[i + 1] << 8 | (uint32_t)data[i + 2] << 16 |
		    (uint32_t)data[i + 3] << 24;

		at = at & 0x80000000u ? at % 4096 : at % len;
		copy[at] ^= (char)data[i + 4];
	}
	if (i < size)
		use = len - (size_t)data[i] * 16;
	if ((m = ner_load(copy, use))) {
		size_t n = tokenize(sentence, sizeof sentence - 1, &tok, &tokcap);
		unsigned char label[64];

		if (n > sizeof label)
			abort();
		ner_tag(m, sentence, tok, n, label);
		for (size_t k = 0; k < n; k++)
			if (label[k] >= NER_NLABELS)
				abort();
		ner_free(m);
	}
	memcpy(copy, b->data, len);	/* undo the patches */
	return 0;
}
