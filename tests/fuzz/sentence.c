/* Fuzz target: white-space folding and sentence splitting (lib/sentence.c), both languages. */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "sentence.h"
#include "utf8.h"

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	static struct sentence_rules *rules[2];
	static struct sentence_memory *memory;
	static struct buf text, folded;
	static struct sentence *sent;
	static size_t cap;
	size_t n, at = 0;

	if (!rules[0]) {
		rules[0] = sentence_rules_new("id");
		rules[1] = sentence_rules_new("en");
		memory = sentence_memory_new();
	}
	if (size == 0)
		return 0;
	/* the splitter reads what the record reader gives: valid UTF-8 */
	text.len = 0;
	utf8_repair(&text, (const char *)data + 1, size - 1);
	folded.len = 0;
	sentence_fold(&folded, text.data, text.len);
	if (data[0] & 2)
		sentence_memory_forget(memory);
	n = sentence_split(rules[data[0] & 1], data[0] & 4 ? memory : NULL, folded.data, folded.len,
	    &sent, &cap);
	/* lossless: the sentences tile the folded text, one space between them */
	for (size_t k = 0; k < n; k++) {
		if (sent[k].start != at || sent[k].end <= sent[k].start || sent[k].end > folded.len)
			abort();
		if (folded.data[sent[k].start] == ' ' || folded.data[sent[k].end - 1] == ' ')
			abort();
		at = sent[k].end;
		if (k + 1 < n) {
			if (folded.data[at] != ' ')
				abort();
			at++;
		}
	}
	if (at != folded.len)
		abort();
	return 0;
}
