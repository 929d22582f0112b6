/*
 * train-ner: train the name tagger of tag-entities (a linear-chain CRF, or
 * an averaged structured perceptron, over BIOES labels decoded by
 * constrained Viterbi) on CoNLL files, deterministically; or score a model
 * on CoNLL files, as conlleval does.
 */
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "data.h"
#include "diag.h"
#include "hash.h"
#include "mem.h"
#include "ner.h"
#include "nerfeat.h"
#include "out.h"
#include "record.h"

static const char usage_text[] =
    "usage: train-ner [--crf [--l2 X] | --perceptron] [-e EPOCHS] [-r RUNS] [-k FOLDS] [-s SEED]\n"
    "                 [-p PRUNE] [-c COST] -o MODEL FILE...\n"
    "       train-ner --eval [-m MODEL] FILE...\n"
    "       train-ner --tag [-m MODEL] FILE...\n"
    "       train-ner --speed N [-m MODEL] FILE...\n"
    "       train-ner --clusters DEPTH [FILE...]\n";
static const char help_text[] =
    "Train the name tagger of tag-entities on CoNLL files (TOKEN<TAB>LABEL lines,\n"
    "a blank line after each sentence, BIO labels of PER, ORG, LOC, learnt as\n"
    "BIOES), or score a model on such files (exact spans, as conlleval counts them).\n"
    "\n"
    "  -o, --output MODEL   write the trained model to MODEL\n"
    "      --crf            train a linear-chain CRF: log-likelihood with L2 regularisation\n"
    "                       by stochastic gradient, iterates averaged (the default)\n"
    "      --l2 X           the CRF's L2 regularisation: X / 2 times the squared weights (default 3)\n"
    "      --perceptron     train an averaged structured perceptron instead\n"
    "  -e, --epochs N       passes over the training data (default 12)\n"
    "  -k, --folds N        folds for the names learnt from the data (default 10)\n"
    "  -r, --runs N         models averaged, each shuffled with its own seed (default 3)\n"
    "  -s, --seed N         seed of the shuffling of the first run (default 1)\n"
    "  -p, --prune N        drop features whose weights are all below N/1000\n"
    "                       (default 100 for the CRF, 2000 for the perceptron's integer weights)\n"
    "  -c, --cost N         in training, add N to the score of every wrong label, a margin:\n"
    "                       softmax-margin for the CRF (default 2), cost-augmented decoding\n"
    "                       for the perceptron (default 80)\n"
    "      --eval           print precision, recall and F1 per type and overall\n"
    "      --tag            print TOKEN<TAB>GOLD<TAB>PREDICTED lines, conlleval's input\n"
    "      --speed N        time loading the model and tagging the sentences N times\n"
    "  -m, --model MODEL    the model to score (default: the built-in one)\n"
    "      --clusters DEPTH cluster the words of raw text (a sentence a line) into\n"
    "                       bit strings DEPTH long: WORD<TAB>BITS lines\n";

static const char *label_name[NER_NLABELS] = { "O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC" };

/* Sentences of CoNLL files: their text (tokens joined by spaces), tokens and gold labels. */
struct sentence {
	size_t text, len;	/* bytes in corpus.text */
	size_t tok, n;		/* tokens in corpus.tok, labels in corpus.gold */
};

struct corpus {
	struct buf text;
	struct token *tok;
	unsigned char *gold;
	size_t ntok, tokcap, goldcap;
	struct sentence *s;
	size_t ns, scap;
	size_t open;		/* first token of the sentence being read */
	size_t textstart;
};

static void
end_sentence(struct corpus *c)
{
	if (c->ntok == c->open)
		return;
	c->s = xgrow(c->s, &c->scap, c->ns + 1, sizeof *c->s);
	c->s[c->ns++] = (struct sentence){ c->textstart, c->text.len - c->textstart, c->open, c->ntok - c->open };
	c->open = c->ntok;
	c->textstart = c->text.len;
}

