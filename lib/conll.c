/* CoNLL files of the name tagger: reading them, and their names as conlleval counts them. */
#include <stdlib.h>
#include <string.h>

#include "conll.h"
#include "diag.h"
#include "mem.h"
#include "record.h"

const char *const conll_label[NER_NLABELS] = { "O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC" };

static void
end_sentence(struct conll *c)
{
	if (c->ntok == c->open)
		return;
	c->s = xgrow(c->s, &c->scap, c->ns + 1, sizeof *c->s);
	c->s[c->ns++] = (struct conll_sentence){ c->textstart, c->text.len - c->textstart, c->open, c->ntok - c->open };
	c->open = c->ntok;
	c->textstart = c->text.len;
}

static int
parse_label(const char *s, size_t n)
{
	for (int y = 0; y < NER_NLABELS; y++)
		if (strlen(conll_label[y]) == n && memcmp(conll_label[y], s, n) == 0)
			return y;
	return -1;
}

static int
read_conll(struct reader *r, void *ctx)
{
	struct conll *c = ctx;
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
			die("%s:%lu: %s does not follow B or I of its type", r->name, r->lineno, conll_label[y]);
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

void
conll_read(struct conll *c, int argc, char **argv)
{
	memset(c, 0, sizeof *c);
	if (each_input(argc, argv, read_conll, c) != 0)
		exit(1);
	if (c->ns == 0)
		die("no sentences in the input");
}

void
conll_free(struct conll *c)
{
	buf_free(&c->text);
	free(c->tok);
	free(c->gold);
	free(c->s);
}

size_t
conll_spans(const unsigned char *lab, size_t n, size_t *out)
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
