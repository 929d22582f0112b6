/* cut-style field lists: "2,5-7", "3-", "-4"; fields count from 1. */
#ifndef FIELDLIST_H
#define FIELDLIST_H

#include <stddef.h>

struct fieldlist {
	unsigned char *chosen;	/* chosen[i] for fields 1..max */
	size_t max;		/* highest field named by a closed range */
	size_t open_from;	/* every field from here on (0: none) */
};

/* Parse spec; on error returns -1 and points *why at a reason. */
int fieldlist_parse(struct fieldlist *fl, const char *spec, const char **why);
int fieldlist_has(const struct fieldlist *fl, size_t field);
/* The fewest fields a record needs to hold every chosen field it can name. */
size_t fieldlist_need(const struct fieldlist *fl);
void fieldlist_free(struct fieldlist *fl);

#endif
