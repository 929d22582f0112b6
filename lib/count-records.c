/*
 * A record read into its key, group, weights and distinct value
 * (counter_add): its fields split 16 bytes at a time, the chosen ones
 * taken as a span of the line or copied; a malformed record reported and
 * skipped.  The key goes on to a chunk for exact counting (count-exact.c)
 * or to the Space-Saving summary (count-summary.c).
 */
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "count-impl.h"
#include "utf8.h"

#define SHOW_BAD 10		/* malformed records reported one by one per input */

/* The first TAB in [p, end), or end: 8 bytes at a time (fields are short, memchr's call costs more). */
static inline const char *
find_tab(const char *p, const char *end)
{
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	while (end - p >= 8) {
		uint64_t w, x, t;

		memcpy(&w, p, 8);
		x = w ^ 0x0909090909090909ULL;
		t = (x - 0x0101010101010101ULL) & ~x & 0x8080808080808080ULL;
		if (t)	/* the lowest flagged byte is a true TAB (little-endian) */
			return p + (__builtin_ctzll(t) >> 3);
		p += 8;
	}
#endif
	while (p < end && *p != '\t')
		p++;
	return p;
}

/* Split the record [p, end) into fstart/fend up to field c->split; returns the fields found. */
static size_t
split_fields(struct counter *c, const char *p, const char *end)
{
	const char *q = p;	/* the TABs before q are taken */
	size_t nf = 0;

#ifdef __SSE2__
	/*
	 * The TABs of 16 bytes at a time, as a bit mask: records have many
	 * short fields.  The last 1 to 16 bytes are the record's last 16,
	 * less those already seen: no byte-wise loop at its end.
	 */
	const __m128i tabs = _mm_set1_epi8('\t');

	if (end - p >= 16) {
		for (;;) {
			size_t left = (size_t)(end - q);
			unsigned m = left >= 16 ?
			    (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)q), tabs)) :
			    (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(end - 16)), tabs)) >> (16 - left);

			for (; m; m &= m - 1) {
				const char *tab = q + __builtin_ctz(m);

				nf++;
				c->fstart[nf] = p;
				c->fend[nf] = tab;
				p = tab + 1;
				if (nf == c->split)
					return nf;
			}
			if (left <= 16)
				break;
			q += 16;
		}
		nf++;
		c->fstart[nf] = p;
		c->fend[nf] = end;
		return nf;
	}
#endif
	for (;;) {
		const char *tab = find_tab(q, end);

		nf++;
		c->fstart[nf] = p;
		c->fend[nf] = tab;
		if (tab == end || nf == c->split)
			return nf;
		p = q = tab + 1;
	}
}

/* A key built from fields: a span of the line while they are adjacent, else copied. */
struct keyspan {
	const char *s;
	size_t n;
	int started, copied;
	struct buf *b;
};

static inline void
span_add(struct keyspan *k, const char *p, size_t n)
{
	if (!k->started) {
		k->s = p;
		k->n = n;
		k->started = 1;
	} else if (!k->copied && k->s + k->n + 1 == p) {
		k->n = (size_t)(p + n - k->s);
	} else {
		if (!k->copied) {
			k->b->len = 0;
			buf_add(k->b, k->s, k->n);
			k->copied = 1;
		}
		buf_addc(k->b, '\t');
		buf_add(k->b, p, n);
	}
}

/* Append the fields s chooses to b, TAB between them (the record has nf fields and ends at end). */
static void
append_fields(const struct counter *c, const struct sel *s, struct buf *b, size_t nf, const char *end)
{
	int first = 1;

	for (size_t k = 0; k < s->npick && s->pick[k] <= nf; k++) {
		size_t i = s->pick[k];

		if (!first)
			b->data[b->len++] = '\t';
		first = 0;
		bytes_copy(b->data + b->len, c->fstart[i], (size_t)(c->fend[i] - c->fstart[i]));
		b->len += (size_t)(c->fend[i] - c->fstart[i]);
	}
	if (s->open_from && s->open_from <= nf) {
		size_t n = (size_t)(end - c->fstart[s->open_from]);

		if (!first)
			b->data[b->len++] = '\t';
		memcpy(b->data + b->len, c->fstart[s->open_from], n);
		b->len += n;
	}
}

/* The fields s chooses of a record split into nf fields (line ends at end). */
static void
select_fields(const struct counter *c, const struct sel *s, struct keyspan *k, size_t nf, const char *end)
{
	size_t last = s->max < nf ? s->max : nf;

	if (s->open_from && last >= s->open_from)
		last = s->open_from - 1;
	for (size_t i = 1; i <= last; i++)
		if (s->chosen[i])
			span_add(k, c->fstart[i], (size_t)(c->fend[i] - c->fstart[i]));
	if (s->open_from && s->open_from <= nf)
		span_add(k, c->fstart[s->open_from], (size_t)(end - c->fstart[s->open_from]));
}

