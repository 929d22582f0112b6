/* Parsing and querying cut-style field lists. */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "fieldlist.h"
#include "mem.h"

#define FIELD_MAX 1000000	/* beyond any real record, and a bound on memory */

static int
number(const char **s, size_t *v, const char **why)
{
	char *end;
	unsigned long long n;

	if (!isdigit((unsigned char)**s)) {
		*why = "expected a field number";
		return -1;
	}
	errno = 0;
	n = strtoull(*s, &end, 10);
	if (n == 0) {
		*why = "fields are numbered from 1";
		return -1;
	}
	if (errno || n > FIELD_MAX) {
		*why = "field number too large";
		return -1;
	}
	*v = (size_t)n;
	*s = end;
	return 0;
}

int
fieldlist_parse(struct fieldlist *fl, const char *spec, const char **why)
{
	const char *s = spec;

	memset(fl, 0, sizeof *fl);
	if (!*s) {
		*why = "empty field list";
		return -1;
	}
	for (;;) {
		size_t lo = 1, hi = 0;	/* hi 0: open range */
		int has_lo = *s != '-';

		if (has_lo && number(&s, &lo, why) < 0)
			goto bad;
		if (*s == '-') {
			s++;
			if (*s && *s != ',' && number(&s, &hi, why) < 0)
				goto bad;
			if (!has_lo && !hi) {
				*why = "a range needs at least one end";
				goto bad;
			}
			if (hi && hi < lo) {
				*why = "decreasing range";
				goto bad;
			}
		} else
			hi = lo;
		if (hi == 0) {
			if (!fl->open_from || lo < fl->open_from)
				fl->open_from = lo;
		} else {
			if (hi > fl->max) {
				fl->chosen = xrealloc(fl->chosen, hi + 1);
				memset(fl->chosen + fl->max + 1, 0, hi - fl->max);
				fl->max = hi;
			}
			memset(fl->chosen + lo, 1, hi - lo + 1);
		}
		if (*s == '\0')
			return 0;
		if (*s != ',') {
			*why = "expected ',' or '-'";
			goto bad;
		}
		s++;
	}
bad:
	fieldlist_free(fl);
	return -1;
}

int
fieldlist_has(const struct fieldlist *fl, size_t field)
{
	if (fl->open_from && field >= fl->open_from)
		return 1;
	return field <= fl->max && fl->chosen[field];
}

size_t
fieldlist_need(const struct fieldlist *fl)
{
	size_t need = fl->max;

	if (fl->open_from > need)
		need = fl->open_from;
	return need;
}

void
fieldlist_free(struct fieldlist *fl)
{
	free(fl->chosen);
	memset(fl, 0, sizeof *fl);
}
