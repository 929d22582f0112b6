/*
 * The mentions of a sentence: candidates from patterns, lists, acronym
 * definitions, the statistical tagger and context cues compete for the
 * text (higher priority, then longer, wins); the winners get their VALUE
 * in text order, which is when the document's memory (acronyms, people,
 * the year) is read and extended.  The candidates' sources are in
 * entity-patterns.c, entity-lexicon.c, entity-memory.c and entity-names.c.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "data.h"
#include "diag.h"
#include "entity-impl.h"
#include "mem.h"
#include "ner.h"

static const char *const builtin_types[T_BUILTIN] = {
	"PER", "ORG", "LOC", "DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "EMAIL", "URL"
};

struct cand *
add_cand(struct tagger *t, size_t start, size_t end, int type, int prio)
{
	struct cand *c;

	t->cand = xgrow(t->cand, &t->candcap, t->ncand + 1, sizeof *t->cand);
	c = &t->cand[t->ncand++];
	memset(c, 0, sizeof *c);
	c->start = start;
	c->end = end;
	c->type = type;
	c->prio = prio;
	c->t0 = c->t1 = SIZE_MAX;
	c->vlen = SIZE_MAX;
	return c;
}

struct cand *
add_tokens(struct tagger *t, size_t i, size_t j, int type, int prio)
{
	struct cand *c = add_cand(t, t->tok[i].start, t->tok[j - 1].end, type, prio);

	c->t0 = i;
	c->t1 = j;
	return c;
}

void
set_value(struct tagger *t, struct cand *c, const char *v, size_t n)
{
	c->value = t->scratch.len;
	c->vlen = n;
	buf_add(&t->scratch, v, n);
}

/* ---- lists ---- */

/*
 * Where the run of person names of the document met from token k ends
 * (Joko Widodo Joko Widodo ...): each token's answer is kept in t->runend
 * (end + 1; 0 unknown, cleared once per sentence by the caller), so that
 * the runs from every token of a long one cost its length once, not squared.
 */
static size_t
name_run_end(struct tagger *t, const char *s, size_t k)
{
	size_t *end = t->runend, *path = t->runend + t->ntok, npath = 0, more, stop;
	const struct entry *e;

	while (k < t->ntok && !end[k] && (e = lex_match(t, &t->doc, s, k, &more)) && e->type == T_PER &&
	    capitalised(t, s, k, k + more)) {
		path[npath++] = k;
		k += more;
	}
	stop = k < t->ntok && end[k] ? end[k] - 1 : k;
	while (npath)
		end[path[--npath]] = stop + 1;
	return stop;
}

/* Are tokens [i, j) written as the term e's value, case and all (SUN, not Sun Mi)? */
static int
written_as(struct tagger *t, const char *s, size_t i, size_t j, const struct entry *e)
{
	size_t n = t->tok[j - 1].end - t->tok[i].start;

	return n == e->vlen && memcmp(s + t->tok[i].start, t->terms.values.data + e->value, n) == 0;
}

static void
find_listed(struct tagger *t, const char *s)
{
	const struct entry *e;
	size_t i, len;
	struct cand *c;
	int runs = 0;

	for (i = 0; i < t->ntok; i++) {
		unsigned char first = (unsigned char)s[t->tok[i].start];

		if ((e = lex_match(t, &t->user, s, i, &len))) {
			c = add_tokens(t, i, i + len, e->type, P_USER);
			set_value(t, c, t->user.values.data + e->value, e->vlen);
		}
		if (!is_upper(first) && !is_digit(first))
			continue;
		if ((e = lex_match(t, &t->doc, s, i, &len)) && capitalised(t, s, i, i + len)) {
			/* the parts of a name met before, side by side, are one mention */
			if (e->type == T_PER) {
				if (!runs++) {
					t->runend = xgrow(t->runend, &t->runcap, 2 * t->ntok, sizeof *t->runend);
					memset(t->runend, 0, t->ntok * sizeof *t->runend);
				}
				len = name_run_end(t, s, i + len) - i;
			}
			add_tokens(t, i, i + len, e->type, e->prio);
		}
		if ((e = lex_match(t, &t->builtin, s, i, &len)) && capitalised(t, s, i, i + len) &&
		    (!e->capitals || in_capitals(s, t->tok, i, i + len)))
			add_tokens(t, i, i + len, e->type, e->prio);
		/* a known name with more of a name after it is someone else (Megawati Hangestri) */
		if ((e = lex_match(t, &t->known, s, i, &len)) && capitalised(t, s, i, i + len) &&
		    !(i + len < t->ntok && name_token(t, s, i + len)))
			add_tokens(t, i, i + len, e->type, e->prio);
		if ((e = lex_match(t, &t->terms, s, i, &len)) && written_as(t, s, i, i + len, e))
			add_tokens(t, i, i + len, -1, e->prio);
	}
}

