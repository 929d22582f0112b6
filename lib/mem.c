/* Checked allocation. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "diag.h"
#include "mem.h"

void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (!p)
		die("out of memory (%zu bytes)", n);
	return p;
}

void *
xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (!p)
		die("out of memory (%zu x %zu bytes)", n, size);
	return p;
}

void *
xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		die("out of memory (%zu bytes)", n);
	return p;
}

void *
xgrow(void *p, size_t *cap, size_t need, size_t size)
{
	size_t c = *cap ? *cap : 16;

	if (need <= *cap)
		return p;
	while (c < need) {
		if (c > SIZE_MAX / 2 / size)
			die("out of memory (%zu items)", need);
		c *= 2;
	}
	*cap = c;
	return xrealloc(p, c * size);
}

void
huge_pages(void *p, size_t n)
{
#ifdef MADV_HUGEPAGE
	const uintptr_t huge = (uintptr_t)2 << 20;
	uintptr_t from = ((uintptr_t)p + huge - 1) & ~(huge - 1), to = ((uintptr_t)p + n) & ~(huge - 1);

	if (n >= 2 * huge && to > from)
		madvise((void *)from, to - from, MADV_HUGEPAGE);	/* a hint: its failure changes nothing */
#else
	(void)p;
	(void)n;
#endif
}

void *
pages_alloc(struct pages *p, size_t bytes)
{
	size_t huge = (size_t)2 << 20, whole = (bytes + huge - 1) / huge * huge;
	uintptr_t at;

	if (bytes < PAGES_MIN) {
		p->len = 0;
		return p->base = xcalloc(1, bytes ? bytes : 1);
	}
	p->len = whole + huge;
	p->base = mmap(NULL, p->len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p->base == MAP_FAILED)
		die("out of memory (%zu bytes)", bytes);
	at = ((uintptr_t)p->base + huge - 1) & ~(uintptr_t)(huge - 1);
#ifdef MADV_HUGEPAGE
	madvise((void *)at, whole, MADV_HUGEPAGE);	/* a hint: refused, nothing changes */
#endif
	return (void *)at;
}

void
pages_free(struct pages *p)
{
	if (p->base && p->len == 0)
		free(p->base);
	else if (p->base)
		munmap(p->base, p->len);
	p->base = NULL;
}

char *
xstrndup(const char *s, size_t n)
{
	char *d = xmalloc(n + 1);

	memcpy(d, s, n);
	d[n] = '\0';
	return d;
}
