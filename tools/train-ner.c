/*
 * train-ner: train the name tagger of tag-entities (a linear-chain CRF, or
 * an averaged structured perceptron, over BIOES labels decoded by
 * constrained Viterbi) on CoNLL files, deterministically; or score a model
 * on CoNLL files, as conlleval does.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "conll.h"
#include "data.h"
#include "diag.h"
#include "mem.h"
#include "ner.h"
#include "nertrain.h"
#include "out.h"
#include "record.h"
#include "wordclusters.h"

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
		const struct blob *bl = data_find("ner.model");

		if (!bl)
			die("built-in data ner.model is missing");
		m = ner_load(bl->data, bl->len);
	}
	if (!m)
		exit(1);
	return m;
}

/* CPU time of tagging the sentences reps times, in MB/s of sentence text (a byte per line end counted). */
static void
speed(const struct conll *c, const char *model, long reps)
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
			const struct conll_sentence *s = &c->s[i];

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
evaluate(const struct conll *c, struct ner_model *m, int tag_only)
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
		const struct conll_sentence *s = &c->s[i];
		const char *text = c->text.data + s->text;
		size_t ng, np, a = 0;

		ner_tag(m, text, c->tok + s->tok, s->n, lab);
		if (tag_only) {
			for (size_t j = 0; j < s->n; j++) {
				const struct token *t = &c->tok[s->tok + j];

				out_write(text + t->start, t->end - t->start);
				out_char('\t');
				out_str(conll_label[c->gold[s->tok + j]]);
				out_char('\t');
				out_str(conll_label[lab[j]]);
				out_char('\n');
			}
			out_char('\n');
			continue;
		}
		ng = conll_spans(c->gold + s->tok, s->n, gc);
		np = conll_spans(lab, s->n, pc);
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
	struct nertrain_options o = { .crf = 1, .l2 = 3, .epochs = 12, .runs = 3, .seed = 1, .folds = 10 };
	int mode = 0, opt;
	long prune = -1, cost = -1, reps = 1, depth = 0;
	struct conll c;

	cli_init(argv[0], usage_text, help_text);
	while ((opt = cli_next(argc, argv, "o:e:k:s:p:m:r:c:", longopts)) != -1) {
		switch (opt) {
		case 'o': output = optarg; break;
		case 'e': o.epochs = (int)cli_number("-e", optarg, 1, 1000); break;
		case 'k': o.folds = (size_t)cli_number("-k", optarg, 2, 1000); break;
		case 's': o.seed = (uint64_t)cli_number("-s", optarg, 0, INT64_MAX); break;
		case 'p': prune = (long)cli_number("-p", optarg, 0, 1000000); break;
		case 'r': o.runs = (int)cli_number("-r", optarg, 1, 100); break;
		case 'm': model = optarg; break;
		case 'c': cost = (long)cli_number("-c", optarg, 0, 1000000); break;
		case 'E': mode = 'E'; break;
		case 'T': mode = 'T'; break;
		case 'S': mode = 'S'; reps = (long)cli_number("--speed", optarg, 1, 1000000); break;
		case 'C': mode = 'C'; depth = (long)cli_number("--clusters", optarg, 1, 16); break;
		case 'F': o.crf = 1; break;
		case 'P': o.crf = 0; break;
		case 'L': o.l2 = cli_real("--l2", optarg, 0, 1e6); break;
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
		prune = o.crf ? 100 : 2000;
	if (cost < 0)
		cost = o.crf ? 2 : 80;
	o.cost = cost;
	o.cut = prune / 1000.0;
	if (mode == 'C') {
		int status = word_clusters(argc, argv, (int)depth);

		return out_close() || status ? 1 : 0;
	}
	conll_read(&c, argc, argv);
	if (mode == 'S') {
		speed(&c, model, reps);
	} else if (mode) {
		struct buf b = { 0 };
		struct ner_model *m = load_model(model, &b);

		evaluate(&c, m, mode == 'T');
		ner_free(m);
		buf_free(&b);
	} else {
		nertrain(&c, &o, output);
	}
	conll_free(&c);
	return out_close() ? 1 : 0;
}