/* ---- choosing and valuing ---- */

static int
by_strength(const void *pa, const void *pb)
{
	const struct cand *a = pa, *b = pb;

	if (a->prio != b->prio)
		return a->prio > b->prio ? -1 : 1;
	if (a->end - a->start != b->end - b->start)
		return a->end - a->start > b->end - b->start ? -1 : 1;
	return a->start < b->start ? -1 : a->start > b->start;
}

static int
by_start(const void *pa, const void *pb)
{
	const struct cand *a = pa, *b = pb;

	return a->start < b->start ? -1 : a->start > b->start;
}

/*
 * The candidates sorted by cmp, equal ones in their order (as glibc's
 * qsort, a merge sort, leaves them): a sentence's few by insertion,
 * without the merge sort's allocation; many by qsort.  Inline: each
 * caller's cmp is then compiled into its loop, not called.
 */
static inline __attribute__((always_inline)) void
sort_cands(struct cand *c, size_t n, int (*cmp)(const void *, const void *))
{
	if (n > 32) {
		qsort(c, n, sizeof *c, cmp);
		return;
	}
	for (size_t i = 1; i < n; i++) {
		struct cand x = c[i];
		size_t j = i;

		for (; j > 0 && cmp(&c[j - 1], &x) > 0; j--)
			c[j] = c[j - 1];
		c[j] = x;
	}
}

/* The first of the candidates c[0..n), in start order, that starts at or after pos. */
static size_t
first_from(const struct cand *c, size_t n, size_t pos)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (c[mid].start < pos)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/*
 * Keep the strongest candidates that do not overlap, in text order; returns
 * how many.  Linear in the candidates and the bytes they cover, so that a
 * sentence of a million numbers stays fast.
 */
static size_t
choose(struct tagger *t)
{
	struct cand *c = t->cand;
	size_t i, j, n = t->ncand, kept = 0, extent = 0;

	if (n == 0)
		return 0;
	sort_cands(c, n, by_start);
	/* the tagger's span around a listed name or a number sees more (SMA Negeri 6 Jakarta, PSMS Medan) */
	for (i = 0; i < n; i++) {
		int raise = 0;

		if (c[i].end > extent)
			extent = c[i].end;
		/* a person or company of this document stays one (Suhajar; Toba Pulp Lestari, not Toba) */
		if (c[i].prio == P_DOCNAME) {
			for (j = first_from(c, n, c[i].start); j < n && c[j].start == c[i].start; j++)
				if (c[j].prio == P_MODEL && (c[j].end == c[i].end || (c[i].type == T_ORG && c[j].end < c[i].end)))
					c[i].prio = P_MODEL + 1;
			continue;
		}
		if (c[i].prio != P_MODEL)
			continue;
		for (j = first_from(c, n, c[i].start); j < n && c[j].start < c[i].end; j++) {
			/* but a list that names the very span knows its type (Persebaya Surabaya, a club) */
			if (c[j].start == c[i].start && c[j].end == c[i].end && c[j].prio > P_MODEL && c[j].prio <= P_LIST) {
				raise = 0;
				break;
			}
			if (c[j].prio <= P_QUANTITY && c[j].prio != P_DEFINED && j != i && c[j].end <= c[i].end &&
			    c[j].end - c[j].start < c[i].end - c[i].start && c[j].prio + 1 > raise)
				raise = c[j].prio + 1;
		}
		if (raise > c[i].prio)
			c[i].prio = raise;
	}
	sort_cands(c, n, by_strength);
	t->taken.len = 0;
	buf_reserve(&t->taken, extent);
	memset(t->taken.data, 0, extent);
	for (i = 0; i < n; i++) {
		size_t len = c[i].end - c[i].start;

		if (memchr(t->taken.data + c[i].start, 1, len))
			continue;	/* overlaps a stronger mention */
		memset(t->taken.data + c[i].start, 1, len);
		c[kept++] = c[i];
	}
	sort_cands(c, kept, by_start);
	return kept;
}

