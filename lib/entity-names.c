/*
 * Names of people, organisations and places from the statistical tagger,
 * trimmed of titles and verbs, and people found by context cues (titles,
 * verbs of saying) where the tagger saw none.
 */
#include <stdint.h>
#include <string.h>

#include "entity-impl.h"
#include "mem.h"
#include "ner.h"

/* Do the words of tokens [i, j) start with a capital or digit, but for the small words (Badan Penelitian dan ...)? */
int
capitalised(struct tagger *t, const char *s, size_t i, size_t j)
{
	for (; i < j; i++) {
		unsigned char c = (unsigned char)s[t->tok[i].start];

		if (is_lower(c) && !(cue_of(t, s, i) & C_SKIP))
			return 0;
	}
	return 1;
}

static int
all_caps(const char *s, const struct token *tk)
{
	size_t p;

	if (tk->end - tk->start < 2)
		return 0;
	for (p = tk->start; p < tk->end; p++)
		if (!is_upper((unsigned char)s[p]) && !is_digit((unsigned char)s[p]))
			return 0;
	return 1;
}

static int
portfolio(const char *s, const struct token *tk)
{
	const char *w = s + tk->start;
	size_t n = tk->end - tk->start;

	return n >= 7 && (strncmp(w, "Pe", 2) == 0 || strncmp(w, "Ke", 2) == 0) && strncmp(w + n - 2, "an", 2) == 0;
}

/* A capitalised verb of a headline (Tegaskan, Mendorong, Katanya) rather than a name. */
static int
verb_like(const char *w, size_t n)
{
	if (n > 5 && (strncmp(w + n - 3, "kan", 3) == 0 || strncmp(w + n - 3, "nya", 3) == 0))
		return 1;
	return n > 5 && (strncmp(w, "Mem", 3) == 0 || strncmp(w, "Men", 3) == 0 || strncmp(w, "Meny", 4) == 0);
}

int
name_token(struct tagger *t, const char *s, size_t i)
{
	const struct token *tk = &t->tok[i];
	size_t p;
	int lowers = 0;

	if (!is_upper((unsigned char)s[tk->start]) || tk->end - tk->start < 2)
		return 0;
	for (p = tk->start + 1; p < tk->end; p++)
		lowers += is_lower((unsigned char)s[p]);
	if (!lowers)
		return 0;
	if (verb_like(s + tk->start, tk->end - tk->start) || portfolio(s, tk))
		return 0;
	return !(cue_of(t, s, i) & (C_TITLE | C_STOP | C_CALENDAR | C_ORG | C_SAY | C_SAID | C_PLACE | C_ORGEND));
}

/* Past title token i, with the ministry of a minister (Menteri Perhubungan) and a "." after it. */
static size_t
past_title(const char *s, const struct token *tok, size_t i, size_t end)
{
	i++;
	if (i < end && portfolio(s, &tok[i]))
		i++;
	if (i < end && s[tok[i].start] == '.')
		i++;
	return i;
}

/* Past titles from token i (Dr . H . Menteri ...): the first token after them. */
static size_t
skip_titles(struct tagger *t, const char *s, size_t i, size_t end)
{
	while (i < end && (cue_of(t, s, i) & C_TITLE))
		i = past_title(s, t->tok, i, end);
	return i;
}

