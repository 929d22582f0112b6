/*
 * What a document teaches tag-entities as it is read: acronyms defined
 * with their long forms, lists that spell an acronym, the people named
 * (whose later short names take the full one) and the companies met in
 * their full form.
 */
#include <stdint.h>
#include <string.h>

#include "entity-impl.h"
#include "mem.h"
#include "ner.h"

/* The type the statistical tagger gives exactly tokens [i, j), or -1. */
static int
model_type(struct tagger *t, size_t i, size_t j)
{
	static const int type_of[NER_NLABELS] = { -1, T_PER, T_PER, T_ORG, T_ORG, T_LOC, T_LOC };
	unsigned char b;
	size_t k;

	if (!t->model || t->label[i] == NER_O || t->label[i] >= NER_NLABELS)
		return -1;
	b = t->label[i];
	for (k = i + 1; k < j; k++)
		if (t->label[k] >= NER_NLABELS || type_of[t->label[k]] != type_of[b] || t->label[k] % 2)
			return -1;
	if (j < t->ntok && t->label[j] < NER_NLABELS && t->label[j] != NER_O && t->label[j] % 2 == 0 &&
	    type_of[t->label[j]] == type_of[b])
		return -1;
	return type_of[b];
}

/* An acronym a[0..na) and the words w[0..nw) it may be drawn from; memo: fits_from's answers + 1. */
struct fit {
	struct tagger *t;
	const char *s, *a;
	size_t na;
	const size_t *w;
	size_t nw;
	unsigned char memo[MAXPHRASE + 1][MAXACRONYM + 1];
};

static int fits_from(struct fit *f, size_t ai, size_t wi);

/* Are the letters from ai drawn from the starts of the words from wi (each a chunk that begins the word)? */
static int
fits(struct fit *f, size_t ai, size_t wi)
{
	const struct token *tk;
	size_t p, k;

	if (wi == f->nw)
		return ai == f->na;
	tk = &f->t->tok[f->w[wi]];
	if ((cue_of(f->t, f->s, f->w[wi]) & C_SKIP) && fits_from(f, ai, wi + 1))
		return 1;
	if (ai == f->na || lower(f->s[tk->start]) != f->a[ai])
		return 0;
	p = tk->start + 1;
	for (k = ai + 1;; k++) {
		if (fits_from(f, k, wi + 1))
			return 1;
		if (k == f->na)
			return 0;
		while (p < tk->end && lower(f->s[p]) != f->a[k])
			p++;
		if (p == tk->end)
			return 0;
		p++;
	}
}

/* fits(), each (letter, word) pair decided once: the search is polynomial, not exponential (A9A9A9A9). */
static int
fits_from(struct fit *f, size_t ai, size_t wi)
{
	unsigned char *m = &f->memo[wi][ai];

	if (!*m)
		*m = (unsigned char)(1 + fits(f, ai, wi));
	return *m - 1;
}

/* Is a[0..na) drawn from the starts of words w[0..nw)? */
static int
acronym_fits(struct tagger *t, const char *s, const char *a, size_t na, const size_t *w, size_t nw)
{
	struct fit f = { .t = t, .s = s, .a = a, .na = na, .w = w, .nw = nw };

	return fits_from(&f, 0, 0);
}

/* The letters of acronym token i, lower case, digits repeating the letter before (BP2D: bppd). */
static size_t
acronym_letters(const char *s, const struct token *tk, char *a, size_t cap)
{
	size_t n = 0, p;

	for (p = tk->start; p < tk->end && n < cap; p++) {
		if (is_digit((unsigned char)s[p]) && n > 0) {
			for (int r = s[p] - '1'; r > 0 && n < cap; r--)
				a[n] = a[n - 1], n++;
		} else if (!is_digit((unsigned char)s[p]))
			a[n++] = lower(s[p]);
	}
	return n;
}

static int
acronym_like(const char *s, const struct token *tk)
{
	size_t n = tk->end - tk->start, p;

	if (n < 2 || n > 16 || !is_upper((unsigned char)s[tk->start]))
		return 0;
	for (p = tk->start; p < tk->end; p++) {
		if ((unsigned char)s[p] >= 0x80)
			return 0;
	}
	return 1;
}

