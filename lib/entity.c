/*
 * The mentions of a sentence: candidates from patterns, lists, acronym
 * definitions, the statistical tagger and context cues compete for the
 * text (higher priority, then longer, wins); the winners get their VALUE
 * in text order, which is when the document's memory (acronyms, people,
 * the year) is read and extended.
 */
#define PCRE2_CODE_UNIT_WIDTH 8

#include <pcre2.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "data.h"
#include "diag.h"
#include "entity.h"
#include "hash.h"
#include "mem.h"
#include "ner.h"
#include "normalize.h"

#define MAXPHRASE 16	/* tokens in the longest list phrase tried */
#define MAXNAME 4	/* tokens of a name found by a context cue */
#define MAXPEOPLE 512	/* people a document remembers (memory and time stay bounded) */
#define MAXDOCPHRASES 20000	/* acronyms, expansions and name parts a document remembers */
#define MAXREMEMBERED 512	/* bytes of the longest name or expansion a document remembers */
#define MAXMISSPELT 32	/* letters of a title whose misspellings are titles too */
#define MAXACRONYM 32	/* letters of an acronym tried against its expansion (digits repeat letters) */

/* Priorities of the candidates' sources. */
enum { P_CUE = 23, P_DISTRICT = 18, P_GAZETTEER = 20, P_MODEL = 25, P_DOCNAME = 22, P_LIST = 30,
	P_DEFINED = 35, P_QUANTITY = 40, P_PATTERN = 50, P_WEB = 55, P_USER = 60 };

/* Cue kinds of entity-cues.txt and the title list. */
enum { C_ORG = 1, C_SAY = 2, C_SAID = 4, C_SKIP = 8, C_TITLE = 16, C_STOP = 32, C_CALENDAR = 64, C_PLACE = 128,
	C_ORGEND = 256, C_COMPANY = 512, C_BODY = 1024 };

struct entry {
	int type, prio;
	size_t value, vlen;	/* in the lexicon's values */
};

/* Phrases (lower-case tokens joined by one space) with their type and value. */
struct lexicon {
	struct table phrase;
	struct entry *e;
	size_t ecap;
	struct table first;	/* first tokens of the phrases */
	size_t maxlen;		/* tokens */
	struct buf values;
};

struct cand {
	size_t start, end;	/* bytes */
	size_t t0, t1;		/* tokens [t0, t1), when from tokens */
	int type, prio;
	int y, m, d;		/* a date's parts, 0 when unknown */
	size_t value, vlen;	/* in t->scratch; vlen == SIZE_MAX: none yet */
};

struct person {
	size_t off, len;	/* the name, in t->names */
	int ntok;
};

struct tagger {
	pcre2_code *re, *web;
	pcre2_match_data *md;
	pcre2_match_context *mctx;
	struct lexicon builtin, user, doc;
	struct lexicon terms;	/* built-in phrases that name nothing (no-names.tsv), apart so that no list lookup meets them */
	struct table cue;	/* lower-case words ... */
	unsigned short *cuekind;	/* ... and their C_ flags */
	size_t cuecap;
	struct table types;
	unsigned char *want;	/* by type; NULL: all */
	size_t wantcap;
	struct ner_model *model;
	int builtin_model;	/* the built-in model is still to be loaded */
	/* the sentence */
	struct token *tok;
	size_t ntok, tokcap;
	unsigned char *label;
	unsigned short *cues;
	size_t labcap, cuescap;
	struct cand *cand;
	size_t ncand, candcap;
	struct buf taken;	/* choose(): the sentence bytes already covered by a mention */
	size_t *runend, runcap;	/* find_listed(): name_run_end()'s answers, then its path */
	struct mention *m;
	size_t nm, mcap;
	struct buf scratch, values, key;
	/* the document */
	struct buf docid;
	int year;
	struct buf names;
	struct person *people;
	size_t npeople, peoplecap;
};

static const char *const builtin_types[T_BUILTIN] = {
	"PER", "ORG", "LOC", "DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "EMAIL", "URL"
};

static int
is_upper(unsigned char c)
{
	return c >= 'A' && c <= 'Z';
}

static int
is_lower(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || c >= 0x80;
}

static int
is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

static int
is_alnum(unsigned char c)
{
	return is_upper(c) || is_lower(c) || is_digit(c);
}