void
find_cued_names(struct tagger *t, const char *s)
{
	size_t i, j, k;
	/* The titles skipped last, from the one after their first: a run of titles is walked once, not once per title. */
	size_t run_next = SIZE_MAX, run_end = 0;
	/* And the organisations after them, from org_from to org_to (Menteri PANRB, Sekjen Kemendagri). */
	size_t org_from = SIZE_MAX, org_to = 0;

	for (i = 0; i < t->ntok; i++) {
		int cue = cue_of(t, s, i);

		if (cue & (C_TITLE | C_SAY)) {
			if ((cue & C_TITLE) && !is_upper((unsigned char)s[t->tok[i].start]))
				continue;
			j = i + (cue & C_TITLE ? 0 : 1);
			while (run_next < j && run_next < run_end)	/* past lower-case titles of the run */
				run_next = past_title(s, t->tok, run_next, t->ntok);
			if (j == run_next && j < run_end) {
				run_next = past_title(s, t->tok, j, t->ntok);
				j = run_end;
			} else {
				run_next = j < t->ntok && (cue_of(t, s, j) & C_TITLE) ? past_title(s, t->tok, j, t->ntok) : SIZE_MAX;
				j = run_end = skip_titles(t, s, j, t->ntok);
			}
			/* Menteri PANRB Abdullah Azwar Anas, Sekjen Kemendagri, Suhajar Diantoro */
			size_t past = j;

			if (j == org_from) {	/* the titles of a run before the same organisations */
				j = org_to;
			} else {
				org_from = j;	/* past titles, j > i */
				for (;;) {
					size_t len;

					if (j < t->ntok && all_caps(s, &t->tok[j]))
						j++;
					else if (j < t->ntok && lex_match(t, &t->builtin, s, j, &len) &&
					    capitalised(t, s, j, j + len))
						j += len;
					else
						break;
				}
				org_to = j;
			}
			if (j > i + 1 && j < t->ntok && s[t->tok[j].start] == ',')
				j++;
			for (k = j; k < t->ntok && k - j < MAXNAME && name_token(t, s, k); k++)
				;
			/* a run of capitalised words longer than a name is a headline; one before a ministry's */
			/* field is an office (Menteri Koordinator Kompartimen Pekerjaan Umum), one before Tbk a company */
			if (k > j && !(k < t->ntok && (name_token(t, s, k) || portfolio(s, &t->tok[k]) ||
			    (cue_of(t, s, k) & C_ORGEND))) &&
			    (j == past || k - j < MAXNAME))
				add_tokens(t, j, k, T_PER, P_CUE);
		} else if (cue & C_SAID && i > 0) {
			for (k = i; k > 0 && i - k < MAXNAME && name_token(t, s, k - 1); k--)
				;
			if (k < i)
				add_tokens(t, k, i, T_PER, P_CUE);
		}
	}
}

/*
 * A place or organisation run on into a person's name (Provinsi Jawa Barat
 * Linda Al Amin): when a listed name ends inside the span and only
 * capitalised names follow, those are a person.  Returns the span's new end.
 */
static size_t
split_name_off(struct tagger *t, const char *s, size_t a, size_t b)
{
	size_t k, p;

	if (b - a > MAXPHRASE)
		return b;
	for (k = b - 1; k > a + 0 && name_token(t, s, k) && !lex_exact(t, &t->builtin, s, k, k + 1); k--) {
		if (b - k < 2)
			continue;
		for (p = a; p < k && (p == a || (cue_of(t, s, p - 1) & C_PLACE)); p++) {
			const struct entry *e = lex_exact(t, &t->builtin, s, p, k);

			if (e && (e->type == T_LOC || e->type == T_ORG)) {
				add_tokens(t, k, b, T_PER, P_MODEL);
				return k;
			}
		}
	}
	return b;
}

/*
 * Past an institution or region of the built-in list that heads a person's
 * span (Sekjen Kemendagri Suhajar, Gubernur Jabar Ridwan Kamil), or a place
 * of the gazetteer after a title (Bupati Kudus Hartopo), and the titles
 * after it (Kapolda Jabar Irjen ...): the first token of the name.
 */
static size_t
skip_listed(struct tagger *t, const char *s, size_t a, size_t b)
{
	for (;;) {
		size_t p, past = a;
		int titled = a > 0 && (cue_of(t, s, a - 1) & C_TITLE);

		for (p = a + 1; p < b && p - a <= MAXPHRASE; p++) {
			const struct entry *e = lex_exact(t, &t->builtin, s, a, p);

			if (e && (e->prio == P_LIST || (titled && e->type == T_LOC)))
				past = p;
		}
		if (past == a)
			return a;
		a = skip_titles(t, s, past, b);
	}
}

/* Does a place or body of the built-in lists lie within tokens [a, b)? */
static int
holds_listed(struct tagger *t, const char *s, size_t a, size_t b)
{
	size_t len;

	for (; a < b; a++)
		if (lex_match(t, &t->builtin, s, a, &len) && a + len <= b)
			return 1;
	return 0;
}

/*
 * A body or office in a place of the lists (its first word an organisation
 * word or a title) run on into an officer's title and name (Polres Kudus AKP
 * Dimas Prasetyo, Kapolda Metro Jaya Irjen Pol Karyoto): the name after the
 * titles is a person, the titles belong to neither.  Returns the end of
 * what is left before the titles ([*a, end), maybe empty).
 */
static size_t
split_officer_off(struct tagger *t, const char *s, size_t *a, size_t b)
{
	size_t k, j;

	for (k = b; k > *a && b - k < MAXNAME && name_token(t, s, k - 1); k--)
		;
	if (k == b || (k > *a && name_token(t, s, k - 1)))
		return b;
	for (j = k; j > *a && (cue_of(t, s, j - 1) & C_TITLE) && is_upper((unsigned char)s[t->tok[j - 1].start]); j--)
		;
	if (j == k || j == *a || !(cue_of(t, s, *a) & (C_ORG | C_TITLE)) || !holds_listed(t, s, *a, j))
		return b;
	add_tokens(t, k, b, T_PER, P_MODEL);
	*a = skip_titles(t, s, *a, j);
	return j;
}