/* The type a defined long form [i, j) and acronym k take: from the lists or an organisation word; -1 if none. */
static int
defined_type(struct tagger *t, const char *s, size_t i, size_t j, size_t k)
{
	const struct entry *e;

	if ((e = lex_exact(t, &t->builtin, s, i, j)) || (e = lex_exact(t, &t->builtin, s, k, k + 1)))
		return e->type;
	if (cue_of(t, s, i) & C_ORG)
		return T_ORG;
	return -1;
}

static void
define(struct tagger *t, const char *s, size_t i, size_t j, size_t k)
{
	int type = defined_type(t, s, i, j, k);
	const char *lf = s + t->tok[i].start;
	size_t lfn = t->tok[j - 1].end - t->tok[i].start;
	struct cand *c;

	if (type < 0)
		type = model_type(t, i, j);
	if (!is_upper((unsigned char)*lf))
		type = -1;
	/* a defined phrase that names nothing we know blocks the fragments others see in it */
	lex_add(t, &t->doc, s + t->tok[k].start, t->tok[k].end - t->tok[k].start, type, P_DEFINED, lf, lfn, 1);
	lex_add(t, &t->doc, lf, lfn, type, P_DEFINED, lf, lfn, 1);
	c = add_tokens(t, i, j, type, P_DEFINED);
	set_value(t, c, lf, lfn);
	c = add_tokens(t, k, k + 1, type, P_DEFINED);
	set_value(t, c, lf, lfn);
}

/* ---- nicknames ---- */

/*
 * The candidates that end at token i, as 1 + an index into t->cand, the
 * next in t->end_next (0: no more).  Indexed as they are added, in place of
 * a search of all of them for each name asked about: that was quadratic on a
 * long sentence of names in parentheses.  Reset with each sentence: the
 * candidates indexed do not change while nicknames and definitions are
 * found, they only add.
 */
static size_t
ends_at(struct tagger *t, size_t i)
{
	if (t->end_indexed == SIZE_MAX) {
		t->end_head = xgrow(t->end_head, &t->end_headcap, t->ntok + 1, sizeof *t->end_head);
		memset(t->end_head, 0, (t->ntok + 1) * sizeof *t->end_head);
		t->end_indexed = 0;
	}
	t->end_next = xgrow(t->end_next, &t->end_nextcap, t->ncand + 1, sizeof *t->end_next);
	for (size_t k = t->end_indexed; k < t->ncand; k++) {
		size_t e = t->cand[k].t1;

		if (e <= t->ntok) {
			t->end_next[k] = t->end_head[e];
			t->end_head[e] = k + 1;
		}
	}
	t->end_indexed = t->ncand;
	return t->end_head[i];
}

/*
 * The first token of a person's name that ends before token i, or i if
 * none: the longest person another source found there, else (no name of
 * another kind ends there) a run of two or more name words after a title
 * (Presiden Susilo Bambang Yudhoyono).
 */
static size_t
person_before(struct tagger *t, const char *s, size_t i)
{
	size_t k, a = i;
	int other = 0;

	for (k = ends_at(t, i); k; k = t->end_next[k - 1]) {
		const struct cand *c = &t->cand[k - 1];

		if (c->t0 >= i)
			continue;
		if (c->type == T_PER && c->t0 < a)
			a = c->t0;
		else if (c->type < 0 || c->type == T_ORG || c->type == T_LOC)
			other = 1;
	}
	if (a < i || other)
		return a;
	for (k = i; k > 0 && i - k < MAXNAME && name_token(t, s, k - 1); k--)
		;
	if (i - k < 2 || k == 0 || !(cue_of(t, s, k - 1) & C_TITLE) || lex_exact(t, &t->builtin, s, k, i))
		return i;
	return k;
}

/*
 * Are tokens [i, j) a nickname of the person named by tokens [a, b): one
 * name (Jokowi), initials drawn from the name (SBY), or two capitalised
 * words (Gus Dur, Kang Emil)?  Not a body or place of the lists (PDIP, Jakarta).
 */