static int
parse_label(const char *s, size_t n)
{
	for (int y = 0; y < NER_NLABELS; y++)
		if (strlen(label_name[y]) == n && memcmp(label_name[y], s, n) == 0)
			return y;
	return -1;
}

static int
read_conll(struct reader *r, void *ctx)
{
	struct corpus *c = ctx;
	struct line ln;

	while (reader_line(r, &ln)) {
		const char *tab = memchr(ln.data, '\t', ln.len);
		int y;

		if (ln.len == 0) {
			end_sentence(c);
			continue;
		}
		if (!tab || tab == ln.data || memchr(ln.data, ' ', (size_t)(tab - ln.data)))
			die("%s:%lu: want TOKEN<TAB>LABEL", r->name, r->lineno);
		y = parse_label(tab + 1, ln.len - (size_t)(tab - ln.data) - 1);
		if (y < 0)
			die("%s:%lu: unknown label '%.*s'", r->name, r->lineno,
			    (int)(ln.len - (size_t)(tab - ln.data) - 1), tab + 1);
		if ((y & 1) == 0 && y != 0 && (c->ntok == c->open || (c->gold[c->ntok - 1] != y - 1 &&
		    c->gold[c->ntok - 1] != y)))
			die("%s:%lu: %s does not follow B or I of its type", r->name, r->lineno, label_name[y]);
		if (c->ntok > c->open)
			buf_addc(&c->text, ' ');
		c->tok = xgrow(c->tok, &c->tokcap, c->ntok + 1, sizeof *c->tok);
		c->gold = xgrow(c->gold, &c->goldcap, c->ntok + 1, 1);
		c->tok[c->ntok].start = c->text.len - c->textstart;
		buf_add(&c->text, ln.data, (size_t)(tab - ln.data));
		c->tok[c->ntok].end = c->text.len - c->textstart;
		c->gold[c->ntok++] = (unsigned char)y;
	}
	end_sentence(c);
	return 0;
}

static void
read_corpus(struct corpus *c, int argc, char **argv)
{
	memset(c, 0, sizeof *c);
	if (each_input(argc, argv, read_conll, c) != 0)
		exit(1);
	if (c->ns == 0)
		die("no sentences in the input");
}

static void
corpus_free(struct corpus *c)
{
	buf_free(&c->text);
	free(c->tok);
	free(c->gold);
	free(c->s);
}

/* Add phrase s[0..n) in the tagger's form: tokens lower-cased, joined by single spaces. */
static void
add_phrase(struct nerf_phrases *p, const char *s, size_t n, uint64_t mask)
{
	static struct token *tok;
	static size_t cap;
	static struct buf b;
	size_t nt = tokenize(s, n, &tok, &cap);

	if (nt == 0 || nt > NERF_MAXPHRASE)
		return;
	b.len = 0;
	for (size_t i = 0; i < nt; i++) {
		if (i > 0)
			buf_addc(&b, ' ');
		nerf_lower(&b, s + tok[i].start, tok[i].end - tok[i].start);
	}
	nerf_phrases_add(p, b.data, b.len, mask);
}

/* The field'th comma-separated field of a CSV line (no quoting in these files). */
static int
csv_field(const struct line *ln, int field, struct line *f)
{
	const char *s = ln->data, *end = ln->data + ln->len;

	for (int i = 0; i < field; i++) {
		const char *comma = memchr(s, ',', (size_t)(end - s));

		if (!comma)
			return 0;
		s = comma + 1;
	}
	f->data = (char *)s;
	f->len = (size_t)(end - s);
	return 1;
}

static const struct blob *
need_blob(const char *name)
{
	const struct blob *b = data_find(name);

	if (!b)
		die("built-in data %s is missing", name);
	return b;
}

/* The built-in gazetteers and cue lists. */
/* The phrases of file, one a line, of class c. */
static void
add_list(struct nerf_phrases *p, const char *file, unsigned c)
{
	const struct blob *b = need_blob(file);
	struct line ln;
	size_t pos = 0;

	while (data_next_line(b, &pos, &ln))
		add_phrase(p, ln.data, ln.len, 1ull << c);
}

