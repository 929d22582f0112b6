/* Fuzz target: tag-entities' core; mentions cut the sentence in order, on character boundaries. */
#include <stdlib.h>

#include "entity.h"
#include "fuzzlib.h"

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	static struct tagger *tagger;
	static struct buf text;
	static unsigned long docno;
	const struct mention *m;
	struct line ln;
	size_t pos = 0;
	char doc[32];

	if (!tagger)
		tagger = tagger_new();
	/* each input is a new document, so that its memory starts afresh */
	size_t doclen = (size_t)snprintf(doc, sizeof doc, "doc%lu", docno++);

	fuzz_text(&text, data, size);
	while (fuzz_line(&text, &pos, &ln)) {
		size_t n = tagger_sentence(tagger, doc, doclen, ln.data, ln.len, &m);
		size_t last = 0;

		for (size_t i = 0; i < n; i++) {
			if (m[i].start >= m[i].end || m[i].end > ln.len || m[i].start < last)
				abort();
			if (!fuzz_boundary(ln.data, ln.len, m[i].start) || !fuzz_boundary(ln.data, ln.len, m[i].end))
				abort();
			last = m[i].start;
		}
	}
	return 0;
}