static int
nickname(struct tagger *t, const char *s, size_t i, size_t j, size_t a, size_t b)
{
	const struct token *tk = t->tok;
	size_t k, p, w[MAXPHRASE];
	char letters[MAXACRONYM];

	if (j - i < 1 || j - i > 2 || b - a > MAXPHRASE || lex_exact(t, &t->builtin, s, i, j))
		return 0;
	for (k = i; k < j; k++) {
		if (!is_upper((unsigned char)s[tk[k].start]) || tk[k].end - tk[k].start > 16)
			return 0;
		for (p = tk[k].start; p < tk[k].end; p++)
			if (!is_upper((unsigned char)s[p]) && !is_lower((unsigned char)s[p]))
				return 0;
	}
	if (j - i == 2)
		return name_token(t, s, i + 1);
	if (name_token(t, s, i))
		return 1;
	if (!acronym_like(s, &tk[i]))
		return 0;
	for (k = a; k < b; k++)
		w[k - a] = k;
	return acronym_fits(t, s, letters, acronym_letters(s, &tk[i], letters, sizeof letters), w, b - a);
}

/* Tokens [i, j) name the person of tokens [a, b) in the rest of the document; a title is no part of it (Pak Tejo). */
static void
define_nickname(struct tagger *t, const char *s, size_t a, size_t b, size_t i, size_t j)
{
	const struct token *tk = t->tok;

	if (j - i == 2 && (cue_of(t, s, i) & C_TITLE))
		i++;
	lex_add(t, &t->doc, s + tk[i].start, tk[j - 1].end - tk[i].start, T_PER, P_DEFINED, s + tk[a].start,
	    tk[b - 1].end - tk[a].start, 1);
	add_tokens(t, a, b, T_PER, P_DEFINED);
	add_tokens(t, i, j, T_PER, P_DEFINED);
}

/* Has another source found a person at exactly tokens [i, j)? */
static int
person_at(struct tagger *t, size_t i, size_t j)
{
	for (size_t k = ends_at(t, j); k; k = t->end_next[k - 1])
		if (t->cand[k - 1].t0 == i && t->cand[k - 1].type == T_PER)
			return 1;
	return 0;
}

/*
 * Is the "(" at token i a person's nickname in parentheses (Abdurrahman
 * Wahid (Gus Dur))?  Defines it.  Not when the words in parentheses are the
 * longer name, or a person while those before are not (a song and its
 * singer: Bicara Cinta (Ruth Sahanaya)).
 */
static int
nickname_in_parens(struct tagger *t, const char *s, size_t i)
{
	size_t a = person_before(t, s, i), j;

	if (a == i)
		return 0;
	for (j = i + 1; j < t->ntok && j - i <= 3 && s[t->tok[j].start] != ')'; j++)
		;
	if (j == t->ntok || s[t->tok[j].start] != ')' || !nickname(t, s, i + 1, j, a, i) ||
	    t->tok[j - 1].end - t->tok[i + 1].start >= t->tok[i - 1].end - t->tok[a].start ||
	    (person_at(t, i + 1, j) && !person_at(t, a, i)))
		return 0;
	define_nickname(t, s, a, i, i + 1, j);
	return 1;
}

/* Words that give a nickname alone (alias), and verbs of naming that need an adverb before them (disapa, known). */
void
nickname_cues_load(struct tagger *t)
{
	static const char *const alone[] = { "alias", "dijuluki", "nicknamed", "dubbed", NULL };
	static const char *const naming[] = { "disapa", "dipanggil", "dikenal", "known", "called", NULL };

	for (size_t i = 0; alone[i]; i++)
		add_cue(t, alone[i], strlen(alone[i]), C_ALIAS);
	for (size_t i = 0; naming[i]; i++)
		add_cue(t, naming[i], strlen(naming[i]), C_NAMING);
}

/*
 * Nicknames given in words: Basuki Tjahaja Purnama atau akrab disapa Ahok,
 * ... yang biasa dipanggil ..., ... alias ..., ..., better known as ....
 * A verb of naming (disapa, known) needs an adverb before it (akrab,
 * biasa, better): "dipanggil KPK" is a summons.
 */