/* The phrases of file, lines CLASS<TAB>PHRASE: CLASS is name[c], the phrase class first + c. */
static void
add_classed(struct nerf_phrases *p, const char *file, const char *const *name, size_t n, unsigned first)
{
	const struct blob *b = need_blob(file);
	struct line ln;
	size_t pos = 0;

	while (data_next_line(b, &pos, &ln)) {
		const char *tab = memchr(ln.data, '\t', ln.len);
		size_t c;

		for (c = 0; tab && c < n; c++)
			if (strlen(name[c]) == (size_t)(tab - ln.data) && memcmp(name[c], ln.data, (size_t)(tab - ln.data)) == 0)
				break;
		if (!tab || c == n)
			die("%s: want CLASS<TAB>PHRASE, CLASS one of %s ...: %.*s", file, name[0], (int)ln.len, ln.data);
		add_phrase(p, tab + 1, ln.len - (size_t)(tab + 1 - ln.data), 1ull << (first + c));
	}
}

/* A rank bucket of ner-freq.tsv, 0 to 15; -1 if the field is none. */
static int
rank_bucket(const struct line *f)
{
	int v = 0;

	if (f->len < 1 || f->len > 2)
		return -1;
	for (size_t i = 0; i < f->len; i++) {
		if (f->data[i] < '0' || f->data[i] > '9')
			return -1;
		v = v * 10 + (f->data[i] - '0');
	}
	return v <= 15 ? v : -1;
}

static void
add_builtin(struct nerf_phrases *p)
{
	static const struct { const char *file; int field; uint32_t class; } gaz[] = {
		{ "gazetteer-provinces.csv", 1, NERC_PROVINCE },
		{ "gazetteer-regencies.csv", 2, NERC_REGENCY },
		{ "gazetteer-districts.csv", 2, NERC_DISTRICT },
	};
	static const char *const cue_class[] = { "title", "orgcue", "loccue", "orgend", "locend" };
	static const char *const wordnet_class[] = { "per", "org", "loc", "fac" };
	const struct blob *b;
	struct line ln, f;
	struct fields fs = { 0 };
	size_t pos;

	for (size_t g = 0; g < sizeof gaz / sizeof gaz[0]; g++) {
		b = need_blob(gaz[g].file);
		pos = 0;
		data_next_line(b, &pos, &ln);	/* the header */
		while (data_next_line(b, &pos, &ln)) {
			if (!csv_field(&ln, gaz[g].field, &f))
				continue;
			add_phrase(p, f.data, f.len, 1u << gaz[g].class);
			/* Regencies are met without their Kabupaten or Kota too. */
			if (f.len > 10 && memcmp(f.data, "Kabupaten ", 10) == 0)
				add_phrase(p, f.data + 10, f.len - 10, 1u << gaz[g].class);
			else if (f.len > 5 && memcmp(f.data, "Kota ", 5) == 0)
				add_phrase(p, f.data + 5, f.len - 5, 1u << gaz[g].class);
		}
	}
	add_classed(p, "ner-cues.txt", cue_class, sizeof cue_class / sizeof *cue_class, NERC_TITLE);
	add_classed(p, "ner-wordnet.tsv", wordnet_class, sizeof wordnet_class / sizeof *wordnet_class, NERC_WNPER);
	add_list(p, "ner-places.txt", NERC_PLACE);
	add_list(p, "ner-cities.txt", NERC_CITY);
	add_list(p, "ner-en-names.txt", NERC_ENNAME);
	add_list(p, "ner-id-given.txt", NERC_IDGIVEN);
	add_list(p, "ner-given.txt", NERC_GIVEN);
	add_list(p, "ner-id-names.txt", NERC_IDNAME);
	add_list(p, "gazetteer-villages.txt", NERC_VILLAGE);
	b = need_blob("ner-clusters.tsv");
	pos = 0;
	while (data_next_line(b, &pos, &ln)) {
		const char *tab = memchr(ln.data, '\t', ln.len);
		uint64_t bits = 0;

		if (!tab || ln.len - (size_t)(tab + 1 - ln.data) != NERC_CLUSTER_DEPTH)
			die("ner-clusters.tsv: want WORD<TAB>BITS, %d bits: %.*s", NERC_CLUSTER_DEPTH,
			    (int)ln.len, ln.data);
		for (const char *d = tab + 1; d < ln.data + ln.len; d++)
			bits = bits << 1 | (*d == '1');
		add_phrase(p, ln.data, (size_t)(tab - ln.data), bits << NERC_CLUSTER_SHIFT | NERC_HASCLUSTER);
	}
	b = need_blob("ner-propn.tsv");
	pos = 0;
	while (data_next_line(b, &pos, &ln)) {
		const char *tab = memchr(ln.data, '\t', ln.len);

		if (!tab || ln.len - (size_t)(tab - ln.data) != 2 || (tab[1] != 'p' && tab[1] != 'o'))
			die("ner-propn.tsv: want WORD<TAB>p or o: %.*s", (int)ln.len, ln.data);
		add_phrase(p, ln.data, (size_t)(tab - ln.data), 1u << (tab[1] == 'p' ? NERC_PROPN : NERC_NOTPROPN));
	}
	b = need_blob("ner-freq.tsv");
	pos = 0;
	while (data_next_line(b, &pos, &ln)) {
		int wiki, subs;

		fields_split(&fs, &ln);
		if (fs.n != 3 || (wiki = rank_bucket(&fs.f[1])) < 0 || (subs = rank_bucket(&fs.f[2])) < 0)
			die("ner-freq.tsv: want WORD<TAB>0-15<TAB>0-15: %.*s", (int)ln.len, ln.data);
		add_phrase(p, fs.f[0].data, fs.f[0].len, (uint64_t)(wiki << 4 | subs) << NERC_FREQ_SHIFT);
	}
	fields_free(&fs);
}

