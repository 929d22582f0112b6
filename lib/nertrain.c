/*
 * Training the name tagger: the features of every training token extracted
 * once, then an averaged structured perceptron or a linear-chain CRF over
 * them, and the model file written (its layout: lib/ner.c).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "hash.h"
#include "mem.h"
#include "nerfeat.h"
#include "nerlists.h"
#include "nertrain.h"

/* splitmix64: the shuffling's random numbers, the same on every machine. */
static uint64_t
next_random(uint64_t *state)
{
	uint64_t z = (*state += 0x9E3779B97F4A7C15ULL);

	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return z ^ (z >> 31);
}

/* The sentences' numbers in order into *order; returns the length of the longest. */
static size_t
sentence_order(const struct conll *c, size_t **order)
{
	size_t maxn = 0;

	*order = xmalloc(c->ns * sizeof **order);
	for (size_t i = 0; i < c->ns; i++) {
		(*order)[i] = i;
		if (c->s[i].n > maxn)
			maxn = c->s[i].n;
	}
	return maxn;
}

/* Fisher-Yates: every epoch sees the sentences in a new order, the same on every run. */
static void
shuffle(size_t *order, size_t n, uint64_t *seed)
{
	for (size_t i = n; i > 1; i--) {
		size_t j = next_random(seed) % i, tmp = order[i - 1];

		order[i - 1] = order[j];
		order[j] = tmp;
	}
}

struct trainer {
	const struct nertrain_options *o;
	struct table feats;	/* feature key (8 bytes) -> id */
	uint32_t *fid;		/* feature ids of every token, NERF_MAX per token slot */
	unsigned char *nf;
	unsigned char *gold;	/* the gold labels of every token as the model's (BIOES) */
	int32_t *w;		/* weights [id][label] */
	int64_t *u;		/* their updates weighted by time, for averaging */
	size_t wcap;
	int64_t tw[NERF_NLABELS + 1][NERF_NLABELS], tu[NERF_NLABELS + 1][NERF_NLABELS];
	int64_t c;		/* instances seen, from 1 */
	double *avg;		/* averaged weights [id][label], summed over the runs */
	double tavg[NERF_NLABELS + 1][NERF_NLABELS];
};

static void
extract_all(struct trainer *t, const struct conll *c, size_t folds)
{
	struct nerf_phrases *fold = xcalloc(folds + 1, sizeof *fold);
	struct nerf_scratch fs = { 0 };

	for (size_t k = 0; k < folds; k++)
		nerlists_build(&fold[k], c, folds, k);
	table_init(&t->feats, 1 << 20);
	t->fid = xmalloc(c->ntok * NERF_MAX * sizeof *t->fid);
	t->nf = xmalloc(c->ntok);
	for (size_t i = 0; i < c->ns; i++) {
		const struct conll_sentence *s = &c->s[i];

		nerf_extract(&fold[i % folds], c->text.data + s->text, c->tok + s->tok, s->n, 0, s->n, &fs);
		for (size_t j = 0; j < s->n; j++) {
			t->nf[s->tok + j] = fs.nfeat[j];
			for (unsigned k = 0; k < fs.nfeat[j]; k++)
				t->fid[(s->tok + j) * NERF_MAX + k] = (uint32_t)table_intern(&t->feats,
				    (const char *)&fs.feat[j * NERF_MAX + k], 8, NULL);
		}
	}
	t->gold = xmalloc(c->ntok);
	for (size_t i = 0; i < c->ns; i++)
		for (size_t j = 0; j < c->s[i].n; j++) {
			size_t k = c->s[i].tok + j;

			t->gold[k] = nerf_bioes(c->gold[k], j + 1 < c->s[i].n ? c->gold[k + 1] : 0);
		}
	t->w = xcalloc(t->feats.n * NERF_NLABELS, sizeof *t->w);
	t->u = xcalloc(t->feats.n * NERF_NLABELS, sizeof *t->u);
	for (size_t k = 0; k < folds; k++)
		nerf_phrases_free(&fold[k]);
	free(fold);
	nerf_scratch_free(&fs);
}

static void
update(struct trainer *t, size_t tok, unsigned y, int d)
{
	for (unsigned k = 0; k < t->nf[tok]; k++) {
		size_t id = t->fid[tok * NERF_MAX + k];

		t->w[id * NERF_NLABELS + y] += d;
		t->u[id * NERF_NLABELS + y] += d * t->c;
	}
}