void
find_nicknames(struct tagger *t, const char *s)
{
	static const char *const adverb[] = { "akrab", "biasa", "kerap", "sering", "lebih", "populer", "also",
		"better", "widely", "commonly", "popularly", NULL };
	static const char *const joint[] = { ",", "atau", "yang", "juga", "dengan", "sebagai", "nama", "as", "or", NULL };
	const struct token *tk = t->tok;

	for (size_t i = 1; i + 1 < t->ntok; i++) {
		size_t k = i, j = i + 1, e, a;
		int weak = cue_of(t, s, i) & C_NAMING;

		if (!weak && !(cue_of(t, s, i) & C_ALIAS))
			continue;
		if (weak && !token_in(s, &tk[i - 1], adverb))
			continue;
		while (k > 0 && i - k < 4 && (token_in(s, &tk[k - 1], adverb) || token_in(s, &tk[k - 1], joint)))
			k--;
		while (j < t->ntok && j - i < 3 && token_in(s, &tk[j], joint) && s[tk[j].start] != ',')
			j++;
		for (e = j; e < t->ntok && e - j < 2 && is_upper((unsigned char)s[tk[e].start]); e++)
			;
		/* a third capitalised word: a longer name, no nickname */
		if (e == j || (e < t->ntok && is_upper((unsigned char)s[tk[e].start])))
			continue;
		if ((a = person_before(t, s, k)) < k && nickname(t, s, j, e, a, k))
			define_nickname(t, s, a, k, j, e);
	}
}

void
find_definitions(struct tagger *t, const char *s)
{
	const struct token *tk = t->tok;
	size_t i, k, w[MAXPHRASE], nw;
	char a[MAXACRONYM];
	size_t na;

	for (i = 1; i + 2 < t->ntok; i++) {
		if (s[tk[i].start] != '(' || tk[i].end - tk[i].start != 1 || nickname_in_parens(t, s, i))
			continue;
		/* Long Form (ACR) */
		if (s[tk[i + 2].start] == ')' && acronym_like(s, &tk[i + 1])) {
			na = acronym_letters(s, &tk[i + 1], a, sizeof a);
			for (nw = 0; nw < MAXPHRASE && nw < i && is_alnum((unsigned char)s[tk[i - 1 - nw].start]); nw++)
				;
			for (k = 2; k <= nw; k++) {	/* one word is too easy to fit */
				size_t first = i - k, m;

				if (cue_of(t, s, first) & C_SKIP)
					continue;
				for (m = 0; m < k; m++)
					w[m] = first + m;
				if (acronym_fits(t, s, a, na, w, k)) {
					define(t, s, first, i, i + 1);
					break;
				}
			}
			continue;
		}
		/* ACR (Long Form) */
		if (acronym_like(s, &tk[i - 1])) {
			size_t j = i + 1;

			while (j < t->ntok && j - i - 1 < MAXPHRASE && is_alnum((unsigned char)s[tk[j].start]))
				j++;
			if (j == i + 1 || j >= t->ntok || s[tk[j].start] != ')' || j - i - 1 < 2)
				continue;
			na = acronym_letters(s, &tk[i - 1], a, sizeof a);
			for (k = 0; k < j - i - 1; k++)
				w[k] = i + 1 + k;
			if (acronym_fits(t, s, a, na, w, j - i - 1))
				define(t, s, i + 1, j, i - 1);
		}
	}
}

void
find_defined_again(struct tagger *t, const char *s)
{
	const struct entry *e;
	size_t i, len;

	for (i = 0; i < t->ntok; i++)
		if (is_upper((unsigned char)s[t->tok[i].start]) && (e = lex_match(t, &t->doc, s, i, &len)) &&
		    e->prio == P_DEFINED && capitalised(t, s, i, i + len))
			add_tokens(t, i, i + len, e->type, e->prio);
}

#define MAXITEMS 16	/* items of a list an acronym may spell */
#define MAXITEMWORDS 4	/* words of an item: the scan from each acronym stays short */

/* Are the capitals of acronym token ac the initials of the n items, in any order (a list reordered by its writer)? */
static int
same_initials(const char *s, const struct token *ac, const struct token *tk, const size_t *first, size_t n)
{
	int count[26] = { 0 };
	size_t caps = 0;

	for (size_t p = ac->start; p < ac->end; p++)
		if (is_upper((unsigned char)s[p]))
			count[s[p] - 'A']++, caps++;
	if (caps != n)
		return 0;
	for (size_t m = 0; m < n; m++)
		if (--count[s[tk[first[m]].start] - 'A'] < 0)
			return 0;
	return 1;
}

