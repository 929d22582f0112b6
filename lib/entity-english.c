/*
 * English sentences: the statistical tagger learnt Indonesian, so in English
 * its names are trimmed by English evidence (a capitalised common word that
 * opens a sentence or a headline names nothing, a name stops at a
 * preposition or a day), and the countries get their VALUE in the language
 * asked.  Dotted abbreviations (U.S., U.K.) are kept whole in any language.
 */
#include <stdint.h>
#include <string.h>

#include "data.h"
#include "diag.h"
#include "entity-impl.h"
#include "mem.h"

#define HEADLINE_WORDS 3	/* long words a headline has at least */

void
countries_load(struct tagger *t)
{
	const struct blob *b = data_find("countries.tsv");
	struct line ln;
	size_t pos = 0;

	if (!b)
		die("built-in countries.tsv: missing");
	table_init(&t->country, 256);
	while (data_next_line(b, &pos, &ln)) {
		const char *id = memchr(ln.data, '\t', ln.len), *en;
		size_t k;
		int added;

		if (!id || !(en = memchr(id + 1, '\t', ln.len - (size_t)(id + 1 - ln.data))))
			continue;
		id++;
		lex_add(t, &t->builtin, ln.data, (size_t)(id - 1 - ln.data), T_LOC, P_LIST, id, (size_t)(en - id), 0);
		k = table_intern(&t->country, id, (size_t)(en - id), &added);
		if (!added)
			continue;
		t->country_at = xgrow(t->country_at, &t->country_cap, k + 1, sizeof *t->country_at);
		t->country_at[k] = t->country_en.len;
		en++;
		buf_add(&t->country_en, en, ln.len - (size_t)(en - ln.data));
		buf_addc(&t->country_en, '\0');
	}
}

void
countries_free(struct tagger *t)
{
	table_free(&t->country);
	buf_free(&t->country_en);
	free(t->country_at);
}

void
country_value(struct tagger *t, struct mention *m)
{
	int lang = t->values_lang != LANG_AUTO ? t->values_lang : t->english ? LANG_EN : LANG_ID;
	long long k;
	const char *en;

	if (lang != LANG_EN || m->type != T_LOC ||
	    (k = table_find(&t->country, t->values.data + m->value, m->vlen)) < 0)
		return;
	en = t->country_en.data + t->country_at[k];
	add_value(t, m, en, strlen(en));
}

void
english_begin(struct tagger *t, const char *s)
{
	if (t->lang == LANG_AUTO)
		t->english = english_sentence(&t->en, s, t->tok, t->ntok);
	else
		t->english = t->lang == LANG_EN;
}

/* ---- dotted abbreviations ---- */

/* Is token k a single capital letter, written right after a dot and right before one (the S of U.S.)? */
static int
dotted_letter(struct tagger *t, const char *s, size_t k)
{
	const struct token *tk = t->tok;

	return k >= 2 && k + 1 < t->ntok && tk[k].end - tk[k].start == 1 && is_upper((unsigned char)s[tk[k].start]) &&
	    s[tk[k - 1].start] == '.' && tk[k - 1].end == tk[k].start && s[tk[k + 1].start] == '.' &&
	    tk[k + 1].start == tk[k].end;
}

void
dotted_ends(struct tagger *t, const char *s)
{
	for (size_t i = 0; i < t->ncand; i++) {
		struct cand *c = &t->cand[i];

		if (c->t1 != SIZE_MAX && c->t1 > c->t0 && c->type >= 0 && c->type <= T_LOC && dotted_letter(t, s, c->t1 - 1)) {
			c->t1++;
			c->end = t->tok[c->t1 - 1].end;
		}
	}
}

/* ---- names of English sentences ---- */

static int
capital_word(const char *s, const struct token *tk)
{
	return is_upper((unsigned char)s[tk->start]) && tk->end - tk->start > 1 &&
	    is_lower((unsigned char)s[tk->start + 1]);
}

/* Is token k a capitalised English common word that is never a name (However, Meanwhile)? */
static int
common_word(struct tagger *t, const char *s, size_t k)
{
	const struct token *tk = &t->tok[k];

	return capital_word(s, tk) && english_common_word(s + tk->start, tk->end - tk->start);
}

/* Do only punctuation tokens (quotes, a dash) come before token k? */
static int
sentence_initial(struct tagger *t, const char *s, size_t k)
{
	for (size_t i = 0; i < k; i++)
		if (is_alnum((unsigned char)s[t->tok[i].start]))
			return 0;
	return 1;
}