static void
train(struct trainer *t, const struct conll *c, int epochs, uint64_t seed)
{
	size_t *order, maxn = sentence_order(c, &order);
	int64_t *emit;
	unsigned char *pred, *back;
	nerf_trans trans;

	emit = xmalloc(maxn * NERF_NLABELS * sizeof *emit);
	pred = xmalloc(maxn);
	back = xmalloc(maxn * NERF_NLABELS);
	t->c = 1;
	for (int e = 0; e < epochs; e++) {
		size_t errors = 0;

		shuffle(order, c->ns, &seed);
		for (size_t o = 0; o < c->ns; o++) {
			const struct conll_sentence *s = &c->s[order[o]];
			const unsigned char *gold = t->gold + s->tok;

			for (size_t j = 0; j < s->n; j++) {
				size_t tok = s->tok + j;

				for (unsigned y = 0; y < NERF_NLABELS; y++)
					emit[j * NERF_NLABELS + y] = 0;
				for (unsigned k = 0; k < t->nf[tok]; k++) {
					const int32_t *w = t->w + (size_t)t->fid[tok * NERF_MAX + k] * NERF_NLABELS;

					for (unsigned y = 0; y < NERF_NLABELS; y++)
						emit[j * NERF_NLABELS + y] += w[y];
				}
			}
			if (t->o->cost)
				for (size_t j = 0; j < s->n; j++)
					for (unsigned y = 0; y < NERF_NLABELS; y++)
						emit[j * NERF_NLABELS + y] += y != gold[j] ? t->o->cost : 0;
			memcpy(trans, t->tw, sizeof trans);
			nerf_viterbi(emit, s->n, (const int64_t (*)[NERF_NLABELS])trans, pred, back);
			if (memcmp(pred, gold, s->n) != 0) {
				for (size_t j = 0; j < s->n; j++) {
					unsigned pg = j ? gold[j - 1] : NERF_NLABELS, pp = j ? pred[j - 1] : NERF_NLABELS;

					if (gold[j] != pred[j]) {
						update(t, s->tok + j, gold[j], 1);
						update(t, s->tok + j, pred[j], -1);
						errors++;
					}
					if (pg != pp || gold[j] != pred[j]) {
						t->tw[pg][gold[j]]++;
						t->tu[pg][gold[j]] += t->c;
						t->tw[pp][pred[j]]--;
						t->tu[pp][pred[j]] -= t->c;
					}
				}
			}
			t->c++;
		}
		fprintf(stderr, "train-ner: epoch %d: %zu token errors\n", e + 1, errors);
	}
	free(order);
	free(emit);
	free(pred);
	free(back);
}

/* Add this run's averaged weights (w - u / c) to t->avg and start afresh. */
static void
accumulate(struct trainer *t)
{
	size_t n = t->feats.n * NERF_NLABELS;

	if (!t->avg)
		t->avg = xcalloc(n, sizeof *t->avg);
	for (size_t i = 0; i < n; i++)
		t->avg[i] += t->w[i] - (double)t->u[i] / (double)t->c;
	for (unsigned p = 0; p <= NERF_NLABELS; p++)
		for (unsigned y = 0; y < NERF_NLABELS; y++)
			t->tavg[p][y] += t->tw[p][y] - (double)t->tu[p][y] / (double)t->c;
	memset(t->w, 0, n * sizeof *t->w);
	memset(t->u, 0, n * sizeof *t->u);
	memset(t->tw, 0, sizeof t->tw);
	memset(t->tu, 0, sizeof t->tu);
}

/*
 * The linear-chain CRF (--crf): maximum conditional log-likelihood of the
 * gold labels, the BIOES constraint a hard mask of the transitions and of
 * the last label, minus l2 / 2 times the squared weights, by stochastic
 * gradient ascent, one sentence a step.  The weights are kept as s * v, so the L2 decay of a step
 * is one multiplication of s; the iterates of the steps after the first
 * epoch are averaged (v * S - u, as the perceptron's).  The transitions are
 * the last (NERF_NLABELS + 1) * NERF_NLABELS weights.
 */
#define CRF_RATE 0.1		/* the learning rate of the first step */