static char
lower(char c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

/* Key of tokens [i, j) of s into t->key: lower case, one space between tokens. */
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

/* ---- lexicons ---- */

static void
lex_init(struct lexicon *l)
{
	memset(l, 0, sizeof *l);
	table_init(&l->phrase, 64);
	table_init(&l->first, 64);
}

static void
lex_clear(struct lexicon *l)
{
	table_clear(&l->phrase);
	table_clear(&l->first);
	l->maxlen = 0;
	l->values.len = 0;
}

static void
lex_free(struct lexicon *l)
{
	table_free(&l->phrase);
	table_free(&l->first);
	free(l->e);
	buf_free(&l->values);
}

/* Add phrase (any text) with type, priority and value; an existing phrase is replaced if `replace`. */
static void
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

/* The longest phrase of l at token i: its entry and token count, or NULL. */
static const struct entry *
lex_match(struct tagger *t, const struct lexicon *l, const char *s, size_t i, size_t *len)
{
	const struct token *tok = t->tok;
	size_t j, last = i + l->maxlen < t->ntok ? i + l->maxlen : t->ntok;
	size_t ends[MAXPHRASE + 1];
	long long id;

	if (l->phrase.n == 0)
		return NULL;
	make_key(&t->key, s, tok, i, i + 1);
	if (table_find(&l->first, t->key.data, t->key.len) < 0)
		return NULL;
	ends[1] = t->key.len;
	for (j = i + 1; j < last; j++) {
		buf_addc(&t->key, ' ');
		buf_reserve(&t->key, tok[j].end - tok[j].start);
		for (size_t p = tok[j].start; p < tok[j].end; p++)
			t->key.data[t->key.len++] = lower(s[p]);
		ends[j - i + 1] = t->key.len;
	}
	for (j = last - i; j >= 1; j--)
		if ((id = table_find(&l->phrase, t->key.data, ends[j])) >= 0) {
			*len = j;
			return &l->e[id];
		}
	return NULL;
}

static const struct entry *
lex_exact(struct tagger *t, const struct lexicon *l, const char *s, size_t i, size_t j)
{
	long long id;

	if (l->phrase.n == 0)
		return NULL;
	make_key(&t->key, s, t->tok, i, j);
	id = table_find(&l->phrase, t->key.data, t->key.len);
	return id < 0 ? NULL : &l->e[id];
}

/* ---- built-in data ---- */

/* Cues are looked up by lower-case keys: w[0..n) lower-cased into t->key. */
static void
cue_key(struct tagger *t, const char *w, size_t n)
{
	t->key.len = 0;
	buf_reserve(&t->key, n);
	for (size_t p = 0; p < n; p++)
		t->key.data[t->key.len++] = lower(w[p]);
}

static void
add_cue(struct tagger *t, const char *w, size_t n, int kind)
{
	size_t id, old = t->cuecap;

	cue_key(t, w, n);
	id = table_intern(&t->cue, t->key.data, n, NULL);

	if (id >= t->cuecap) {
		t->cuekind = xgrow(t->cuekind, &t->cuecap, id + 1, sizeof *t->cuekind);
		memset(t->cuekind + old, 0, (t->cuecap - old) * sizeof *t->cuekind);
	}
	t->cuekind[id] |= kind;
}

/* Cue flags of the word w[0..n). */
static int
word_cue(struct tagger *t, const char *w, size_t n)
{
	long long id;

	cue_key(t, w, n);
	id = table_find(&t->cue, t->key.data, n);
	return id < 0 ? 0 : t->cuekind[id];
}

/* Cue flags of each token of the sentence, looked up once. */
static void
find_cues(struct tagger *t, const char *s)
{
	t->cues = xgrow(t->cues, &t->cuescap, t->ntok ? t->ntok : 1, sizeof *t->cues);
	for (size_t i = 0; i < t->ntok; i++) {
		size_t n = t->tok[i].end - t->tok[i].start;

		t->cues[i] = n > 16 || !is_alnum((unsigned char)s[t->tok[i].start]) ? 0 :
		    (unsigned short)word_cue(t, s + t->tok[i].start, n);
	}
}

/* Cue flags of token i of the sentence. */
static int
cue_of(struct tagger *t, const char *s, size_t i)
{
	(void)s;
	return t->cues[i];
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
	cue_key(t, v, n);
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
	b = blob_of("titles.txt");
	pos = 0;
	while (data_next_line(&b, &pos, &ln))
		if (!memchr(ln.data, ' ', ln.len))
			add_cue(t, ln.data, ln.len, C_TITLE);
	b = blob_of("stop-id.txt");
	pos = 0;
	while (data_next_line(&b, &pos, &ln))
		if (!is_upper((unsigned char)ln.data[0]))	/* the list's names (John, Muhammad) start names */
			add_cue(t, ln.data, ln.len, C_STOP);
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
static int
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

/* ---- patterns ---- */

#define DAYN "(?:Senin|Selasa|Rabu|Kamis|Jumat|Jum['`’]at|Sabtu|Minggu|Ahad|SENIN|SELASA|RABU|KAMIS|JUMAT|" \
	"SABTU|MINGGU|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
#define MONF "(?i:Januari|Februari|Pebruari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|" \
	"November|Nopember|Desember|January|February|March|May|June|July|August|October|December)"
#define MONA "(?:Jan|Feb|Peb|Mar|Apr|Jun|Jul|Agu|Agt|Ags|Aug|Sep|Sept|Okt|Oct|Nov|Nop|Des|Dec)\\.?"
#define MON "(?:" MONF "|" MONA ")(?![\\w])"
#define DAY "(?:3[01]|[12]\\d|0?[1-9])"
#define MONTH "(?:1[0-2]|0?[1-9])"
#define YEAR "(?:1[89]\\d\\d|2[01]\\d\\d)(?!\\d)"
#define NUM "(?:\\d{1,3}(?:\\.\\d{3})+(?:,\\d+)?|\\d{1,3}(?:,\\d{3}){2,}(?:\\.\\d+)?|\\d+(?:[.,]\\d+)?)"
#define SCALE "(?:(?i:ribu|rb|juta|jt|miliar|milyar|triliun|trilyun|thousand|million|billion|trillion)(?:an)?(?![\\w]))"
#define CURPRE "(?:Rp\\.?|IDR|USD|US\\$|S\\$|\\$|€|£|¥|RM)"
#define CURWORD "(?i:rupiah|dolar(?:\\s+(?:AS|Amerika|Singapura))?|dollar|euro|yen|ringgit|yuan|riyal)(?![\\w])"
/* m for metres in lower case only: 3M is a name (the company, the 3M campaign); Rp3 M is money (miliar). */
#define UNIT "(?i:km|kilometer|meter|(?-i:m)|cm|mm|mdpl|kg|kilogram|gram|g|ton|liter|l|ml|ha|hektare|hektar|m2|km2|" \
	"gb|mb|tb|kb|mbps|gbps|mw|kw|kwh|watt|volt|derajat|°C|jam|menit|detik|hari|pekan|bulan|tahun|" \
	"orang|jiwa|unit|buah|ekor|kali|personel|lembar|butir|batang|kursi|dosis|kasus|desa|kabupaten|" \
	"kota|provinsi|negara|sekolah|rumah|keluarga|peserta|pegawai|siswa|mahasiswa|warga|korban)(?![\\w])"
#define ZONE "(?:WIB|WITA|WIT)(?![\\w])"

static const char main_pattern[] =
	"(?<date>"
	"(?:" DAYN "\\s*,?\\s*)?\\(\\s*" DAY "/" MONTH "(?:/(?:" YEAR "|\\d\\d))?\\s*\\)"
	"|(?:" DAYN "\\s*,?\\s*)?" DAY "\\s+" MON "(?:\\s*,?\\s+" YEAR ")?"
	"|(?:" DAYN "\\s*,?\\s*)?" MON "\\s+" DAY "(?:st|nd|rd|th)?,?\\s+" YEAR
	"|" DAY "[/-]" MONTH "[/-]" YEAR "|" YEAR "-(?:1[0-2]|0[1-9])-(?:3[01]|[12]\\d|0[1-9])(?!\\d)"
	"|" MON "\\s+" YEAR "|(?i:tahun)\\s+" YEAR ")"
	"|(?<time>(?i:pukul|jam)\\s+(?:[01]?\\d|2[0-3])[.:][0-5]\\d(?:[.:][0-5]\\d)?(?:\\s*" ZONE ")?"
	"|(?:[01]?\\d|2[0-3]):[0-5]\\d(?::[0-5]\\d)?(?:\\s*" ZONE ")?"
	"|(?:[01]?\\d|2[0-3])\\.[0-5]\\d\\s*" ZONE ")(?!\\d)"
	"|(?<money>" CURPRE "\\s?" NUM "(?:\\s?(?:" SCALE "|[MT](?![\\w])))?"
	"|" NUM "(?:\\s?" SCALE ")?\\s?" CURWORD ")"
	"|(?<percent>" NUM "\\s?(?:%|(?i:persen|per\\s?sen|percent)(?![\\w])))"
	"|(?<quantity>" NUM "(?:\\s?" SCALE ")?(?:\\s?" UNIT ")?(?![\\w]))";

static const char web_pattern[] =
	"(?<email>[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,})"
	"|(?<url>(?i:https?://|www\\.)[^\\s<>\"“”'()\\[\\]{}]*[^\\s<>\"“”'()\\[\\]{}.,;:!?])"
	"|(?<domain>[A-Za-z0-9][A-Za-z0-9-]*(?:\\.[A-Za-z0-9-]+)*\\.(?i:com|net|org|co\\.id|go\\.id|ac\\.id|"
	"or\\.id|id|info|io|news|tv)(?!\\w)(?!\\.\\w)(?:/[^\\s<>\"“”'()\\[\\]{}]*[^\\s<>\"“”'()\\[\\]{}.,;:!?])?)";

static pcre2_code *
compile(const char *pattern)
{
	int err;
	PCRE2_SIZE off;
	pcre2_code *re = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED, PCRE2_UTF | PCRE2_ANCHORED, &err, &off, NULL);

	if (!re) {
		PCRE2_UCHAR msg[256];

		pcre2_get_error_message(err, msg, sizeof msg);
		die("pattern at %zu: %s", (size_t)off, (char *)msg);
	}
	pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);
	return re;
}

