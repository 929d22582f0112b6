/*
 * The lexicons of tag-entities: phrases with a type and a value (the
 * built-in lists, the user's dictionaries, what a document defined) and the
 * cue words (titles, organisation words, verbs of saying, stopwords) with
 * their kinds, loaded from lib/data/.
 */
#include <stdlib.h>
#include <string.h>

#include "data.h"
#include "diag.h"
#include "entity-impl.h"
#include "mem.h"

/* Key of tokens [i, j) of s into key: lower case, one space between tokens. */
static void
make_key(struct buf *key, const char *s, const struct token *tok, size_t i, size_t j)
{
	size_t k, p;

	key->len = 0;
	for (k = i; k < j; k++) {
		if (k > i)
			buf_addc(key, ' ');
		buf_reserve(key, tok[k].end - tok[k].start);
		for (p = tok[k].start; p < tok[k].end; p++)
			key->data[key->len++] = lower(s[p]);
	}
}

/* The same key of tokens [i, j) of the sentence, from its lower case (find_cues() made it), into t->key. */
static void
sentence_key(struct tagger *t, size_t i, size_t j)
{
	t->key.len = 0;
	for (size_t k = i; k < j; k++) {
		if (k > i)
			buf_addc(&t->key, ' ');
		buf_add(&t->key, t->low.data + t->tok[k].start, t->tok[k].end - t->tok[k].start);
	}
}

void
lex_init(struct lexicon *l)
{
	memset(l, 0, sizeof *l);
	table_init(&l->phrase, 64);
	table_init(&l->first, 64);
}

void
lex_clear(struct lexicon *l)
{
	table_clear(&l->phrase);
	table_clear(&l->first);
	l->maxlen = 0;
	l->values.len = 0;
}

void
lex_free(struct lexicon *l)
{
	if (!l->phrase.view) {	/* a prepared lexicon's entries and values are the image's */
		free(l->e);
		buf_free(&l->values);
	}
	table_free(&l->phrase);
	table_free(&l->first);
}

int
in_capitals(const char *s, const struct token *tok, size_t i, size_t j)
{
	int letters = 0;

	for (size_t p = tok[i].start; p < tok[j - 1].end; p++) {
		if (is_lower((unsigned char)s[p]))
			return 0;
		letters += is_upper((unsigned char)s[p]);
	}
	return letters >= 2;
}

/* Add phrase (any text) with type, priority and value; an existing phrase is replaced if `replace`. */
void
lex_add(struct tagger *t, struct lexicon *l, const char *phrase, size_t n, int type, int prio,
    const char *value, size_t vlen, int replace)
{
	struct token *tok = NULL;
	size_t cap = 0, nt = tokenize(phrase, n, &tok, &cap), id;
	int added;

	if (nt == 0 || nt > MAXPHRASE ||
	    (l == &t->doc && (l->phrase.n >= MAXDOCPHRASES || n > MAXREMEMBERED || vlen > MAXREMEMBERED))) {
		free(tok);
		return;
	}
	make_key(&t->key, phrase, tok, 0, nt);
	id = table_intern(&l->phrase, t->key.data, t->key.len, &added);
	if (added || replace) {
		if (added)
			l->e = xgrow(l->e, &l->ecap, id + 1, sizeof *l->e);
		l->e[id].type = type;
		l->e[id].prio = prio;
		l->e[id].capitals = in_capitals(phrase, tok, 0, nt) && n <= MAXCAPITALS;
		if (added || vlen > l->e[id].vlen) {
			l->e[id].value = l->values.len;
			buf_add(&l->values, value, vlen);
		} else	/* in place: a definition repeated all through a document takes no more memory */
			memmove(l->values.data + l->e[id].value, value, vlen);
		l->e[id].vlen = vlen;
		make_key(&t->key, phrase, tok, 0, 1);
		table_intern(&l->first, t->key.data, t->key.len, NULL);
		if (nt > l->maxlen)
			l->maxlen = nt;
	}
	free(tok);
}

