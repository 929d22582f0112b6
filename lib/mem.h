/* Allocation that never returns NULL: out of memory ends the program. */
#ifndef MEM_H
#define MEM_H

#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
/* Grow an array of `size`-byte items to hold at least `need`; doubles. */
void *xgrow(void *p, size_t *cap, size_t need, size_t size);
char *xstrndup(const char *s, size_t n);
/*
 * Ask for huge pages under a large block not yet touched (where the
 * system leaves it to the program, as Debian does): a page fault per 2 MB
 * instead of per 4 KB, and fewer TLB misses in a large hash table.  Page
 * faults are slow on virtual machines: a sixth of count-values' time.
 */
void huge_pages(void *p, size_t n);

/*
 * The memory of a table read at random (the name tagger's model and its
 * cache of words, phrase tables, keymaps): from PAGES_MIN bytes on, pages
 * of its own, zero until first touched, aligned to 2 MB and in pages of
 * 2 MB where the system gives them when asked (MADV_HUGEPAGE): a TLB entry
 * then covers 2 MB instead of 4 KB, and a table of megabytes costs a few
 * page faults instead of one per 4 KB (a calloc block of 2-4 MB holds no
 * whole 2 MB page).  A smaller table comes from malloc, where a page of
 * 2 MB would be mostly waste.
 */
#define PAGES_MIN ((size_t)1 << 20)
struct pages {
	void *base;
	size_t len;		/* of the mapping; 0: base is malloc's */
};
/* Zero bytes for a table; out of memory ends the program. */
void *pages_alloc(struct pages *p, size_t bytes);
void pages_free(struct pages *p);

#endif