/* Is candidate c a person, organisation or place the text named by tokens? */
static int
is_name(const struct cand *c)
{
	return (c->type == T_PER || c->type == T_ORG || c->type == T_LOC) && c->prio != P_USER && c->t1 > c->t0;
}

/*
 * Do tokens [i, j) join the items of a list (",", "dan", ", dan", "atau", "/")?
 * 0: no; 1: yes; 2: yes, before the last item (a conjunction: A, B dan C).
 */
static int
list_joint(struct tagger *t, const char *s, size_t i, size_t j)
{
	static const char *const joint[] = { ",", "dan", "serta", "atau", "/", "&", "and", "or", NULL };
	int last = 0;

	if (j <= i || j - i > 2)
		return 0;
	for (; i < j; i++) {
		if (!token_in(s, &t->tok[i], joint))
			return 0;
		last |= is_alnum((unsigned char)s[t->tok[i].start]) || s[t->tok[i].start] == '&';
	}
	return 1 + last;
}

/*
 * The names of a list are of one kind (Samas, Baron, Kukup, Krakal dan
 * Wediombo are beaches): in a list of three or more names where most are
 * of one type, the statistical tagger's guesses of another type take it.
 * Names from lists, definitions and dictionaries keep theirs.
 */
static void
same_kind_lists(struct tagger *t, const char *s, size_t n)
{
	struct cand *c = t->cand;
	size_t a, b, k;

	for (a = 0; a < n; a = b) {
		int count[3] = { 0 }, top = 0, joint;

		b = a + 1;
		if (!is_name(&c[a]))
			continue;
		/* the item after the conjunction is the last: "A dan B, Nama Orang, kata ..." is no list of three */
		while (b < n && is_name(&c[b]) && (joint = list_joint(t, s, c[b - 1].t1, c[b].t0))) {
			b++;
			if (joint == 2)
				break;
		}
		if (b - a < 3)
			continue;
		for (k = a; k < b; k++)
			count[c[k].type]++;
		for (k = 1; k < 3; k++)
			if (count[k] > count[top])
				top = (int)k;
		if (2 * (size_t)count[top] <= b - a)
			continue;
		for (k = a; k < b; k++)
			if (c[k].prio == P_MODEL && c[k].type != top)
				c[k].type = top;
	}
}

void
add_value(struct tagger *t, struct mention *m, const char *v, size_t n)
{
	m->value = t->values.len;
	m->vlen = n;
	buf_add(&t->values, v, n);
}

static void
name_value(struct tagger *t, struct mention *m, const char *s, const struct cand *c)
{
	const struct entry *e = NULL;
	const struct lexicon *l = &t->doc;

	if (c->t0 != SIZE_MAX && !(e = lex_exact(t, &t->doc, s, c->t0, c->t1)))
		e = lex_exact(t, l = &t->builtin, s, c->t0, c->t1);
	/* a province is one place with and without the word (Provinsi Jawa Barat: Jawa Barat) */
	if (!e && c->type == T_LOC && c->t0 != SIZE_MAX && c->t1 - c->t0 > 1 && token_is(s, &t->tok[c->t0], "Provinsi"))
		e = lex_exact(t, l = &t->builtin, s, c->t0 + 1, c->t1);
	if (e && e->vlen && (e->type == c->type || e->type < 0) && (!e->capitals || in_capitals(s, t->tok, c->t0, c->t1)))
		add_value(t, m, l->values.data + e->value, e->vlen);
	else
		add_value(t, m, s + c->start, c->end - c->start);
}