const struct entry *
lex_match_at(struct tagger *t, const struct lexicon *l, size_t i, size_t *len)
{
	const struct token *tok = t->tok;
	size_t j, last = i + l->maxlen < t->ntok ? i + l->maxlen : t->ntok;
	size_t ends[MAXPHRASE + 1];
	long long id;

	if (i != t->first_tok) {
		t->first_hash = hash_bytes(t->low.data + tok[i].start, tok[i].end - tok[i].start);
		t->first_tok = i;
	}
	if (table_find_hashed(&l->first, t->low.data + tok[i].start, tok[i].end - tok[i].start, t->first_hash) < 0)
		return NULL;
	sentence_key(t, i, i + 1);
	ends[1] = t->key.len;
	for (j = i + 1; j < last; j++) {
		buf_addc(&t->key, ' ');
		buf_add(&t->key, t->low.data + tok[j].start, tok[j].end - tok[j].start);
		ends[j - i + 1] = t->key.len;
	}
	for (j = last - i; j >= 1; j--)
		if ((id = j > 1 ? table_find(&l->phrase, t->key.data, ends[j]) :
		    table_find_hashed(&l->phrase, t->key.data, ends[1], t->first_hash)) >= 0) {
			*len = j;
			return &l->e[id];
		}
	return NULL;
}

const struct entry *
lex_exact(struct tagger *t, const struct lexicon *l, const char *s, size_t i, size_t j)
{
	long long id;

	if (l->phrase.n == 0 || (i < j && !may_start(t, l, s, i)))
		return NULL;
	sentence_key(t, i, j);
	id = table_find(&l->phrase, t->key.data, t->key.len);
	return id < 0 ? NULL : &l->e[id];
}

/* Is token tk one of the words (a NULL-terminated list; ASCII, any case)? */
int
token_in(const char *s, const struct token *tk, const char *const *words)
{
	for (; *words; words++)
		if (token_is(s, tk, *words))
			return 1;
	return 0;
}

/* ---- built-in data ---- */

/* A cue word, kept by its lower-case key (cues are looked up by it). */
void
add_cue(struct tagger *t, const char *w, size_t n, int kind)
{
	size_t id, old = t->cuecap;

	lower_key(&t->key, w, n);
	id = table_intern(&t->cue, t->key.data, n, NULL);

	if (id >= t->cuecap) {
		t->cuekind = xgrow(t->cuekind, &t->cuecap, id + 1, sizeof *t->cuekind);
		memset(t->cuekind + old, 0, (t->cuecap - old) * sizeof *t->cuekind);
	}
	t->cuekind[id] |= kind;
}

/* Cue flags of the word w[0..n). */
int
word_cue(struct tagger *t, const char *w, size_t n)
{
	long long id;

	lower_key(&t->key, w, n);
	id = table_find(&t->cue, t->key.data, n);
	return id < 0 ? 0 : t->cuekind[id];
}

/*
 * Cue flags of each token of the sentence, looked up once: the slots of
 * a batch of words fetched first, so that their cache misses overlap.
 * The sentence is lower-cased first, 8 bytes at a time: the key of every
 * token that a cue, a lexicon or a place is looked up by.
 */
void
find_cues(struct tagger *t, const char *s)
{
	enum { BATCH = 32 };
	size_t n, i, k, next = 0, end = t->ntok ? t->tok[t->ntok - 1].end : 0;	/* s[0..end) may be read */
	char *low;

	t->first_tok = SIZE_MAX;	/* a new sentence: lex_match's hash of a token is to be made again */
	t->cues = xgrow(t->cues, &t->cuescap, t->ntok ? t->ntok : 1, sizeof *t->cues);
	t->low.len = 0;
	buf_reserve(&t->low, end);
	low = t->low.data;
	lower_bytes(low, s, end);
	t->low.len = end;
	for (i = 0; i < t->ntok; i = next) {
		uint64_t h[BATCH];
		size_t tok[BATCH];

		for (n = 0, next = i; next < t->ntok && n < BATCH; next++) {
			const char *w = low + t->tok[next].start;
			size_t len = t->tok[next].end - t->tok[next].start;

			t->cues[next] = 0;
			if (!cue_looked_up(w, len))	/* a longer word is taken for no cue */
				continue;
			h[n] = hash_bytes(w, len);
			table_prefetch_slot(&t->cue, h[n]);
			tok[n++] = next;
		}
		for (k = 0; k < n; k++) {
			const struct token *tk = &t->tok[tok[k]];
			long long id = table_find_hashed(&t->cue, low + tk->start, tk->end - tk->start, h[k]);

			if (id >= 0)
				t->cues[tok[k]] = t->cuekind[id];
		}
	}
}