static int
parse_weight(const char *p, size_t n, uint64_t *w)
{
	uint64_t v = 0;

	if (n == 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		unsigned d = (unsigned char)p[i] - '0';

		if (d > 9 || __builtin_mul_overflow(v, 10, &v) || __builtin_add_overflow(v, d, &v))
			return -1;
	}
	*w = v;
	return 0;
}

/* Report record `lineno` of input `name` (the first SHOW_BAD of an input); returns 1, counter_add's status. */
static int __attribute__((format(printf, 4, 5)))
malformed(struct counter *c, const char *name, unsigned long lineno, const char *fmt, ...)
{
	char why[128];
	va_list ap;

	if (++c->bad > SHOW_BAD)
		return 1;
	va_start(ap, fmt);
	vsnprintf(why, sizeof why, fmt, ap);
	va_end(ap);
	warn("%s:%lu: %s", name, lineno, why);
	return 1;
}

int
counter_add(struct counter *c, const char *name, unsigned long lineno, const char *line, size_t len)
{
	const char *key = line, *end = line + len;
	size_t klen = len, nf = 0;
	uint64_t w = 1, w2 = 0;
	uint32_t vid = 0, gid = 0;

	if (!c->whole) {
		nf = split_fields(c, line, end);
		if (nf < c->need)
			return malformed(c, name, lineno, "%zu field%s, want at least %zu", nf, nf == 1 ? "" : "s", c->need);
		if (c->spec.weight) {
			const char *f = c->fstart[c->spec.weight];
			size_t n = (size_t)(c->fend[c->spec.weight] - f);

			if (parse_weight(f, n, &w) < 0)
				return malformed(c, name, lineno, "weight is not a number: %.*s", (int)utf8_cut(f, n, 40), f);
		}
		if (c->spec.weight2) {
			const char *f = c->fstart[c->spec.weight2];
			size_t n = (size_t)(c->fend[c->spec.weight2] - f);

			if (parse_weight(f, n, &w2) < 0)
				return malformed(c, name, lineno, "distinct count is not a number: %.*s", (int)utf8_cut(f, n, 40), f);
		}
		/* No count or total can overflow later (in the counting thread) if the sums of all weights do not. */
		if (c->spec.weight && (c->wsum + w < w || c->w2sum + w2 < w2))
			return malformed(c, name, lineno, "the weights add up beyond 2^64-1");
		c->wsum += w;
		c->w2sum += w2;
		if (c->ss) {
			struct keyspan k = { .b = &c->keybuf };

			select_fields(c, &c->key, &k, nf, end);
			key = k.copied ? c->keybuf.data : k.s;
			klen = k.copied ? c->keybuf.len : k.n;
		}
		if (c->spec.by) {
			struct keyspan g = { .b = &c->groupbuf };

			select_fields(c, &c->by, &g, nf, end);
			gid = (uint32_t)table_intern(&c->groups, g.copied ? c->groupbuf.data : g.s,
			    g.copied ? c->groupbuf.len : g.n, NULL);
		}
		if (c->spec.distinct) {
			size_t d = c->spec.distinct;

			vid = (uint32_t)table_intern(&c->values, c->fstart[d], (size_t)(c->fend[d] - c->fstart[d]), NULL);
			pairset_add(&c->gpairs, ((uint64_t)(gid + 1) << 32) | vid);	/* for the totals */
		}
	}
	if (c->ss) {
		ss_add(c->ss, key, klen, w);
		return 0;
	}

	struct chunk *ch = &c->chunk[c->fill];
	struct pending *pd = &ch->pend[ch->n++];

	/* The key goes straight to the chunk: a record's fields take at most its length. */
	if (ch->keys.cap - ch->keys.len < len + sizeof gid + 1)
		buf_reserve(&ch->keys, len + sizeof gid + 1);
	pd->off = (uint32_t)ch->keys.len;
	if (c->spec.by)
		buf_add(&ch->keys, &gid, sizeof gid);
	if (c->whole)
		buf_add(&ch->keys, line, len);
	else
		append_fields(c, &c->key, &ch->keys, nf, end);
	pd->len = (uint32_t)(ch->keys.len - pd->off);
	if (ch->hashed)
		pd->h = hash_bytes(ch->keys.data + pd->off, pd->len);
	pd->w = w;
	pd->w2 = w2;
	pd->vid = vid;
	if (ch->n == CHUNK || ch->keys.len > (1u << 20))
		submit_chunk(c);
	return 0;
}

void
counter_end_input(struct counter *c, const char *name)
{
	if (c->bad > SHOW_BAD)
		warn("%s: %lu more malformed records skipped", name, c->bad - SHOW_BAD);
	c->bad = 0;
}