/* The names of sentence s as phrases of their type, their capitalised words as words of their type. */
static void
add_learnt(struct nerf_phrases *p, const struct corpus *c, const struct sentence *s)
{
	const char *text = c->text.data + s->text;
	const struct token *tok = c->tok + s->tok;
	const unsigned char *gold = c->gold + s->tok;

	for (size_t i = 0; i < s->n; i++) {
		size_t j;
		unsigned type;

		if (text[tok[i].start] >= 'a' && text[tok[i].start] <= 'z')
			add_phrase(p, text + tok[i].start, tok[i].end - tok[i].start, 1u << NERC_COMMON);
		if (gold[i] == 0 || (gold[i] & 1) == 0)
			continue;
		type = (gold[i] - 1) / 2;
		for (j = i + 1; j < s->n && gold[j] == gold[i] + 1; j++)
			;
		add_phrase(p, text + tok[i].start, tok[j - 1].end - tok[i].start, 1u << (NERC_PER + type));
		for (size_t k = i; k < j; k++)
			if (text[tok[k].start] >= 'A' && text[tok[k].start] <= 'Z')
				add_phrase(p, text + tok[k].start, tok[k].end - tok[k].start,
				    1u << (NERC_PERTOK + type));
	}
}

static void
build_phrases(struct nerf_phrases *p, const struct corpus *c, size_t folds, size_t leave_out)
{
	nerf_phrases_init(p, 1 << 15);
	add_builtin(p);
	for (size_t i = 0; i < c->ns; i++)
		if (folds == 0 || i % folds != leave_out)
			add_learnt(p, c, &c->s[i]);
}