void
first_words_cues(struct tagger *t)
{
	struct lexicon *const lexicons[] = { &t->builtin, &t->known, &t->terms };

	for (size_t k = 0; k < sizeof lexicons / sizeof *lexicons; k++) {
		struct lexicon *l = lexicons[k];

		for (size_t id = 0, n; id < l->first.n; id++) {
			const char *w = table_key(&l->first, id, &n);

			add_cue(t, w, n, C_FIRST);
		}
		l->first_cue = C_FIRST;
	}
}

static struct blob
blob_of(const char *name)
{
	const struct blob *b = data_find(name);
	struct blob none = { name, "", 0 };

	return b ? *b : none;
}

/* A misspelt title v[0..n) is a title, unless it is a cue already (a word of its own). */
static void
add_misspelling(struct tagger *t, const char *v, size_t n)
{
	lower_key(&t->key, v, n);
	if (table_find(&t->cue, t->key.data, t->key.len) < 0)
		add_cue(t, v, n, C_TITLE);
}

/*
 * A long title with one letter left out or two swapped (Gubenur, Jendral,
 * Sekertaris, Mentri) is still a title, not a name (Pak Gubenur).  Not the
 * first letter (Apolda is a town, not Kapolda), not titles of under 7
 * letters (Rusman, Matano are names), not a word that is a cue already.
 */
static void
add_misspelt_title(struct tagger *t, const char *w, size_t n)
{
	char v[MAXMISSPELT];
	size_t k;

	if (n < 7 || n > sizeof v)
		return;
	for (k = 1; k < n; k++) {	/* letter k left out */
		memcpy(v, w, k);
		memcpy(v + k, w + k + 1, n - k - 1);
		add_misspelling(t, v, n - 1);
	}
	for (k = 1; k + 1 < n; k++) {	/* letters k and k + 1 swapped */
		memcpy(v, w, n);
		v[k] = w[k + 1];
		v[k + 1] = w[k];
		add_misspelling(t, v, n);
	}
}

/*
 * The words most used in ordinary Indonesian (ner-freq.tsv: among the 255
 * most frequent of the subtitles or the 127 most frequent of Wikipedia, as
 * rank buckets 1-8 and 1-7): capitalised at the start of a sentence, such a
 * word alone is no name (Ayo, Mari, Tolong); no given name is among them.
 */
static void
load_common_words(struct tagger *t)
{
	struct blob b = blob_of("ner-freq.tsv");
	struct line ln;
	size_t pos = 0;

	while (data_next_line(&b, &pos, &ln)) {
		const char *end = ln.data + ln.len, *tab = memchr(ln.data, '\t', ln.len), *p;
		int rank[2] = { 0, 0 }, k = 0;	/* Wikipedia, subtitles */

		if (!tab || ln.data[0] == '#')
			continue;
		for (p = tab + 1; p < end && k < 2; p++) {
			if (*p == '\t')
				k++;
			else if (is_digit((unsigned char)*p))
				rank[k] = rank[k] * 10 + (*p - '0');
		}
		if ((rank[0] >= 1 && rank[0] <= 7) || (rank[1] >= 1 && rank[1] <= 8))
			add_cue(t, ln.data, (size_t)(tab - ln.data), C_COMMON);
	}
}

