/* Lookup of the data files linked into the program. */
#include <string.h>

#include "data.h"

/* Emitted by scripts/embed-data: one entry per file, ended by a NULL name. */
extern const struct {
	const char *name, *start, *end;
} data_table[];

const struct blob *
data_find(const char *name)
{
	static _Thread_local struct blob found;	/* taggers of several threads load their lists */

	for (size_t i = 0; data_table[i].name; i++)
		if (strcmp(data_table[i].name, name) == 0) {
			found.name = data_table[i].name;
			found.data = data_table[i].start;
			found.len = (size_t)(data_table[i].end - data_table[i].start);
			return &found;
		}
	return NULL;
}

int
data_next_line(const struct blob *b, size_t *pos, struct line *ln)
{
	while (*pos < b->len) {
		const char *s = b->data + *pos;
		const char *nl = memchr(s, '\n', b->len - *pos);
		size_t len = nl ? (size_t)(nl - s) : b->len - *pos;

		*pos += len + (nl != NULL);
		if (len > 0 && s[len - 1] == '\r')
			len--;
		if (len == 0 || s[0] == '#')
			continue;
		ln->data = (char *)s;
		ln->len = len;
		return 1;
	}
	return 0;
}