static double
logsumexp(const double *x, size_t n)
{
	double m = -INFINITY, sum = 0;

	for (size_t i = 0; i < n; i++)
		if (x[i] > m)
			m = x[i];
	if (m == -INFINITY)
		return m;
	for (size_t i = 0; i < n; i++)
		sum += exp(x[i] - m);
	return m + log(sum);
}

/*
 * Marginals of the labels of n tokens (mu[j * L + y]) and of the label pairs
 * (pair[j * (L + 1) * L + p * L + y]: p before y at j, p = L the start at 0)
 * under emissions e and transitions tr; a and b are scratch of n * L.
 */
static double
forward_backward(const double *e, size_t n, const double tr[NERF_NLABELS + 1][NERF_NLABELS],
    double *a, double *b, double *mu, double *pair)
{
	enum { L = NERF_NLABELS };
	double x[L], z;

	for (unsigned y = 0; y < L; y++)
		a[y] = nerf_allowed(L, y) ? tr[L][y] + e[y] : -INFINITY;
	for (size_t j = 1; j < n; j++)
		for (unsigned y = 0; y < L; y++) {
			for (unsigned p = 0; p < L; p++)
				x[p] = nerf_allowed(p, y) ? a[(j - 1) * L + p] + tr[p][y] : -INFINITY;
			a[j * L + y] = logsumexp(x, L) + e[j * L + y];
		}
	for (unsigned y = 0; y < L; y++)
		b[(n - 1) * L + y] = nerf_may_end(y) ? 0 : -INFINITY;
	for (size_t j = n - 1; j > 0; j--)
		for (unsigned p = 0; p < L; p++) {
			for (unsigned y = 0; y < L; y++)
				x[y] = nerf_allowed(p, y) ? tr[p][y] + e[j * L + y] + b[j * L + y] : -INFINITY;
			b[(j - 1) * L + p] = logsumexp(x, L);
		}
	for (unsigned y = 0; y < L; y++)
		x[y] = a[(n - 1) * L + y] + b[(n - 1) * L + y];
	z = logsumexp(x, L);
	for (size_t j = 0; j < n; j++) {
		double *pp = pair + j * (L + 1) * L;

		for (unsigned y = 0; y < L; y++)
			mu[j * L + y] = exp(a[j * L + y] + b[j * L + y] - z);
		for (unsigned p = 0; p <= L; p++)
			for (unsigned y = 0; y < L; y++) {
				double prev = j == 0 ? (p == L ? 0 : -INFINITY) : (p == L ? -INFINITY : a[(j - 1) * L + p]);

				pp[p * L + y] = nerf_allowed(p, y) && prev > -INFINITY ?
				    exp(prev + tr[p][y] + e[j * L + y] + b[j * L + y] - z) : 0;
			}
	}
	return z;
}

struct crf {
	double *v, *u;		/* weights / s; updates times the S of their step */
	double s, sum;		/* the scale; S, the sum of the scales of the averaged steps */
	size_t nw;		/* weights: features * labels, then the transitions */
	double *e, *a, *b, *mu, *pair;
};

/* v[i] += d (in units of s), remembered for the average. */
static inline void
crf_add(struct crf *m, size_t i, double d)
{
	m->v[i] += d;
	m->u[i] += d * m->sum;
}