/* The built-in model is loaded at the first sentence, so that --model FILE never reads it. */
static void
load_builtin_model(struct tagger *t)
{
	const struct blob *model = data_find("ner.model");

	t->builtin_model = 0;
	if (model && !(t->model = t->own_model = ner_load(model->data, model->len)))
		die("built-in ner.model: cannot load");
}

/* Candidate c as a mention, with its value. */
static void
mention_of(struct tagger *t, struct mention *m, const char *s, const struct cand *c)
{
	m->start = c->start;
	m->end = c->end;
	m->type = c->type;
	if (c->type == T_PER && c->prio != P_USER)
		person_value(t, m, s, c);
	else if (c->type == T_DATE && c->prio != P_USER)
		date_value(t, m, c);
	else if (c->vlen != SIZE_MAX)
		add_value(t, m, t->scratch.data + c->value, c->vlen);
	else if (c->type == T_ORG || c->type == T_LOC)
		name_value(t, m, s, c);
	else
		add_value(t, m, s + c->start, c->end - c->start);
}

/*
 * Is m a body's name (by its value: BPS is Badan Pusat Statistik) with the
 * place of its office right after it, one space between (Kepolisian Daerah
 * Jawa Timur, BPS Jabar, Pengadilan Negeri Blora)?  Not a body the document
 * has named on its own before: that name stays its value (one value a body).
 */
static int
body_before_place(struct tagger *t, const char *s, const struct mention *m, const struct cand *next)
{
	const char *v = t->values.data + m->value, *sp;

	if (m->type != T_ORG || next->type != T_LOC || next->start != m->end + 1 || s[m->end] != ' ' ||
	    m->vlen == 0 || !is_upper((unsigned char)*v) || table_find(&t->bodies, v, m->vlen) >= 0)
		return 0;
	sp = memchr(v, ' ', m->vlen);
	return (word_cue(t, v, sp ? (size_t)(sp - v) : m->vlen) & C_BODY) != 0;
}

/*
 * Mention m runs on over the place after it; its value is its own and the
 * place as written: Pengadilan Negeri Blora, not ... Kabupaten Blora.
 */
static void
join_place(struct tagger *t, struct mention *m, const char *s, const struct cand *place)
{
	size_t at, n = m->vlen + 1 + (place->end - place->start);

	buf_reserve(&t->values, n);	/* the copy below reads from the same buffer */
	at = t->values.len;
	memcpy(t->values.data + at, t->values.data + m->value, m->vlen);
	t->values.len += m->vlen;
	buf_addc(&t->values, ' ');
	buf_add(&t->values, s + place->start, place->end - place->start);
	m->end = place->end;
	m->value = at;
	m->vlen = n;
}

size_t
tagger_sentence(struct tagger *t, const char *doc, size_t doclen, const char *s, size_t n,
    const struct mention **out)
{
	size_t i, kept, defined;

	if (t->builtin_model)
		load_builtin_model(t);
	if (!t->docid.data || doclen != t->docid.len || memcmp(doc, t->docid.data, doclen) != 0) {
		new_document(t, doc, doclen);
		english_new_document(&t->en);
	}
	t->ncand = 0;
	t->end_indexed = SIZE_MAX;
	t->nm = 0;
	t->scratch.len = 0;
	t->values.len = 0;
	t->ntok = tokenize(s, n, &t->tok, &t->tokcap);
	find_cues(t, s);
	english_begin(t, s);
	find_web(t, s, n);
	find_patterns(t, s, n);
	find_listed(t, s);
	find_model(t, s);
	defined = t->doc.phrase.n;
	find_nicknames(t, s);
	find_definitions(t, s);
	if (t->doc.phrase.n != defined)	/* an acronym defined here may come again in this sentence */
		find_defined_again(t, s);
	find_list_definitions(t, s);
	find_cued_names(t, s);
	dotted_ends(t, s);
	if (t->english) {
		english_names(t, s);
		find_english_runs(t, s);
	}
	kept = choose(t);
	same_kind_lists(t, s, kept);
	t->m = xgrow(t->m, &t->mcap, kept ? kept : 1, sizeof *t->m);
	for (i = 0; i < kept; i++) {
		const struct cand *c = &t->cand[i];
		struct mention *m = &t->m[t->nm];

		if (c->type < 0)	/* a blocker */
			continue;
		mention_of(t, m, s, c);
		remember_company(t, s, c, m);
		if (i + 1 < kept && body_before_place(t, s, m, &t->cand[i + 1]))
			join_place(t, m, s, &t->cand[++i]);
		else if (m->type == T_ORG)
			table_intern(&t->bodies, t->values.data + m->value, m->vlen, NULL);
		country_value(t, m);
		if (!t->want || (m->type < (int)t->wantcap && t->want[m->type]))
			t->nm++;
	}
	*out = t->m;
	return t->nm;
}

