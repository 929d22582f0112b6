/* Fuzz target: the record reader, UTF-8 repair, field splitting and escaping. */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "escape.h"
#include "fuzzlib.h"
#include "record.h"
#include "utf8.h"

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	static struct reader r;
	static struct fields fs;
	static struct buf esc;
	struct line ln;

	fuzz_stdin(data, size);
	if (reader_open(&r, "-") < 0)
		abort();
	while (reader_line(&r, &ln)) {
		if (!utf8_valid(ln.data, ln.len) || memchr(ln.data, '\n', ln.len))
			abort();	/* the reader promises valid UTF-8 lines without LF */
		fields_split(&fs, &ln);
		size_t total = fs.n - 1;

		for (size_t i = 0; i < fs.n; i++)
			total += fs.f[i].len;
		if (total != ln.len)
			abort();
		esc.len = 0;
		buf_reserve(&esc, 1);	/* never NULL, even for an empty line */
		escape_into(&esc, ln.data, ln.len);
		if (memchr(esc.data, '\t', esc.len) || memchr(esc.data, '\r', esc.len))
			abort();
		if (unescape(esc.data, esc.len) != ln.len || memcmp(esc.data, ln.data, ln.len) != 0)
			abort();	/* escaping round-trips */
	}
	reader_close(&r);
	return 0;
}