static double
crf_step(struct crf *m, const struct trainer *t, const struct conll_sentence *st,
    double eta, double lambda, int averaging)
{
	enum { L = NERF_NLABELS };
	const unsigned char *gold = t->gold + st->tok;
	const double *vt = m->v + m->nw - (L + 1) * L;
	double tr[L + 1][L], g, ll = 0;
	size_t n = st->n;

	for (size_t j = 0; j < n; j++) {
		size_t tok = st->tok + j;

		for (unsigned y = 0; y < L; y++)
			m->e[j * L + y] = 0;
		for (unsigned k = 0; k < t->nf[tok]; k++) {
			const double *v = m->v + (size_t)t->fid[tok * NERF_MAX + k] * L;

			for (unsigned y = 0; y < L; y++)
				m->e[j * L + y] += v[y];
		}
		for (unsigned y = 0; y < L; y++)
			m->e[j * L + y] *= m->s;
	}
	for (unsigned p = 0; p <= L; p++)
		for (unsigned y = 0; y < L; y++)
			tr[p][y] = m->s * vt[p * L + y];
	for (size_t j = 0; j < n; j++) {
		ll += m->e[j * L + gold[j]] + tr[j ? gold[j - 1] : L][gold[j]];
		for (unsigned y = 0; y < L; y++)
			m->e[j * L + y] += y != gold[j] ? (double)t->o->cost : 0;	/* softmax-margin */
	}
	ll -= forward_backward(m->e, n, (const double (*)[L])tr, m->a, m->b, m->mu, m->pair);

	/* Decay, then the gradient of the log-likelihood: observed minus expected counts. */
	m->s *= 1 - eta * lambda;
	if (m->s < 1e-9) {
		for (size_t i = 0; i < m->nw; i++)
			m->v[i] *= m->s;
		m->sum /= m->s;
		m->s = 1;
	}
	g = eta / m->s;
	for (size_t j = 0; j < n; j++) {
		size_t tok = st->tok + j, tb = m->nw - (L + 1) * L;
		double d[L];
		const double *pp = m->pair + j * (L + 1) * L;

		for (unsigned y = 0; y < L; y++)
			d[y] = g * ((y == gold[j]) - m->mu[j * L + y]);
		for (unsigned k = 0; k < t->nf[tok]; k++) {
			size_t base = (size_t)t->fid[tok * NERF_MAX + k] * L;

			for (unsigned y = 0; y < L; y++)
				crf_add(m, base + y, d[y]);
		}
		for (unsigned p = 0; p <= L; p++)
			for (unsigned y = 0; y < L; y++) {
				int obs = y == gold[j] && p == (j ? gold[j - 1] : L);

				if (obs || pp[p * L + y] > 0)
					crf_add(m, tb + p * L + y, g * (obs - pp[p * L + y]));
			}
	}
	if (averaging)
		m->sum += m->s;
	return ll;
}

static void
train_crf(struct trainer *t, const struct conll *c, int epochs, uint64_t seed, int runs)
{
	enum { L = NERF_NLABELS };
	size_t *order, maxn = sentence_order(c, &order), steps = 0, averaged = 0;
	double lambda = t->o->l2 / (double)c->ns;
	struct crf m = { 0 };

	m.nw = t->feats.n * L + (L + 1) * L;
	m.v = xcalloc(m.nw, sizeof *m.v);
	m.u = xcalloc(m.nw, sizeof *m.u);
	m.s = 1;
	m.e = xmalloc(maxn * L * sizeof *m.e);
	m.a = xmalloc(maxn * L * sizeof *m.a);
	m.b = xmalloc(maxn * L * sizeof *m.b);
	m.mu = xmalloc(maxn * L * sizeof *m.mu);
	m.pair = xmalloc(maxn * (L + 1) * L * sizeof *m.pair);
	for (int e = 0; e < epochs; e++) {
		double ll = 0;

		shuffle(order, c->ns, &seed);
		for (size_t o = 0; o < c->ns; o++) {
			double eta = CRF_RATE / (1 + CRF_RATE * lambda * (double)steps++);
			int averaging = e > 0 || epochs == 1;

			if (eta * lambda > 0.5)	/* strong --l2 on little data: the decay stays positive */
				eta = 0.5 / lambda;

			ll += crf_step(&m, t, &c->s[order[o]], eta, lambda, averaging);
			averaged += averaging;
		}
		fprintf(stderr, "train-ner: epoch %d: log-likelihood %.1f, scale %g\n", e + 1, ll, m.s);
	}
	/* The average of the iterates, (S * v - u) / steps, into t->avg and t->tavg (a mean over the runs). */
	for (size_t i = 0; i < m.nw; i++) {
		double w = (m.sum * m.v[i] - m.u[i]) / (double)averaged / runs;

		if (i < t->feats.n * L)
			t->avg[i] += w;
		else
			t->tavg[(i - t->feats.n * L) / L][(i - t->feats.n * L) % L] += w;
	}
	free(order);
	free(m.v);
	free(m.u);
	free(m.e);
	free(m.a);
	free(m.b);
	free(m.mu);
	free(m.pair);
}

struct feature {
	uint64_t key;
	int16_t w[NERF_NLABELS];
};

static int
by_key(const void *a, const void *b)
{
	uint64_t x = ((const struct feature *)a)->key, y = ((const struct feature *)b)->key;

	return (x > y) - (x < y);
}

