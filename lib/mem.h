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

#endif