/* ---- candidates ---- */

static struct cand *
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

static struct cand *
add_tokens(struct tagger *t, size_t i, size_t j, int type, int prio)
{
	struct cand *c = add_cand(t, t->tok[i].start, t->tok[j - 1].end, type, prio);

	c->t0 = i;
	c->t1 = j;
	return c;
}

static void
set_value(struct tagger *t, struct cand *c, const char *v, size_t n)
{
	c->value = t->scratch.len;
	c->vlen = n;
	buf_add(&t->scratch, v, n);
}

/* The number at s[*i..n) (digits and separators), advancing *i past it. */
static int
scan_number(const char *s, size_t n, size_t *i, size_t *start, size_t *len)
{
	size_t p = *i;

	while (p < n && !is_digit((unsigned char)s[p]))
		p++;
	if (p == n)
		return 0;
	*start = p;
	while (p < n && (is_digit((unsigned char)s[p]) ||
	    ((s[p] == '.' || s[p] == ',') && p + 1 < n && is_digit((unsigned char)s[p + 1]))))
		p++;
	*len = p - *start;
	*i = p;
	return 1;
}

static long
digits_value(const char *s, size_t n)
{
	long v = 0;

	for (size_t i = 0; i < n && i < 9; i++)
		v = v * 10 + (s[i] - '0');
	return v;
}