static void
load_cues(struct tagger *t)
{
	static const char *const calendar[] = {
		"senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu", "januari", "februari",
		"maret", "april", "mei", "juni", "juli", "agustus", "september", "oktober", "november",
		"desember", NULL
	};
	struct blob b;
	struct line ln;
	size_t pos = 0, i;

	table_init(&t->cue, 1024);
	b = blob_of("entity-cues.txt");
	while (data_next_line(&b, &pos, &ln)) {
		char *sp = memchr(ln.data, ' ', ln.len);
		int kind;

		if (!sp)
			continue;
		kind = strncmp(ln.data, "org ", 4) == 0 ? C_ORG : strncmp(ln.data, "say ", 4) == 0 ? C_SAY :
		    strncmp(ln.data, "said ", 5) == 0 ? C_SAID : strncmp(ln.data, "skip ", 5) == 0 ? C_SKIP :
		    strncmp(ln.data, "place ", 6) == 0 ? C_PLACE : strncmp(ln.data, "stop ", 5) == 0 ? C_STOP :
		    strncmp(ln.data, "company ", 8) == 0 ? C_COMPANY : strncmp(ln.data, "body ", 5) == 0 ? C_BODY : 0;
		add_cue(t, sp + 1, ln.len - (size_t)(sp + 1 - ln.data), kind);
	}
	/* the model's words that end an organisation's name (Tbk, Ltd, FC) end no person's */
	b = blob_of("ner-cues.txt");
	pos = 0;
	while (data_next_line(&b, &pos, &ln))
		if (ln.len > 7 && strncmp(ln.data, "orgend\t", 7) == 0 && !memchr(ln.data + 7, ' ', ln.len - 7))
			add_cue(t, ln.data + 7, ln.len - 7, C_ORGEND);
	for (i = 0; i < 2; i++) {
		b = blob_of(i ? "titles-en.txt" : "titles.txt");
		pos = 0;
		while (data_next_line(&b, &pos, &ln))
			if (!memchr(ln.data, ' ', ln.len))
				add_cue(t, ln.data, ln.len, C_TITLE);
	}
	b = blob_of("stop-id.txt");
	pos = 0;
	while (data_next_line(&b, &pos, &ln))
		if (!is_upper((unsigned char)ln.data[0]))	/* the list's names (John, Muhammad) start names */
			add_cue(t, ln.data, ln.len, C_STOP);
	load_common_words(t);
	for (i = 0; calendar[i]; i++)
		add_cue(t, calendar[i], strlen(calendar[i]), C_CALENDAR);
	/* last, so that a misspelling that is a cue word of its own stays what it is */
	b = blob_of("titles.txt");
	pos = 0;
	while (data_next_line(&b, &pos, &ln))
		if (!memchr(ln.data, ' ', ln.len))
			add_misspelt_title(t, ln.data, ln.len);
}

/* The last comma-separated field of a CSV line (the gazetteer's name). */
static int
csv_name(const struct line *ln, const char **name, size_t *n)
{
	const char *c = memrchr(ln->data, ',', ln->len);

	if (!c)
		return 0;
	*name = c + 1;
	*n = ln->len - (size_t)(c + 1 - ln->data);
	return *n > 0 && strncmp(ln->data, "code,", 5) != 0;
}

static void
load_gazetteer(struct tagger *t, const char *file, int prio)
{
	struct blob b = blob_of(file);
	struct buf titled = { 0 };
	struct line ln;
	size_t pos = 0;
	const char *name;
	size_t n;

	while (data_next_line(&b, &pos, &ln)) {
		if (!csv_name(&ln, &name, &n))
			continue;
		/* a one-word district is too often a common word (Tulis, Harian): only with its title */
		if (prio == P_DISTRICT && !memchr(name, ' ', n)) {
			titled.len = 0;
			buf_adds(&titled, "Kecamatan ");
			buf_add(&titled, name, n);
			lex_add(t, &t->builtin, titled.data, titled.len, T_LOC, prio, titled.data, titled.len, 0);
			continue;
		}
		lex_add(t, &t->builtin, name, n, T_LOC, prio, name, n, 0);
		if (prio == P_DISTRICT)	/* Kota Timur is a district, Timur no place */
			continue;
		if (n > 23 && strncmp(name, "Kabupaten Administrasi ", 23) == 0)
			lex_add(t, &t->builtin, name + 23, n - 23, T_LOC, prio, name + 23, n - 23, 0);
		else if (n > 18 && strncmp(name, "Kota Administrasi ", 18) == 0)
			lex_add(t, &t->builtin, name + 18, n - 18, T_LOC, prio, name + 18, n - 18, 0);
		else if (n > 10 && strncmp(name, "Kabupaten ", 10) == 0)
			lex_add(t, &t->builtin, name + 10, n - 10, T_LOC, prio, name + 10, n - 10, 0);
		else if (n > 5 && strncmp(name, "Kota ", 5) == 0)
			lex_add(t, &t->builtin, name + 5, n - 5, T_LOC, prio, name + 5, n - 5, 0);
	}
	buf_free(&titled);
}