/* A lower-case word inside a person's name (von Trapp, bin Ali, de Burgh). */
static int
name_particle(const char *s, const struct token *tk)
{
	static const char *const particle[] = { "al", "bin", "binti", "da", "de", "del", "della", "der", "dos", "du",
	    "ibn", "van", "von", NULL };

	return is_lower((unsigned char)s[tk->start]) && token_in(s, tk, particle);
}

/* Do tokens [a, b) have a company's form (PT Toba Pulp Lestari Tbk, LNG Japan Corp)? */
int
company(struct tagger *t, const char *s, size_t a, size_t b)
{
	return (b - a > 1 && (cue_of(t, s, a) & C_COMPANY) && is_upper((unsigned char)s[t->tok[a].start])) ||
	    (cue_of(t, s, b - 1) & C_COMPANY);
}

/* Does token a start a body's name (Kejaksaan Negeri Blora, Dinas Pendidikan)? */
static int
body(struct tagger *t, const char *s, size_t a)
{
	return (cue_of(t, s, a) & C_BODY) && is_upper((unsigned char)s[t->tok[a].start]);
}

/* Is token i the sentence's first word (after quotes, dashes or brackets)? */
static int
sentence_start(struct tagger *t, const char *s, size_t i)
{
	while (i > 0 && !is_alnum((unsigned char)s[t->tok[i - 1].start]))
		i--;
	return i == 0;
}

void
find_model(struct tagger *t, const char *s)
{
	static const int type_of[NER_NLABELS] = { -1, T_PER, T_PER, T_ORG, T_ORG, T_LOC, T_LOC };
	static const unsigned char inside[NER_NLABELS] = { NER_O, NER_I_PER, NER_I_PER, NER_I_ORG, NER_I_ORG,
	    NER_I_LOC, NER_I_LOC };
	size_t i, j, k;

	if (!t->model || !t->ntok)
		return;
	t->label = xgrow(t->label, &t->labcap, t->ntok, 1);
	ner_tag(t->model, s, t->tok, t->ntok, t->label);
	for (i = 0; i < t->ntok; i = j) {
		int type = t->label[i] < NER_NLABELS ? type_of[t->label[i]] : -1;
		size_t a = i, b;

		j = i + 1;
		if (type < 0)
			continue;
		for (;;) {
			while (j < t->ntok && t->label[j] == inside[t->label[i]])
				j++;
			/* Georg Ludwig von Trapp: a particle between two parts of a name joins them */
			if (type != T_PER || j + 1 >= t->ntok || t->label[j + 1] != NER_B_PER || !name_particle(s, &t->tok[j]))
				break;
			j += 2;
		}
		b = j;
		if (skip_titles(t, s, a, b) == b)	/* titles alone name nobody and nothing (Pak Gubenur) */
			continue;
		if (company(t, s, a, b) || body(t, s, a))
			type = T_ORG;
		if (type == T_PER) {
			while (a < b && t->tok[a].end - t->tok[a].start > 1 && (cue_of(t, s, a) & (C_STOP | C_SAY | C_SAID)))
				a++;
			a = skip_listed(t, s, skip_titles(t, s, a, b), b);
			/* a lower-case word other than a particle ends a name (Rudi Hartono alias Gondrong) */
			for (k = a + 1; k < b && (!is_lower((unsigned char)s[t->tok[k].start]) ||
			    !is_alnum((unsigned char)s[t->tok[k].start]) || name_particle(s, &t->tok[k])); k++)
				;
			if (k + 1 < b)
				b = k;
			/* a name ends with a capitalised word: a verb after it is no part of it (Ridwan Kamil hadir) */
			while (b - a > 1 && is_lower((unsigned char)s[t->tok[b - 1].start]) &&
			    is_upper((unsigned char)s[t->tok[b - 2].start]))
				b--;
			if (b - a == 1 && (cue_of(t, s, a) & C_COMMON) && sentence_start(t, s, a))
				continue;	/* a common word capitalised as the sentence's first (Ayo, Mari) */
		}
		while (b > a && (cue_of(t, s, b - 1) & C_CALENDAR))
			b--;
		if (a < b && type != T_PER)
			b = split_name_off(t, s, a, b);
		if (a < b && type != T_PER)
			b = split_officer_off(t, s, &a, b);
		if (a < b)
			add_tokens(t, a, b, type, P_MODEL);
	}
}
