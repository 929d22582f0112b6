/* Fuzz target: the entity tagger (lib/entity.c) on sentences of two documents; mentions in order, within the text. */
#include <stdlib.h>
#include <string.h>

#include "entity.h"
#include "fuzzlib.h"

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	static struct tagger *tagger;
	static struct buf text;
	const struct mention *m;
	const char *values;
	size_t at = 0, n, i, nm;

	if (!tagger) {
		tagger = tagger_new();
		tagger_dict(tagger, "fuzz", "loyal\tCORE\nberorientasi pelayanan\tCORE\tBerorientasi Pelayanan\n", 62);
	}
	if (size == 0)
		return 0;
	/* the tagger reads what the record reader gives: valid UTF-8; each LF starts a sentence */
	text.len = 0;
	buf_reserve(&text, 1);	/* never a NULL text, even when empty */
	utf8_repair(&text, (const char *)data + 1, size - 1);
	while (at <= text.len) {
		const char *nl = memchr(text.data + at, '\n', text.len - at);

		n = nl ? (size_t)(nl - text.data) - at : text.len - at;
		/* the first byte's bits say which sentences start a new document */
		nm = tagger_sentence(tagger, data[0] & (1u << (at % 8)) ? "a" : "b", 1, text.data + at, n, &m);
		values = tagger_values(tagger);
		for (i = 0; i < nm; i++) {
			if (m[i].start >= m[i].end || m[i].end > n || (i > 0 && m[i].start < m[i - 1].end))
				abort();
			/* offsets fall on character boundaries */
			if (!fuzz_boundary(text.data + at, n, m[i].start) || !fuzz_boundary(text.data + at, n, m[i].end))
				abort();
			/* every mention has a value, and its bytes can be read (ASan checks) */
			if (m[i].vlen == 0 || memchr(values + m[i].value, '\n', m[i].vlen))
				abort();
		}
		at += n + 1;
	}
	return 0;
}
