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

#endif