/* Days of month m (1-12) of year y (0: unknown, so February may have 29). */
static int
month_days(int y, int m)
{
	static const unsigned char days[12] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	if (m == 2 && y && (y % 4 != 0 || (y % 100 == 0 && y % 400 != 0)))
		return 28;
	return days[m - 1];
}

/* A date's parts from its text: numbers, a month name; 0 if it makes no date that exists (31/2). */
static int
parse_date(const char *s, size_t n, struct cand *c)
{
	long nums[3];
	size_t nn = 0, i = 0, ndig[3];
	int month = 0;

	while (i < n) {
		if (is_digit((unsigned char)s[i])) {
			size_t b = i;

			while (i < n && is_digit((unsigned char)s[i]))
				i++;
			if (nn < 3) {
				ndig[nn] = i - b;
				nums[nn++] = digits_value(s + b, i - b);
			}
		} else if (is_upper((unsigned char)s[i]) || is_lower((unsigned char)s[i])) {
			size_t b = i;

			while (i < n && (is_alnum((unsigned char)s[i]) || s[i] == '.'))
				i++;
			if (!month)
				month = month_number(s + b, i - b);
		} else
			i++;
	}
	c->y = c->m = c->d = 0;
	if (month) {
		c->m = month;
		for (i = 0; i < nn; i++)
			if (ndig[i] == 4)
				c->y = (int)nums[i];
			else if (!c->d)
				c->d = (int)nums[i];
	} else if (nn == 1 && ndig[0] == 4) {
		c->y = (int)nums[0];
	} else if (nn >= 2 && ndig[0] == 4) {
		c->y = (int)nums[0];
		c->m = (int)nums[1];
		c->d = nn > 2 ? (int)nums[2] : 0;
	} else if (nn >= 2) {
		c->d = (int)nums[0];
		c->m = (int)nums[1];
		if (nn > 2)
			c->y = (int)(ndig[2] != 2 ? nums[2] : nums[2] < 69 ? 2000 + nums[2] : 1900 + nums[2]);	/* as POSIX %y */
	}
	if (c->m > 12 || (c->d && (!c->m || c->d > month_days(c->y, c->m))))
		return 0;
	return c->y || c->m;
}

static void
time_value(struct tagger *t, struct cand *c, const char *s, size_t n)
{
	size_t i = 0, b, len, k = 0;
	char v[32];
	long part[3] = { 0, 0, -1 };
	const char *zone = NULL;
	int vn;

	while (k < 3 && i < n) {
		while (i < n && !is_digit((unsigned char)s[i]))
			i++;
		b = i;
		while (i < n && is_digit((unsigned char)s[i]))
			i++;
		if (i > b)
			part[k++] = digits_value(s + b, i - b);
	}
	len = n;
	while (len > 0 && is_upper((unsigned char)s[len - 1]))
		len--;
	if (len < n)
		zone = zone_offset(s + len, n - len);
	vn = part[2] >= 0 ? snprintf(v, sizeof v, "%02ld:%02ld:%02ld", part[0], part[1], part[2]) :
	    snprintf(v, sizeof v, "%02ld:%02ld", part[0], part[1]);
	set_value(t, c, v, (size_t)vn);
	if (zone) {
		buf_adds(&t->scratch, zone);
		c->vlen += 6;
	}
}