static int
by_phrase_key(const void *a, const void *b)
{
	uint64_t x = ((const struct nerf_slot *)a)->key, y = ((const struct nerf_slot *)b)->key;

	return (x > y) - (x < y);
}

static void
put(FILE *f, const void *p, size_t n)
{
	fwrite(p, 1, n, f);
}

static void
write_model(const struct trainer *t, const struct conll *c, const char *path, double cut)
{
	struct feature *feat = xmalloc(t->feats.n * sizeof *feat);
	struct nerf_phrases all;
	struct nerf_slot *ph;
	double maxabs = 0, scale;
	size_t nf = 0, np = 0;
	uint32_t head[4];
	int16_t tq[NERF_NLABELS + 1][NERF_NLABELS];
	FILE *f;

	for (size_t i = 0; i < t->feats.n * NERF_NLABELS; i++) {
		double a = fabs(t->avg[i]);

		if (a > maxabs)
			maxabs = a;
	}
	for (unsigned p = 0; p <= NERF_NLABELS; p++)
		for (unsigned y = 0; y < NERF_NLABELS; y++) {
			double a = fabs(t->tavg[p][y]);

			if (a > maxabs)
				maxabs = a;
		}
	scale = maxabs > 0 ? 32000.0 / maxabs : 1;
	for (unsigned p = 0; p <= NERF_NLABELS; p++)
		for (unsigned y = 0; y < NERF_NLABELS; y++)
			tq[p][y] = (int16_t)lround(t->tavg[p][y] * scale);
	for (size_t id = 0; id < t->feats.n; id++) {
		size_t len;
		const char *key = table_key(&t->feats, id, &len);
		int keep = 0;

		memcpy(&feat[nf].key, key, 8);
		for (unsigned y = 0; y < NERF_NLABELS; y++) {
			double a = t->avg[id * NERF_NLABELS + y];

			feat[nf].w[y] = (int16_t)lround(a * scale);
			keep |= fabs(a) >= cut && feat[nf].w[y] != 0;
		}
		nf += keep;
	}
	qsort(feat, nf, sizeof *feat, by_key);

	nerlists_build(&all, c, 0, 0);
	ph = xmalloc((all.n + 1) * sizeof *ph);
	for (size_t i = 0; i < all.cap; i++)
		if (all.slot[i].key)
			ph[np++] = all.slot[i];
	qsort(ph, np, sizeof *ph, by_phrase_key);

	if (!(f = fopen(path, "wb")))
		die("%s:", path);
	put(f, "KBRNER1\n", 8);
	head[0] = NERF_VERSION;
	head[1] = NERF_NLABELS;
	head[2] = (uint32_t)nf;
	head[3] = (uint32_t)np;
	put(f, head, sizeof head);
	put(f, tq, sizeof tq);
	for (size_t i = 0; i < nf; i++)
		put(f, &feat[i].key, 8);
	for (size_t i = 0; i < nf; i++)
		put(f, feat[i].w, sizeof feat[i].w);
	for (size_t i = 0; i < np; i++)
		put(f, &ph[i].key, 8);
	for (size_t i = 0; i < np; i++)
		put(f, &ph[i].mask, 8);
	if (fclose(f) != 0)
		die("%s:", path);
	fprintf(stderr, "train-ner: %s: %zu of %zu features, %zu phrases, largest weight %g\n", path, nf,
	    t->feats.n, np, maxabs);
	free(feat);
	free(ph);
	nerf_phrases_free(&all);
}

void
nertrain(const struct conll *c, const struct nertrain_options *o, const char *path)
{
	struct trainer t = { .o = o };

	extract_all(&t, c, o->folds);
	for (int r = 0; r < o->runs; r++) {
		if (o->crf) {
			if (!t.avg)
				t.avg = xcalloc(t.feats.n * NERF_NLABELS, sizeof *t.avg);
			train_crf(&t, c, o->epochs, o->seed + (uint64_t)r, o->runs);
			continue;
		}
		train(&t, c, o->epochs, o->seed + (uint64_t)r);
		accumulate(&t);
	}
	/* The perceptron's averages are summed over the runs, its cut with them. */
	write_model(&t, c, path, o->crf ? o->cut : o->cut * o->runs);
	table_free(&t.feats);
	free(t.fid);
	free(t.nf);
	free(t.gold);
	free(t.w);
	free(t.u);
	free(t.avg);
}