/* ---- the tagger ---- */

int
tagger_type(struct tagger *t, const char *name, size_t len)
{
	return (int)table_intern(&t->types, name, len, NULL);
}

const char *
tagger_type_name(const struct tagger *t, int type, size_t *len)
{
	return table_key(&t->types, (size_t)type, len);
}

void
tagger_want(struct tagger *t, int type)
{
	size_t old = t->wantcap;

	if ((size_t)type >= t->wantcap || !t->want) {
		t->want = xgrow(t->want, &t->wantcap, (size_t)type + 1, 1);
		memset(t->want + old, 0, t->wantcap - old);
	}
	t->want[type] = 1;
}

int
tagger_dict(struct tagger *t, const char *name, const char *data, size_t len)
{
	return load_dict(t, &t->user, name, data, len, P_USER);
}

const char *
tagger_values(const struct tagger *t)
{
	return t->values.data;
}

size_t
tagger_tokens(const struct tagger *t, const struct token **tok)
{
	*tok = t->tok;
	return t->ntok;
}

struct tagger *
tagger_with_tables(const struct blob *prepared)
{
	struct tagger *t = xcalloc(1, sizeof *t);
	int i;

	table_init(&t->types, 16);
	table_init(&t->bodies, 64);
	lexicons_init(t);
	if (prepared)
		tagger_tables_view(t, prepared);
	else {
		for (i = 0; i < T_BUILTIN; i++)
			tagger_type(t, builtin_types[i], strlen(builtin_types[i]));
		lexicons_load(t);
		places_load(t);
		first_words_cues(t);
	}
	english_init(&t->en);
	patterns_compile(t);
	t->builtin_model = 1;
	return t;
}

struct tagger *
tagger_new(void)
{
	const struct blob *prepared = data_find("entity-tables.bin");
	struct blob image;

	if (!prepared)	/* scripts/prepare-tables, which makes it */
		return tagger_with_tables(NULL);
	image = *prepared;
	return tagger_with_tables(&image);
}

void
tagger_language(struct tagger *t, int text, int values)
{
	t->lang = text;
	t->values_lang = values;
}

void
tagger_model(struct tagger *t, struct ner_model *m)
{
	ner_free(t->own_model);
	t->model = t->own_model = m;
	t->builtin_model = 0;
}

void
tagger_share_model(struct tagger *t, const struct ner_model *m)
{
	ner_free(t->own_model);
	t->own_model = NULL;
	t->model = m;
	t->builtin_model = 0;
}

const struct ner_model *
tagger_model_in_use(struct tagger *t)
{
	if (t->builtin_model)
		load_builtin_model(t);
	return t->model;
}

void
tagger_free(struct tagger *t)
{
	if (!t)
		return;
	patterns_free(t);
	lexicons_free(t);
	places_free(t);
	english_free(&t->en);
	table_free(&t->types);
	table_free(&t->bodies);
	free(t->want);
	ner_free(t->own_model);
	free(t->tok);
	free(t->label);
	free(t->cues);
	free(t->title_end);
	free(t->date_at);
	free(t->end_head);
	free(t->end_next);
	free(t->cand);
	buf_free(&t->taken);
	free(t->runend);
	free(t->m);
	buf_free(&t->scratch);
	buf_free(&t->values);
	buf_free(&t->key);
	buf_free(&t->docid);
	buf_free(&t->names);
	free(t->people);
	free(t);
}