/* Money, percent and quantity values: the number (times its scale word), then a unit or currency. */
static void
amount_value(struct tagger *t, struct cand *c, const char *s, size_t n, int type)
{
	size_t i = 0, ns, nl, w, e;
	int exp = 0, x;
	const char *code = NULL;

	if (!scan_number(s, n, &i, &ns, &nl))
		return;
	if (type == T_MONEY && ns > 0) {
		e = ns;
		while (e > 0 && s[e - 1] == ' ')
			e--;
		code = currency_code(s, e);
	}
	while (i < n && s[i] == ' ')
		i++;
	w = i;
	while (i < n && (is_alnum((unsigned char)s[i])))
		i++;
	if (i > w && (x = scale_exponent(s + w, i - w, type == T_MONEY)) >= 0) {
		exp = x;
		while (i < n && s[i] == ' ')
			i++;
		w = i;
	}
	c->value = t->scratch.len;
	number_value(s + ns, nl, exp, &t->scratch);
	if (type == T_MONEY) {
		if (!code && w < n)
			code = currency_code(s + w, n - w);
		if (!code && w < n) {
			const char *sp = memchr(s + w, ' ', n - w);	/* dolar AS */
			code = currency_code(s + w, sp ? (size_t)(sp - s - w) : n - w);
		}
		buf_addc(&t->scratch, ' ');
		buf_adds(&t->scratch, code ? code : "IDR");
	} else if (type == T_QUANTITY && w < n) {
		buf_addc(&t->scratch, ' ');
		for (; w < n; w++)
			buf_addc(&t->scratch, lower(s[w]));
	}
	c->vlen = t->scratch.len - c->value;
}

/* May a pattern start at token i?  Cheap test before the anchored match. */
static int
pattern_start(const char *s, const struct token *tk)
{
	unsigned char c = (unsigned char)s[tk->start];

	return is_digit(c) || c == '(' || is_upper(c) || c == '$' || c == 0xe2 || c == 0xc2 ||
	    c == 'p' || c == 'j' || c == 't';
}

/* Is token i the word w (ASCII, any case)? */
static int
token_is(const char *s, const struct token *tk, const char *w)
{
	size_t n = strlen(w);

	return tk->end - tk->start == n && strncasecmp(s + tk->start, w, n) == 0;
}

/* Is token tk one of the words (a NULL-terminated list; ASCII, any case)? */
static int
token_in(const char *s, const struct token *tk, const char *const *words)
{
	for (; *words; words++)
		if (token_is(s, tk, *words))
			return 1;
	return 0;
}

/* Is s[a..b), at token i, a bare year after a word that asks for a time (sejak 2020, awal 2026)? */
static int
year_after_cue(struct tagger *t, const char *s, size_t i, size_t a, size_t b)
{
	static const char *const cues[] = {
		"sejak", "pada", "hingga", "sampai", "awal", "akhir", "pertengahan", "periode", "medio",
		"in", "since", "until", NULL
	};
	long y;

	if (b - a != 4 || i == 0 || !is_digit((unsigned char)s[a + 1]) || !is_digit((unsigned char)s[a + 2]) ||
	    !is_digit((unsigned char)s[a + 3]))
		return 0;
	y = digits_value(s + a, 4);
	if (y < 1800 || y > 2199)
		return 0;
	return token_in(s, &t->tok[i - 1], cues);
}

/* Is s[a..b), at token i, a version after a name (Industri 4.0, Web 2.0, Society 5.0), not an amount? */
static int
version_after_name(struct tagger *t, const char *s, size_t i, size_t a, size_t b)
{
	size_t p = a;

	while (p < b && is_digit((unsigned char)s[p]))
		p++;
	if (p == a || p + 2 != b || s[p] != '.' || s[p + 1] != '0' || i == 0)
		return 0;
	return is_upper((unsigned char)s[t->tok[i - 1].start]) && is_lower((unsigned char)s[t->tok[i - 1].end - 1]);
}

static void
find_patterns(struct tagger *t, const char *s, size_t n)
{
	static const int types[] = { T_DATE, T_TIME, T_MONEY, T_PERCENT, T_QUANTITY };
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(t->md);
	size_t i, done = 0;

	for (i = 0; i < t->ntok; i++) {
		int rc, g, type = -1;
		struct cand *c;
		size_t a, b;

		if (t->tok[i].start < done || !pattern_start(s, &t->tok[i]))
			continue;
		rc = pcre2_jit_match(t->re, (PCRE2_SPTR)s, n, t->tok[i].start, PCRE2_NO_UTF_CHECK,
		    t->md, t->mctx);
		if (rc < 0)
			continue;
		a = ov[0];
		b = ov[1];
		for (g = 1; g <= 5 && g < rc; g++)
			if (ov[2 * g] != PCRE2_UNSET) {
				type = types[g - 1];
				break;
			}
		if (type < 0 || b == a)
			continue;
		/* a match must end on a token boundary */
		if (b < n && is_alnum((unsigned char)s[b]) && is_alnum((unsigned char)s[b - 1]))
			continue;
		/* not a number inside a code or a fraction (OL-14, 4/8, 31/2) */
		if ((type == T_QUANTITY || type == T_PERCENT) && ((a > 0 && (s[a - 1] == '-' || s[a - 1] == '/')) ||
		    (b + 1 < n && s[b] == '/' && is_digit((unsigned char)s[b + 1]))))
			continue;
		if (type == T_QUANTITY && version_after_name(t, s, i, a, b)) {
			done = b;	/* nor its last digit */
			continue;
		}
		if (type == T_QUANTITY && year_after_cue(t, s, i, a, b))
			type = T_DATE;
		/* a bare number may be part of a name (SMA Negeri 6 Jakarta); a number with a unit is not (RAM 8 GB) */
		c = add_cand(t, a, b, type, type == T_QUANTITY && is_digit((unsigned char)s[b - 1]) ? P_QUANTITY : P_PATTERN);
		if (type == T_DATE) {
			if (!parse_date(s + a, b - a, c)) {
				t->ncand--;
				continue;
			}
		} else if (type == T_TIME)
			time_value(t, c, s + a, b - a);
		else
			amount_value(t, c, s + a, b - a, type);
		done = b;
	}
}

