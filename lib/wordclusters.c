/*
 * Word clusters: divisive exchange clustering of the lower-case words of
 * raw text (one sentence a line) under the class-bigram likelihood of Brown
 * et al.  Every level splits each class in two, words moving between the
 * two halves of their class until none gains, so each word ends with a bit
 * string whose prefixes are coarser classes.  Words met fewer than
 * CLUSTER_MIN times are left out.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "hash.h"
#include "mem.h"
#include "nerfeat.h"
#include "out.h"
#include "record.h"
#include "token.h"
#include "wordclusters.h"

#define CLUSTER_MIN 2

struct clustering {
	struct table words;
	size_t *count;
	size_t ccap;
	uint32_t *seq;		/* word ids, UINT32_MAX between sentences */
	size_t nseq, seqcap;
};

static int
read_text(struct reader *r, void *ctx)
{
	struct clustering *cl = ctx;
	struct line ln;
	struct token *tok = NULL;
	size_t cap = 0;
	struct buf b = { 0 };

	while (reader_line(r, &ln)) {
		size_t n = tokenize(ln.data, ln.len, &tok, &cap);

		for (size_t i = 0; i < n; i++) {
			size_t id;

			b.len = 0;
			nerf_lower(&b, ln.data + tok[i].start, tok[i].end - tok[i].start);
			id = table_intern(&cl->words, b.data, b.len, NULL);
			cl->count = xgrow(cl->count, &cl->ccap, id + 1, sizeof *cl->count);
			cl->seq = xgrow(cl->seq, &cl->seqcap, cl->nseq + 2, sizeof *cl->seq);
			cl->seq[cl->nseq++] = (uint32_t)id;
		}
		if (n > 0) {
			cl->seq = xgrow(cl->seq, &cl->seqcap, cl->nseq + 1, sizeof *cl->seq);
			cl->seq[cl->nseq++] = UINT32_MAX;
		}
	}
	free(tok);
	buf_free(&b);
	return 0;
}

static const struct clustering *sorting;

/* Falling count, then the word's bytes. */
static int
by_count(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b, lx, ly;
	const char *kx, *ky;

	if (sorting->count[x] != sorting->count[y])
		return sorting->count[x] > sorting->count[y] ? -1 : 1;
	kx = table_key(&sorting->words, x, &lx);
	ky = table_key(&sorting->words, y, &ly);
	return bytes_order(kx, lx, ky, ly);
}

static int
cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return (x > y) - (x < y);
}

static double
xlogx(int64_t x)
{
	return x > 0 ? (double)x * log((double)x) : 0;
}

/* A word's neighbours: (word, count) pairs. */
struct adj {
	uint32_t *v, *n;
	size_t len;
};