/*
 * An acronym spelt by the items of a list, a slogan rather than a name:
 * BerAKHLAK (Berorientasi Pelayanan, Akuntabel, Kompeten, ..., dan
 * Kolaboratif), or "PHBS merupakan singkatan dari Perilaku, Hidup, ...".
 * Each item's first word gives the acronym's next letters (or the items'
 * initials are its capitals in another order); the items are common words
 * written capitalised, so a blocker on each keeps them from being taken for
 * names.  A user's dictionary is stronger and still tags them; an item of
 * the built-in lists is not blocked.
 */
void
find_list_definitions(struct tagger *t, const char *s)
{
	const struct token *tk = t->tok;
	char a[MAXACRONYM];
	size_t first[MAXITEMS], end[MAXITEMS];

	for (size_t k = 0; k + 4 < t->ntok; k++) {
		size_t i = k + 1, n = 0, na;

		if (!acronym_like(s, &tk[k]))
			continue;
		if (s[tk[i].start] == '(')
			i++;
		else {
			while (i < t->ntok && i < k + 5 && !token_is(s, &tk[i], "dari"))
				i++;
			if (i == t->ntok || i == k + 5 || !(token_is(s, &tk[i - 1], "singkatan") ||
			    token_is(s, &tk[i - 1], "akronim") || token_is(s, &tk[i - 1], "kependekan")))
				continue;
			i++;
		}
		/* Items: capitalised words, split by commas; "dan" or "serta" may open the last. */
		while (i < t->ntok && n < MAXITEMS) {
			if (n > 0 && (token_is(s, &tk[i], "dan") || token_is(s, &tk[i], "serta") ||
			    token_is(s, &tk[i], "and")))
				i++;
			if (i == t->ntok || !is_upper((unsigned char)s[tk[i].start]))
				break;
			first[n] = i;
			while (i < t->ntok && i - first[n] < MAXITEMWORDS && is_alnum((unsigned char)s[tk[i].start]) &&
			    !token_is(s, &tk[i], "dan") && !token_is(s, &tk[i], "serta"))
				i++;
			end[n++] = i;
			if (i < t->ntok && s[tk[i].start] == ',')
				i++;
			else if (!(i < t->ntok && (token_is(s, &tk[i], "dan") || token_is(s, &tk[i], "serta"))))
				break;
		}
		if (n < 3)
			continue;
		na = acronym_letters(s, &tk[k], a, sizeof a);
		if (!acronym_fits(t, s, a, na, first, n) && !same_initials(s, &tk[k], tk, first, n))
			continue;
		for (size_t m = 0; m < n; m++)	/* listed places stay places (Jabodetabek: Jakarta, Bogor, ...) */
			if (!lex_exact(t, &t->builtin, s, first[m], end[m]))
				add_tokens(t, first[m], end[m], -1, P_DEFINED);
	}
}

/* ---- people and companies ---- */

/* The value a lexicon gives exactly the person c, or NULL: a nickname (Gus Dur: Abdurrahman Wahid). */
static const char *
nickname_value(struct tagger *t, const struct lexicon *l, const char *s, const struct cand *c, size_t *n)
{
	const struct entry *e = lex_exact(t, l, s, c->t0, c->t1);

	if (!e || e->type != T_PER || e->vlen == 0)
		return NULL;
	*n = e->vlen;
	return l->values.data + e->value;
}

/* Does full[0..len) hold name[0..n) between spaces or its ends (Joko Widodo holds Widodo, not Wido)? */
static int
holds_words(const char *full, size_t len, const char *name, size_t n)
{
	for (size_t at = 0; at + n <= len; at++) {
		const char *first;

		if (n && full[at] != name[0]) {	/* memchr to the next place it may start (glibc's memmem is slow on short text) */
			if (!(first = memchr(full + at, name[0], len - n - at + 1)))
				return 0;
			at = (size_t)(first - full);
		}
		if (memcmp(full + at, name, n) == 0 && (at == 0 || full[at - 1] == ' ') && (at + n == len || full[at + n] == ' '))
			return 1;
	}
	return 0;
}