/* E-mail addresses and URLs, looked for only in chunks of text with '@', "://", "www." or a dot between letters. */
static void
find_web(struct tagger *t, const char *s, size_t n)
{
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(t->md);
	size_t i = 0, a, b, p;

	while (i < n) {
		int hit = 0, rc;

		while (i < n && (s[i] == ' ' || s[i] == '\t'))
			i++;
		a = i;
		while (i < n && s[i] != ' ' && s[i] != '\t') {
			if (s[i] == '@' || (s[i] == '.' && i > a && i + 1 < n && is_alnum((unsigned char)s[i - 1]) &&
			    (is_upper((unsigned char)s[i + 1]) || (s[i + 1] >= 'a' && s[i + 1] <= 'z'))))
				hit = 1;
			i++;
		}
		b = i;
		if (!hit)
			continue;
		for (p = a; p < b; p++) {
			if (!is_alnum((unsigned char)s[p]) || (p > a && (is_alnum((unsigned char)s[p - 1]) ||
			    memchr("._%+-", s[p - 1], 5))))
				continue;
			rc = pcre2_jit_match(t->web, (PCRE2_SPTR)s, b, p, PCRE2_NO_UTF_CHECK, t->md, t->mctx);
			if (rc > 0) {
				int type = ov[2] != PCRE2_UNSET ? T_EMAIL : T_URL;
				struct cand *c = add_cand(t, ov[0], ov[1], type, P_WEB);

				if (type == T_URL && ov[2 * 3] != PCRE2_UNSET) {	/* a bare domain, in lower case */
					c->value = t->scratch.len;
					for (size_t k = ov[0]; k < ov[1]; k++)
						buf_addc(&t->scratch, lower(s[k]));
					c->vlen = ov[1] - ov[0];
				}
				p = ov[1];
			}
		}
	}
}

/* ---- lists ---- */

/* Do the words of tokens [i, j) start with a capital or digit, but for the small words (Badan Penelitian dan ...)? */
static int
capitalised(struct tagger *t, const char *s, size_t i, size_t j)
{
	for (; i < j; i++) {
		unsigned char c = (unsigned char)s[t->tok[i].start];

		if (is_lower(c) && !(cue_of(t, s, i) & C_SKIP))
			return 0;
	}
	return 1;
}

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
		if ((e = lex_match(t, &t->builtin, s, i, &len)) && capitalised(t, s, i, i + len))
			add_tokens(t, i, i + len, e->type, e->prio);
		if ((e = lex_match(t, &t->terms, s, i, &len)) && written_as(t, s, i, i + len, e))
			add_tokens(t, i, i + len, -1, e->prio);
	}
}

/* ---- acronym definitions ---- */

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