/* Is the sentence a headline: its long words nearly all capitalised (So Many Ways to Play)? */
static int
headline(struct tagger *t, const char *s)
{
	size_t k, words = 0, caps = 0;

	for (k = 1; k < t->ntok; k++) {
		const struct token *tk = &t->tok[k];

		if (tk->end - tk->start < 4 || !is_alnum((unsigned char)s[tk->start]) || is_digit((unsigned char)s[tk->start]))
			continue;
		words++;
		caps += is_upper((unsigned char)s[tk->start]);
	}
	return words >= HEADLINE_WORDS && caps * 5 >= words * 4;
}

/* A lower-case word that joins the words of a name (Bank of America; a person's: Ludwig van Beethoven). */
static int
name_joint(const char *s, const struct token *tk, int type)
{
	static const char *const joint[] = { "of", "and", "the", "for", NULL };
	static const char *const particle[] = { "de", "del", "der", "da", "van", "von", "bin", "al", "la", "le",
	    "du", "y", NULL };

	return token_in(s, tk, particle) || (type != T_PER && token_in(s, tk, joint));
}

/* A preposition after which capitalised words are a place (Institute in Boston). */
static int
place_preposition(const char *s, const struct token *tk)
{
	static const char *const prep[] = { "in", "at", "near", "from", NULL };

	return token_in(s, tk, prep);
}

static int
weekday(const char *s, const struct token *tk)
{
	static const char *const day[] = { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
	    "Sunday", NULL };

	return token_in(s, tk, day);
}

/* Does a date or a time start at token k? */
static int
date_at(struct tagger *t, size_t k, size_t ncand)
{
	for (size_t i = 0; i < ncand; i++)
		if ((t->cand[i].type == T_DATE || t->cand[i].type == T_TIME) && t->cand[i].start == t->tok[k].start)
			return 1;
	return 0;
}

/* Where a name from token a, at most to b, stops: at a lower-case word that joins nothing, a day, a date. */
static size_t
name_stop(struct tagger *t, const char *s, size_t a, size_t b, int type, size_t ncand)
{
	for (size_t k = a + 1; k < b; k++) {
		const struct token *tk = &t->tok[k];

		if (is_lower((unsigned char)s[tk->start]) && !(name_joint(s, tk, type) && k + 1 < b &&
		    is_upper((unsigned char)s[t->tok[k + 1].start])))
			return k;
		if (weekday(s, tk) || date_at(t, k, ncand))
			return k;
	}
	return b;
}

/* The capitalised words of a place after a preposition at token k, up to b (in Boston): their end, or k + 1. */
static size_t
place_after(struct tagger *t, const char *s, size_t k, size_t b)
{
	size_t j = k + 1;

	if (!place_preposition(s, &t->tok[k]))
		return j;
	while (j < b && capital_word(s, &t->tok[j]) && !common_word(t, s, j) && !weekday(s, &t->tok[j]))
		j++;
	return j;
}

/* Tokens [a, b) of candidate c trimmed by English evidence; an empty span drops it. */
static void
trim(struct tagger *t, const char *s, const struct cand *c, int head, size_t ncand, size_t *pa, size_t *pb)
{
	size_t a = c->t0, b = name_stop(t, s, c->t0, c->t1, c->type, ncand), k;

	if (b < c->t1 && (k = place_after(t, s, b, c->t1)) > b + 1)
		add_tokens(t, b + 1, k, T_LOC, P_MODEL);
	while (a < b && (token_is(s, &t->tok[a], "the") ||
	    ((head || sentence_initial(t, s, a)) && common_word(t, s, a))))
		a++;
	/* a person's name follows the titles and common words before it (Israeli Prime Minister Benjamin Netanyahu) */
	for (k = a; c->type == T_PER && k + 1 < b; k++)
		if (common_word(t, s, k) || (cue_of(t, s, k) & C_TITLE))
			a = k + 1;
	while (head && b > a && common_word(t, s, b - 1))
		b--;
	if (b - a == 1 && (common_word(t, s, a) || (cue_of(t, s, a) & C_TITLE)))
		b = a;
	*pa = a;
	*pb = b;
}

void
english_names(struct tagger *t, const char *s)
{
	size_t i, kept = 0, n = t->ncand;
	int head = headline(t, s);

	for (i = 0; i < n; i++) {
		struct cand c = t->cand[i];
		size_t a, b;

		if (c.type >= T_PER && c.type <= T_LOC && c.t1 != SIZE_MAX && (c.prio == P_MODEL || c.prio == P_CUE)) {
			trim(t, s, &c, head, n, &a, &b);
			if (a == b)
				continue;
			c.t0 = a;
			c.t1 = b;
			c.start = t->tok[a].start;
			c.end = t->tok[b - 1].end;
		}
		t->cand[kept++] = c;
	}
	/* the places found after prepositions, added past the first n */
	memmove(t->cand + kept, t->cand + n, (t->ncand - n) * sizeof *t->cand);
	t->ncand = kept + (t->ncand - n);
}