/*
 * A person's value: the full name of a nickname the document defined, else
 * the fullest earlier name of the document holding these tokens, else the
 * full name of a nickname every reader knows (known-names.tsv), else the
 * name as written; remembers new names.
 */
void
person_value(struct tagger *t, struct mention *m, const char *s, const struct cand *c)
{
	const char *name = s + c->start, *full;
	size_t n = c->end - c->start, i, best = SIZE_MAX, fn;
	int ntok = 0, bestn = 0, words;

	if ((full = nickname_value(t, &t->doc, s, c, &fn))) {
		add_value(t, m, full, fn);
		return;
	}
	for (i = c->t0; i < c->t1; i++)
		ntok += is_alnum((unsigned char)s[t->tok[i].start]);
	for (i = 0; i < t->npeople; i++) {
		const struct person *p = &t->people[i];

		full = t->names.data + p->off;
		if (p->ntok <= bestn || p->len < n)
			continue;
		if (holds_words(full, p->len, name, n)) {
			best = i;
			bestn = p->ntok;
		}
	}
	if (best != SIZE_MAX && bestn >= ntok) {
		add_value(t, m, t->names.data + t->people[best].off, t->people[best].len);
		return;
	}
	words = ntok;
	if ((full = nickname_value(t, &t->known, s, c, &fn))) {
		/* the full name holds the parts of the person that come later (Jokowi, then Widodo) */
		name = full;
		n = fn;
		for (i = 0, words = 1; i < fn; i++)
			words += full[i] == ' ';
	}
	add_value(t, m, name, n);
	if (t->npeople == MAXPEOPLE || n > MAXREMEMBERED)
		return;
	t->people = xgrow(t->people, &t->peoplecap, t->npeople + 1, sizeof *t->people);
	t->people[t->npeople].off = t->names.len;
	t->people[t->npeople].len = n;
	t->people[t->npeople++].ntok = words;
	buf_add(&t->names, name, n);
	if (ntok > 1)	/* each part of a full name now marks the person */
		for (i = c->t0; i < c->t1; i++)
			if (name_token(t, s, i) && t->tok[i].end - t->tok[i].start >= 3)
				lex_add(t, &t->doc, s + t->tok[i].start, t->tok[i].end - t->tok[i].start, T_PER,
				    P_DOCNAME, "", 0, 0);
}

/*
 * A company met in its full form (PT Kalbe Farma Tbk) is known in the rest
 * of the document by its name alone (Kalbe Farma) and without the form after
 * it (PT Kalbe Farma), whose value is the full form; not when the name alone
 * is a place of the lists (PT Jakarta Tbk).
 */
void
remember_company(struct tagger *t, const char *s, const struct cand *c, const struct mention *m)
{
	size_t a = c->t0, b = c->t1;

	if (c->type != T_ORG || a == SIZE_MAX || !company(t, s, a, b))
		return;
	while (a < b && (cue_of(t, s, a) & C_COMPANY))
		a++;
	while (b > a && (cue_of(t, s, b - 1) & C_COMPANY))
		b--;
	if (a == b || !capitalised(t, s, a, b) || lex_exact(t, &t->builtin, s, a, b))
		return;
	lex_add(t, &t->doc, s + t->tok[a].start, t->tok[b - 1].end - t->tok[a].start, T_ORG, P_DOCNAME,
	    t->values.data + m->value, m->vlen, 0);
	if (a > c->t0 && b < c->t1)
		lex_add(t, &t->doc, s + t->tok[c->t0].start, t->tok[b - 1].end - t->tok[c->t0].start, T_ORG,
		    P_DOCNAME, t->values.data + m->value, m->vlen, 0);
}

void
new_document(struct tagger *t, const char *doc, size_t doclen)
{
	t->docid.len = 0;
	buf_add(&t->docid, doc, doclen);
	lex_clear(&t->doc);
	t->year = 0;
	t->names.len = 0;
	t->npeople = 0;
	table_clear(&t->bodies);
}