static void
find_definitions(struct tagger *t, const char *s)
{
	const struct token *tk = t->tok;
	size_t i, k, w[MAXPHRASE], nw;
	char a[MAXACRONYM];
	size_t na;

	for (i = 1; i + 2 < t->ntok; i++) {
		if (s[tk[i].start] != '(' || tk[i].end - tk[i].start != 1)
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

static void
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
static void
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

/* ---- names ---- */

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

static int
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

static void
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
 * span (Sekjen Kemendagri Suhajar, Gubernur Jabar Ridwan Kamil), and the
 * titles after it (Kapolda Jabar Irjen ...): the first token of the name.
 */
static size_t
skip_listed(struct tagger *t, const char *s, size_t a, size_t b)
{
	for (;;) {
		size_t p, past = a;

		for (p = a + 1; p < b && p - a <= MAXPHRASE; p++) {
			const struct entry *e = lex_exact(t, &t->builtin, s, a, p);

			if (e && e->prio == P_LIST)
				past = p;
		}
		if (past == a)
			return a;
		a = skip_titles(t, s, past, b);
	}
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
static int
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

static void
find_model(struct tagger *t, const char *s)
{
	static const int type_of[NER_NLABELS] = { -1, T_PER, T_PER, T_ORG, T_ORG, T_LOC, T_LOC };
	static const unsigned char inside[NER_NLABELS] = { NER_O, NER_I_PER, NER_I_PER, NER_I_ORG, NER_I_ORG,
	    NER_I_LOC, NER_I_LOC };
	size_t i, j;

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
			/* a name ends with a capitalised word: a verb after it is no part of it (Ridwan Kamil hadir) */
			while (b - a > 1 && is_lower((unsigned char)s[t->tok[b - 1].start]) &&
			    is_upper((unsigned char)s[t->tok[b - 2].start]))
				b--;
		}
		while (b > a && (cue_of(t, s, b - 1) & C_CALENDAR))
			b--;
		if (a < b && type != T_PER)
			b = split_name_off(t, s, a, b);
		if (a < b)
			add_tokens(t, a, b, type, P_MODEL);
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
	qsort(c, n, sizeof *c, by_start);
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
		for (j = first_from(c, n, c[i].start); j < n && c[j].start < c[i].end; j++)
			if (c[j].prio <= P_QUANTITY && c[j].prio != P_DEFINED && j != i && c[j].end <= c[i].end &&
			    c[j].end - c[j].start < c[i].end - c[i].start && c[j].prio + 1 > raise)
				raise = c[j].prio + 1;
		if (raise > c[i].prio)
			c[i].prio = raise;
	}
	qsort(c, n, sizeof *c, by_strength);
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
	qsort(c, kept, sizeof *c, by_start);
	return kept;
}

/* Is candidate c a person, organisation or place the text named by tokens? */
static int
is_name(const struct cand *c)
{
	return (c->type == T_PER || c->type == T_ORG || c->type == T_LOC) && c->prio != P_USER && c->t1 > c->t0;
}

/* Do tokens [i, j) join the items of a list (",", "dan", ", dan", "atau", "/")? */
static int
list_joint(struct tagger *t, const char *s, size_t i, size_t j)
{
	static const char *const joint[] = { ",", "dan", "serta", "atau", "/", "&", "and", "or", NULL };

	if (j <= i || j - i > 2)
		return 0;
	for (; i < j; i++)
		if (!token_in(s, &t->tok[i], joint))
			return 0;
	return 1;
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
		int count[3] = { 0 }, top = 0;

		b = a + 1;
		if (!is_name(&c[a]))
			continue;
		while (b < n && is_name(&c[b]) && list_joint(t, s, c[b - 1].t1, c[b].t0))
			b++;
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

static void
add_value(struct tagger *t, struct mention *m, const char *v, size_t n)
{
	m->value = t->values.len;
	m->vlen = n;
	buf_add(&t->values, v, n);
}

/* A person's value: the fullest earlier name of the document holding these tokens; remembers new names. */
static void
person_value(struct tagger *t, struct mention *m, const char *s, const struct cand *c)
{
	const char *name = s + c->start;
	size_t n = c->end - c->start, i, best = SIZE_MAX;
	int ntok = 0, bestn = 0;

	for (i = c->t0; i < c->t1; i++)
		ntok += is_alnum((unsigned char)s[t->tok[i].start]);
	for (i = 0; i < t->npeople; i++) {
		const struct person *p = &t->people[i];
		const char *full = t->names.data + p->off, *hit;

		if (p->ntok <= bestn || p->len < n)
			continue;
		hit = memmem(full, p->len, name, n);
		while (hit && ((hit > full && hit[-1] != ' ') || (hit + n < full + p->len && hit[n] != ' ')))
			hit = memmem(hit + 1, p->len - (size_t)(hit + 1 - full), name, n);
		if (hit) {
			best = i;
			bestn = p->ntok;
		}
	}
	if (best != SIZE_MAX && bestn >= ntok) {
		add_value(t, m, t->names.data + t->people[best].off, t->people[best].len);
		return;
	}
	add_value(t, m, name, n);
	if (t->npeople == MAXPEOPLE || n > MAXREMEMBERED)
		return;
	t->people = xgrow(t->people, &t->peoplecap, t->npeople + 1, sizeof *t->people);
	t->people[t->npeople].off = t->names.len;
	t->people[t->npeople].len = n;
	t->people[t->npeople++].ntok = ntok;
	buf_add(&t->names, name, n);
	if (ntok > 1)	/* each part of a full name now marks the person */
		for (i = c->t0; i < c->t1; i++)
			if (name_token(t, s, i) && t->tok[i].end - t->tok[i].start >= 3)
				lex_add(t, &t->doc, s + t->tok[i].start, t->tok[i].end - t->tok[i].start, T_PER,
				    P_DOCNAME, "", 0, 0);
}

static void
date_value(struct tagger *t, struct mention *m, const struct cand *c)
{
	char v[16];
	int n, y = c->y;

	if (!y && c->m && c->d && t->year && c->d <= month_days(t->year, c->m))
		y = t->year;	/* the document's year, unless the date does not exist in it (29/2) */
	if (y && c->m && c->d)
		n = snprintf(v, sizeof v, "%04d-%02d-%02d", y, c->m, c->d);
	else if (c->m && c->d)
		n = snprintf(v, sizeof v, "--%02d-%02d", c->m, c->d);
	else if (y && c->m)
		n = snprintf(v, sizeof v, "%04d-%02d", y, c->m);
	else
		n = snprintf(v, sizeof v, "%04d", y);
	if (c->y && c->m && c->d)
		t->year = c->y;
	add_value(t, m, v, (size_t)n);
}

static void
name_value(struct tagger *t, struct mention *m, const char *s, const struct cand *c)
{
	const struct entry *e = NULL;
	const struct lexicon *l = &t->doc;

	if (c->t0 != SIZE_MAX && !(e = lex_exact(t, &t->doc, s, c->t0, c->t1)))
		e = lex_exact(t, l = &t->builtin, s, c->t0, c->t1);
	if (e && e->vlen && (e->type == c->type || e->type < 0))
		add_value(t, m, l->values.data + e->value, e->vlen);
	else
		add_value(t, m, s + c->start, c->end - c->start);
}

static void
new_document(struct tagger *t, const char *doc, size_t doclen)
{
	t->docid.len = 0;
	buf_add(&t->docid, doc, doclen);
	lex_clear(&t->doc);
	t->year = 0;
	t->names.len = 0;
	t->npeople = 0;
}

/* The built-in model is loaded at the first sentence, so that --model FILE never reads it. */
static void
load_builtin_model(struct tagger *t)
{
	const struct blob *model = data_find("ner.model");

	t->builtin_model = 0;
	if (model && !(t->model = ner_load(model->data, model->len)))
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
 * A company met in its full form (PT Kalbe Farma Tbk) is known in the rest
 * of the document by its name alone (Kalbe Farma) and without the form after
 * it (PT Kalbe Farma), whose value is the full form; not when the name alone
 * is a place of the lists (PT Jakarta Tbk).
 */
static void
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

/*
 * Is m a body's name (by its value: BPS is Badan Pusat Statistik) with the
 * place of its office right after it, one space between (Kepolisian Daerah
 * Jawa Timur, BPS Jabar, Pengadilan Negeri Blora)?
 */
static int
body_before_place(struct tagger *t, const char *s, const struct mention *m, const struct cand *next)
{
	const char *v = t->values.data + m->value, *sp;

	if (m->type != T_ORG || next->type != T_LOC || next->start != m->end + 1 || s[m->end] != ' ' ||
	    m->vlen == 0 || !is_upper((unsigned char)*v))
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
	if (!t->docid.data || doclen != t->docid.len || memcmp(doc, t->docid.data, doclen) != 0)
		new_document(t, doc, doclen);
	t->ncand = 0;
	t->nm = 0;
	t->scratch.len = 0;
	t->values.len = 0;
	t->ntok = tokenize(s, n, &t->tok, &t->tokcap);
	find_cues(t, s);
	find_web(t, s, n);
	find_patterns(t, s, n);
	find_listed(t, s);
	find_model(t, s);
	defined = t->doc.phrase.n;
	find_definitions(t, s);
	if (t->doc.phrase.n != defined)	/* an acronym defined here may come again in this sentence */
		find_defined_again(t, s);
	find_list_definitions(t, s);
	find_cued_names(t, s);
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
tagger_new(void)
{
	struct tagger *t = xcalloc(1, sizeof *t);
	struct blob b;
	int i;

	table_init(&t->types, 16);
	for (i = 0; i < T_BUILTIN; i++)
		tagger_type(t, builtin_types[i], strlen(builtin_types[i]));
	lex_init(&t->builtin);
	lex_init(&t->user);
	lex_init(&t->doc);
	lex_init(&t->terms);
	load_cues(t);
	b = blob_of("institutions.tsv");
	load_dict(t, &t->builtin, "institutions.tsv", b.data, b.len, P_LIST);
	b = blob_of("no-names.tsv");
	load_dict(t, &t->terms, "no-names.tsv", b.data, b.len, P_LIST);
	load_gazetteer(t, "gazetteer-provinces.csv", P_GAZETTEER);
	load_gazetteer(t, "gazetteer-regencies.csv", P_GAZETTEER);
	load_gazetteer(t, "gazetteer-districts.csv", P_DISTRICT);
	t->re = compile(main_pattern);
	t->web = compile(web_pattern);
	t->md = pcre2_match_data_create(8, NULL);
	t->mctx = pcre2_match_context_create(NULL);
	pcre2_set_match_limit(t->mctx, 100000);
	pcre2_set_depth_limit(t->mctx, 1000);
	t->builtin_model = 1;
	return t;
}

void
tagger_model(struct tagger *t, struct ner_model *m)
{
	if (t->model)
		ner_free(t->model);
	t->model = m;
	t->builtin_model = 0;
}

void
tagger_free(struct tagger *t)
{
	if (!t)
		return;
	pcre2_code_free(t->re);
	pcre2_code_free(t->web);
	pcre2_match_data_free(t->md);
	pcre2_match_context_free(t->mctx);
	lex_free(&t->builtin);
	lex_free(&t->user);
	lex_free(&t->doc);
	lex_free(&t->terms);
	table_free(&t->cue);
	table_free(&t->types);
	free(t->cuekind);
	free(t->want);
	if (t->model)
		ner_free(t->model);
	free(t->tok);
	free(t->label);
	free(t->cues);
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