int
word_clusters(int argc, char **argv, int depth)
{
	struct clustering cl = { 0 };
	size_t nw, nc, nk, *wc, *order;
	uint32_t *map, *cls, fixed;
	struct adj *right, *left;
	int64_t *N, *NL, *NR, *rc, *lc;
	uint32_t *touched;

	table_init(&cl.words, 1 << 14);
	if (each_input(argc, argv, read_text, &cl) != 0) {
		free(cl.seq);
		free(cl.count);
		table_free(&cl.words);
		return 1;
	}
	memset(cl.count, 0, cl.ccap * sizeof *cl.count);
	for (size_t i = 0; i < cl.nseq; i++)
		if (cl.seq[i] != UINT32_MAX)
			cl.count[cl.seq[i]]++;
	/* Clustered words get ids 0..nw-1 by falling count, then key; the rest share id nw, sentence ends nw + 1. */
	order = xmalloc((cl.words.n + 1) * sizeof *order);
	nw = 0;
	for (size_t i = 0; i < cl.words.n; i++)
		if (cl.count[i] >= CLUSTER_MIN)
			order[nw++] = i;
	sorting = &cl;
	qsort(order, nw, sizeof *order, by_count);
	map = xmalloc((cl.words.n + 2) * sizeof *map);
	for (size_t i = 0; i < cl.words.n; i++)
		map[i] = (uint32_t)nw;
	for (size_t i = 0; i < nw; i++)
		map[order[i]] = (uint32_t)i;
	fixed = (uint32_t)nw;
	wc = xcalloc(nw + 2, sizeof *wc);
	/* Neighbour lists from the sorted bigrams. */
	{
		size_t nb = cl.nseq + 1, k;
		uint64_t *bg = xmalloc(nb * sizeof *bg);
		uint32_t prev = fixed + 1;

		k = 0;
		for (size_t i = 0; i <= cl.nseq; i++) {
			uint32_t cur = i < cl.nseq && cl.seq[i] != UINT32_MAX ? map[cl.seq[i]] : fixed + 1;

			if (!(prev == fixed + 1 && cur == fixed + 1))
				bg[k++] = (uint64_t)prev << 32 | cur;
			prev = cur;
		}
		nb = k;
		right = xcalloc(nw + 2, sizeof *right);
		left = xcalloc(nw + 2, sizeof *left);
		for (int side = 0; side < 2; side++) {
			struct adj *a = side ? left : right;

			for (size_t i = 0; i < nb; i++)
				if (side)
					bg[i] = bg[i] << 32 | bg[i] >> 32;
			qsort(bg, nb, sizeof *bg, cmp_u64);
			for (size_t i = 0; i < nb;) {
				size_t j = i;
				uint32_t w = (uint32_t)(bg[i] >> 32), v = (uint32_t)bg[i];

				while (j < nb && bg[j] == bg[i])
					j++;
				a[w].v = xrealloc(a[w].v, (a[w].len + 1) * sizeof *a[w].v);
				a[w].n = xrealloc(a[w].n, (a[w].len + 1) * sizeof *a[w].n);
				a[w].v[a[w].len] = v;
				a[w].n[a[w].len++] = (uint32_t)(j - i);
				if (!side)
					wc[w] += j - i;
				i = j;
			}
		}
		free(bg);
	}
	nk = (size_t)1 << depth;
	nc = nk + 2;
	cls = xcalloc(nw + 2, sizeof *cls);
	cls[fixed] = (uint32_t)nk;
	cls[fixed + 1] = (uint32_t)nk + 1;
	N = xcalloc(nc * nc, sizeof *N);
	NL = xcalloc(nc, sizeof *NL);
	NR = xcalloc(nc, sizeof *NR);
	rc = xcalloc(nc, sizeof *rc);
	lc = xcalloc(nc, sizeof *lc);
	touched = xmalloc(2 * nc * sizeof *touched);
	for (int level = 1; level <= depth; level++) {
		/* Split: the words of each class alternate between its halves by frequency rank. */
		{
			size_t *seen = xcalloc(nk, sizeof *seen);

			for (size_t w = 0; w < nw; w++) {
				uint32_t c = cls[w];

				cls[w] = 2 * c + (uint32_t)(seen[c]++ & 1);
			}
			free(seen);
		}
		/* Class bigram counts (classes < 2^level, then the two fixed ones at nk, nk + 1). */
		memset(N, 0, nc * nc * sizeof *N);
		memset(NL, 0, nc * sizeof *NL);
		memset(NR, 0, nc * sizeof *NR);
		for (uint32_t w = 0; w < nw + 2; w++)
			for (size_t j = 0; j < right[w].len; j++) {
				uint32_t a = cls[w], b = cls[right[w].v[j]];

				N[a * nc + b] += right[w].n[j];
				NL[a] += right[w].n[j];
				NR[b] += right[w].n[j];
			}
		for (int pass = 0; pass < 20; pass++) {
			size_t moved = 0;

			for (uint32_t w = 0; w < nw; w++) {
				uint32_t c = cls[w], base = c & ~1u, best = c;
				size_t nt = 0;
				int64_t self = 0, nl = 0, nr = 0;
				double gain[2];

				/* Class counts of w's neighbours, w itself apart. */
				for (size_t j = 0; j < right[w].len; j++) {
					uint32_t v = right[w].v[j], d = cls[v];

					nl += right[w].n[j];
					if (v == w) {
						self += right[w].n[j];
						continue;
					}
					if (!rc[d] && !lc[d])
						touched[nt++] = d;
					rc[d] += right[w].n[j];
				}
				for (size_t j = 0; j < left[w].len; j++) {
					uint32_t v = left[w].v[j], d = cls[v];

					nr += left[w].n[j];
					if (v == w)
						continue;
					if (!rc[d] && !lc[d])
						touched[nt++] = d;
					lc[d] += left[w].n[j];
				}
				/* Take w out of c. */
				for (size_t t = 0; t < nt; t++) {
					uint32_t d = touched[t];

					N[c * nc + d] -= rc[d];
					N[d * nc + c] -= lc[d];
				}
				N[c * nc + c] -= self;
				NL[c] -= nl;
				NR[c] -= nr;
				for (uint32_t h = 0; h < 2; h++) {
					uint32_t k = base + h;
					double g = 0;
					int kin = 0;

					for (size_t t = 0; t < nt; t++) {
						uint32_t d = touched[t];

						if (d == k) {
							kin = 1;
							continue;
						}
						g += xlogx(N[k * nc + d] + rc[d]) - xlogx(N[k * nc + d]);
						g += xlogx(N[d * nc + k] + lc[d]) - xlogx(N[d * nc + k]);
					}
					g += xlogx(N[k * nc + k] + self + (kin ? rc[k] + lc[k] : 0)) - xlogx(N[k * nc + k]);
					g -= xlogx(NL[k] + nl) - xlogx(NL[k]);
					g -= xlogx(NR[k] + nr) - xlogx(NR[k]);
					gain[h] = g;
				}
				if (gain[1 - (c & 1)] > gain[c & 1] + 1e-9)
					best = base + (1 - (c & 1));
				moved += best != c;
				c = best;
				cls[w] = c;
				for (size_t t = 0; t < nt; t++) {
					uint32_t d = touched[t];

					N[c * nc + d] += rc[d];
					N[d * nc + c] += lc[d];
				}
				N[c * nc + c] += self;
				NL[c] += nl;
				NR[c] += nr;
				for (size_t t = 0; t < nt; t++)
					rc[touched[t]] = lc[touched[t]] = 0;
			}
			if (moved == 0)
				break;
		}
	}
	/* word<TAB>bits, in the order of the words' first appearance sorted by key. */
	{
		char bits[40];

		for (size_t i = 0; i < nw; i++) {
			size_t len;
			const char *key = table_key(&cl.words, order[i], &len);

			for (int b = 0; b < depth; b++)
				bits[b] = (char)('0' + ((cls[i] >> (depth - 1 - b)) & 1));
			out_write(key, len);
			out_char('\t');
			out_write(bits, (size_t)depth);
			out_char('\n');
		}
	}
	for (size_t w = 0; w < nw + 2; w++) {
		free(right[w].v);
		free(right[w].n);
		free(left[w].v);
		free(left[w].n);
	}
	free(right);
	free(left);
	free(N);
	free(NL);
	free(NR);
	free(rc);
	free(lc);
	free(touched);
	free(cls);
	free(wc);
	free(map);
	free(order);
	free(cl.seq);
	free(cl.count);
	table_free(&cl.words);
	return 0;
}