/* One dictionary (PHRASE TYPE [VALUE] lines) into l; -1 after a message on a malformed line. */
int
load_dict(struct tagger *t, struct lexicon *l, const char *name, const char *data, size_t len, int prio)
{
	size_t pos = 0, lineno = 0, k;
	int status = 0, none;

	while (pos < len) {
		const char *s = data + pos, *nl = memchr(s, '\n', len - pos), *f[3], *p, *end;
		size_t n = nl ? (size_t)(nl - s) : len - pos, fl[3], nf = 0;

		pos += n + (nl != NULL);
		lineno++;
		if (n > 0 && s[n - 1] == '\r')
			n--;
		if (n == 0 || s[0] == '#')
			continue;
		p = s;
		end = s + n;
		for (;;) {
			const char *tab = memchr(p, '\t', (size_t)(end - p));

			f[nf] = p;
			fl[nf] = tab && nf < 2 ? (size_t)(tab - p) : (size_t)(end - p);
			nf++;
			if (!tab || nf == 3)
				break;
			p = tab + 1;
		}
		for (k = 0; nf >= 2 && k < fl[1]; k++)
			if (!(is_upper((unsigned char)f[1][k]) || is_digit((unsigned char)f[1][k]) || f[1][k] == '_'))
				break;
		none = nf >= 2 && fl[1] == 1 && f[1][0] == '-';	/* names nothing: blocks what others find */
		if (nf < 2 || fl[0] == 0 || fl[1] == 0 || (k < fl[1] && !none)) {
			warn("%s:%zu: want PHRASE TAB TYPE [TAB VALUE], TYPE in upper case or -", name, lineno);
			status = -1;
			continue;
		}
		lex_add(t, l, f[0], fl[0], none ? -1 : tagger_type(t, f[1], fl[1]), prio,
		    nf == 3 && fl[2] ? f[2] : f[0], nf == 3 && fl[2] ? fl[2] : fl[0], 1);
	}
	return status;
}

/* The lexicons filled as the tagger runs: the user's dictionaries, what a document defines. */
void
lexicons_init(struct tagger *t)
{
	lex_init(&t->user);
	lex_init(&t->doc);
	t->first_tok = SIZE_MAX;
}

/* The lexicons and cues of the built-in data, built from the lists. */
void
lexicons_load(struct tagger *t)
{
	struct blob b;

	lex_init(&t->builtin);
	lex_init(&t->terms);
	lex_init(&t->known);
	load_cues(t);
	b = blob_of("institutions.tsv");
	load_dict(t, &t->builtin, "institutions.tsv", b.data, b.len, P_LIST);
	b = blob_of("known-names.tsv");
	load_dict(t, &t->known, "known-names.tsv", b.data, b.len, P_LIST);
	b = blob_of("no-names.tsv");
	load_dict(t, &t->terms, "no-names.tsv", b.data, b.len, P_LIST);
	load_gazetteer(t, "gazetteer-provinces.csv", P_GAZETTEER);
	load_gazetteer(t, "gazetteer-regencies.csv", P_GAZETTEER);
	load_gazetteer(t, "gazetteer-districts.csv", P_DISTRICT);
	english_words_load(t);
	nickname_cues_load(t);
}

void
lexicons_free(struct tagger *t)
{
	lex_free(&t->builtin);
	lex_free(&t->user);
	lex_free(&t->doc);
	lex_free(&t->terms);
	lex_free(&t->known);
	buf_free(&t->low);
	if (!t->cue.view)
		free(t->cuekind);
	table_free(&t->cue);
}