/* Added to the score of every wrong label when training decodes (-c). */
static int64_t train_cost = 80;

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
sentence_order(const struct corpus *c, size_t **order)
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
extract_all(struct trainer *t, const struct corpus *c, size_t folds)
{
	struct nerf_phrases *fold = xcalloc(folds + 1, sizeof *fold);
	struct nerf_scratch fs = { 0 };

	for (size_t k = 0; k < folds; k++)
		build_phrases(&fold[k], c, folds, k);
	table_init(&t->feats, 1 << 20);
	t->fid = xmalloc(c->ntok * NERF_MAX * sizeof *t->fid);
	t->nf = xmalloc(c->ntok);
	for (size_t i = 0; i < c->ns; i++) {
		const struct sentence *s = &c->s[i];

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
train(struct trainer *t, const struct corpus *c, int epochs, uint64_t seed)
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
			const struct sentence *s = &c->s[order[o]];
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
			if (train_cost)
				for (size_t j = 0; j < s->n; j++)
					for (unsigned y = 0; y < NERF_NLABELS; y++)
						emit[j * NERF_NLABELS + y] += y != gold[j] ? train_cost : 0;
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
static double crf_l2 = 3;	/* --l2 */
static double crf_cost = 2;	/* -c: softmax-margin, added to every wrong label's score */
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
crf_step(struct crf *m, const struct trainer *t, const struct sentence *st,
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
			m->e[j * L + y] += y != gold[j] ? crf_cost : 0;
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
train_crf(struct trainer *t, const struct corpus *c, int epochs, uint64_t seed, int runs)
{
	enum { L = NERF_NLABELS };
	size_t *order, maxn = sentence_order(c, &order), steps = 0, averaged = 0;
	double lambda = crf_l2 / (double)c->ns;
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
write_model(const struct trainer *t, const struct corpus *c, const char *path, double cut)
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

	build_phrases(&all, c, 0, 0);
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

/*
 * Word clusters for --clusters: divisive exchange clustering of the
 * lower-case words of raw text (one sentence a line) under the class-bigram
 * likelihood of Brown et al.  Every level splits each class in two, words
 * moving between the two halves of their class until none gains, so each
 * word ends with a bit string whose prefixes are coarser classes.  Words met
 * fewer than CLUSTER_MIN times are left out.
 */
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
	int r;

	if (sorting->count[x] != sorting->count[y])
		return sorting->count[x] > sorting->count[y] ? -1 : 1;
	kx = table_key(&sorting->words, x, &lx);
	ky = table_key(&sorting->words, y, &ly);
	r = memcmp(kx, ky, lx < ly ? lx : ly);
	return r ? r : (lx > ly) - (lx < ly);
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

static void
cluster_words(int argc, char **argv, int depth)
{
	struct clustering cl = { 0 };
	size_t nw, nc, nk, *wc, *order;
	uint32_t *map, *cls, fixed;
	struct adj *right, *left;
	int64_t *N, *NL, *NR, *rc, *lc;
	uint32_t *touched;

	table_init(&cl.words, 1 << 14);
	if (each_input(argc, argv, read_text, &cl) != 0)
		exit(1);
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
}

static double
seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static struct ner_model *
load_model(const char *path, struct buf *b)
{
	struct ner_model *m;

	if (path) {
		if (read_file(path, b) < 0)
			die("%s:", path);
		m = ner_load(b->data, b->len);
	} else {
		const struct blob *bl = need_blob("ner.model");

		m = ner_load(bl->data, bl->len);
	}
	if (!m)
		exit(1);
	return m;
}

/* Named spans of labels[0..n) as conlleval sees them: (start, end, type) triples. */
static size_t
chunks(const unsigned char *lab, size_t n, size_t *out)
{
	size_t k = 0;

	for (size_t i = 0; i < n; i++) {
		unsigned type, j;

		if (lab[i] == 0)
			continue;
		type = (lab[i] - 1) / 2;
		if ((lab[i] & 1) == 0 && i > 0 && lab[i - 1] != 0 && (unsigned)(lab[i - 1] - 1) / 2 == type)
			continue;	/* inside a span already counted */
		for (j = (unsigned)i + 1; j < n && lab[j] == 2 * type + 2; j++)
			;
		out[3 * k] = i;
		out[3 * k + 1] = j;
		out[3 * k + 2] = type;
		k++;
	}
	return k;
}

/* CPU time of tagging the sentences reps times, in MB/s of sentence text (a byte per line end counted). */
static void
speed(const struct corpus *c, const char *model, long reps)
{
	struct buf b = { 0 };
	double t0 = seconds(), t1, t2;
	struct ner_model *m = load_model(model, &b);
	unsigned char *lab = xmalloc(c->ntok + 1);
	size_t bytes = 0, names = 0;
	char line[200];

	t1 = seconds();
	for (long r = 0; r < reps; r++)
		for (size_t i = 0; i < c->ns; i++) {
			const struct sentence *s = &c->s[i];

			ner_tag(m, c->text.data + s->text, c->tok + s->tok, s->n, lab);
			bytes += s->len + 1;
			for (size_t j = 0; j < s->n; j++)
				names += lab[j] & 1;
		}
	t2 = seconds();
	snprintf(line, sizeof line, "load %.1f ms; tagged %zu bytes (%zu names) in %.3f s: %.1f MB/s\n",
	    (t1 - t0) * 1e3, bytes, names, t2 - t1, t2 > t1 ? (double)bytes / (t2 - t1) / 1e6 : 0);
	out_str(line);
	free(lab);
	ner_free(m);
	buf_free(&b);
}

static void
evaluate(const struct corpus *c, struct ner_model *m, int tag_only)
{
	static const char *type_name[] = { "PER", "ORG", "LOC" };
	size_t gold[3] = { 0 }, pred[3] = { 0 }, ok[3] = { 0 }, maxn = 0;
	unsigned char *lab;
	size_t *gc, *pc;

	for (size_t i = 0; i < c->ns; i++)
		if (c->s[i].n > maxn)
			maxn = c->s[i].n;
	lab = xmalloc(maxn);
	gc = xmalloc(3 * maxn * sizeof *gc);
	pc = xmalloc(3 * maxn * sizeof *pc);
	for (size_t i = 0; i < c->ns; i++) {
		const struct sentence *s = &c->s[i];
		const char *text = c->text.data + s->text;
		size_t ng, np, a = 0;

		ner_tag(m, text, c->tok + s->tok, s->n, lab);
		if (tag_only) {
			for (size_t j = 0; j < s->n; j++) {
				const struct token *t = &c->tok[s->tok + j];

				out_write(text + t->start, t->end - t->start);
				out_char('\t');
				out_str(label_name[c->gold[s->tok + j]]);
				out_char('\t');
				out_str(label_name[lab[j]]);
				out_char('\n');
			}
			out_char('\n');
			continue;
		}
		ng = chunks(c->gold + s->tok, s->n, gc);
		np = chunks(lab, s->n, pc);
		for (size_t j = 0; j < ng; j++)
			gold[gc[3 * j + 2]]++;
		for (size_t j = 0; j < np; j++) {
			pred[pc[3 * j + 2]]++;
			while (a < ng && gc[3 * a] < pc[3 * j])
				a++;
			if (a < ng && memcmp(gc + 3 * a, pc + 3 * j, 3 * sizeof *gc) == 0)
				ok[pc[3 * j + 2]]++;
		}
	}
	if (!tag_only) {
		size_t tg = 0, tp = 0, tk = 0;
		char line[160];

		out_str("type\tgold\tfound\tright\tprecision\trecall\tF1\n");
		for (int k = 0; k <= 3; k++) {
			size_t g = k < 3 ? gold[k] : tg, p = k < 3 ? pred[k] : tp, r = k < 3 ? ok[k] : tk;
			double pr = p ? (double)r / (double)p : 0, re = g ? (double)r / (double)g : 0;

			snprintf(line, sizeof line, "%s\t%zu\t%zu\t%zu\t%.4f\t%.4f\t%.4f\n",
			    k < 3 ? type_name[k] : "micro", g, p, r, pr, re, pr + re > 0 ? 2 * pr * re / (pr + re) : 0);
			out_str(line);
			if (k < 3) {
				tg += g;
				tp += p;
				tk += r;
			}
		}
	}
	free(lab);
	free(gc);
	free(pc);
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "epochs", required_argument, NULL, 'e' },
		{ "folds", required_argument, NULL, 'k' },
		{ "seed", required_argument, NULL, 's' },
		{ "prune", required_argument, NULL, 'p' },
		{ "runs", required_argument, NULL, 'r' },
		{ "cost", required_argument, NULL, 'c' },
		{ "model", required_argument, NULL, 'm' },
		{ "eval", no_argument, NULL, 'E' },
		{ "tag", no_argument, NULL, 'T' },
		{ "speed", required_argument, NULL, 'S' },
		{ "clusters", required_argument, NULL, 'C' },
		{ "crf", no_argument, NULL, 'F' },
		{ "perceptron", no_argument, NULL, 'P' },
		{ "l2", required_argument, NULL, 'L' },
		CLI_LONGOPTS
	};
	const char *output = NULL, *model = NULL;
	int epochs = 12, runs = 3, mode = 0, crf = 1, opt;
	double cut;
	long folds = 10, prune = -1, cost = -1, reps = 1, depth = 0;
	uint64_t seed = 1;
	struct corpus c;

	cli_init(argv[0], usage_text, help_text);
	while ((opt = cli_next(argc, argv, "o:e:k:s:p:m:r:c:", longopts)) != -1) {
		switch (opt) {
		case 'o': output = optarg; break;
		case 'e': epochs = (int)cli_number("-e", optarg, 1, 1000); break;
		case 'k': folds = (long)cli_number("-k", optarg, 2, 1000); break;
		case 's': seed = (uint64_t)cli_number("-s", optarg, 0, INT64_MAX); break;
		case 'p': prune = (long)cli_number("-p", optarg, 0, 1000000); break;
		case 'r': runs = (int)cli_number("-r", optarg, 1, 100); break;
		case 'm': model = optarg; break;
		case 'c': cost = (long)cli_number("-c", optarg, 0, 1000000); break;
		case 'E': mode = 'E'; break;
		case 'T': mode = 'T'; break;
		case 'S': mode = 'S'; reps = (long)cli_number("--speed", optarg, 1, 1000000); break;
		case 'C': mode = 'C'; depth = (long)cli_number("--clusters", optarg, 1, 16); break;
		case 'F': crf = 1; break;
		case 'P': crf = 0; break;
		case 'L': crf_l2 = cli_real("--l2", optarg, 0, 1e6); break;
		}
	}
	argc -= optind;
	argv += optind;
	if (mode && output)
		usage_error("-o is for training, not with --eval, --tag or --speed");
	if (!mode && !output)
		usage_error("want -o MODEL, --eval or --tag");
	if (!mode && argc == 0)
		usage_error("want training files");
	/* The perceptron's weights are integers, the CRF's log-scores. */
	if (prune < 0)
		prune = crf ? 100 : 2000;
	if (cost < 0)
		cost = crf ? 2 : 80;
	train_cost = cost;
	crf_cost = (double)cost;
	cut = prune / 1000.0;
	if (mode == 'C') {
		cluster_words(argc, argv, (int)depth);
		return out_close() ? 1 : 0;
	}
	read_corpus(&c, argc, argv);
	if (mode == 'S') {
		speed(&c, model, reps);
	} else if (mode) {
		struct buf b = { 0 };
		struct ner_model *m = load_model(model, &b);

		evaluate(&c, m, mode == 'T');
		ner_free(m);
		buf_free(&b);
	} else {
		struct trainer t = { 0 };

		extract_all(&t, &c, (size_t)folds);
		for (int r = 0; r < runs; r++) {
			if (crf) {
				if (!t.avg)
					t.avg = xcalloc(t.feats.n * NERF_NLABELS, sizeof *t.avg);
				train_crf(&t, &c, epochs, seed + (uint64_t)r, runs);
				continue;
			}
			train(&t, &c, epochs, seed + (uint64_t)r);
			accumulate(&t);
		}
		if (!crf)
			cut *= runs;
		write_model(&t, &c, output, cut);
		table_free(&t.feats);
		free(t.fid);
		free(t.nf);
		free(t.gold);
		free(t.w);
		free(t.u);
		free(t.avg);
	}
	corpus_free(&c);
	return out_close() ? 1 : 0;
}
