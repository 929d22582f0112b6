/*
 * The inside of tag-entities (entity.h), shared by its files: the tagger's
 * state, the candidates and lexicons, and what each file gives the others.
 *
 *   entity.c           candidates, the choice among them, values; the API
 *   entity-lexicon.c   phrase lexicons and cue words, the built-in data
 *   entity-patterns.c  dates, times, amounts, e-mail and URLs by pattern
 *   entity-names.c     the statistical tagger's names, names by context cues
 *   entity-memory.c    the document's memory: acronyms, people, companies
 *   entity-english.c   English sentences: names trimmed by English evidence,
 *                      country values in English or Indonesian
 */
#ifndef ENTITY_IMPL_H
#define ENTITY_IMPL_H

#ifndef PCRE2_CODE_UNIT_WIDTH
#define PCRE2_CODE_UNIT_WIDTH 8
#endif

#include <pcre2.h>
#include <stddef.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "english.h"
#include "entity.h"
#include "hash.h"
#include "simd.h"
#include "token.h"

#define MAXPHRASE 16	/* tokens in the longest list phrase tried */
#define MAXNAME 4	/* tokens of a name found by a context cue */
#define MAXPEOPLE 512	/* people a document remembers (memory and time stay bounded) */
#define MAXDOCPHRASES 20000	/* acronyms, expansions and name parts a document remembers */
#define MAXREMEMBERED 512	/* bytes of the longest name or expansion a document remembers */
#define MAXMISSPELT 32	/* letters of a title whose misspellings are titles too */
#define MAXCAPITALS 4	/* bytes of the longest acronym (U.S.) matched only in capitals (AS, not As) */
#define MAXCUE 16	/* bytes of the longest word looked up among the cues */
#define MAXACRONYM 32	/* letters of an acronym tried against its expansion (digits repeat letters) */

/* Priorities of the candidates' sources. */
enum { P_RUN = 15, P_CUE = 23, P_DISTRICT = 18, P_GAZETTEER = 20, P_MODEL = 25, P_DOCNAME = 22, P_LIST = 30,
	P_DEFINED = 35, P_QUANTITY = 40, P_PATTERN = 50, P_WEB = 55, P_USER = 60 };

/*
 * Cue kinds of entity-cues.txt, the title list and the frequency list
 * (C_COMMON); then the kinds of English words that entity-english.c asks
 * about (E_: lists of words, the stopwords of english.h) and the words
 * that give a nickname (C_ALIAS, C_NAMING), which find_cues() finds with
 * the same lookup.
 */
enum { C_ORG = 1, C_SAY = 2, C_SAID = 4, C_SKIP = 8, C_TITLE = 16, C_STOP = 32, C_CALENDAR = 64, C_PLACE = 128,
	C_ORGEND = 256, C_COMPANY = 512, C_BODY = 1024, C_COMMON = 2048,
	E_WEEKDAY = 1 << 12, E_MONTH = 1 << 13, E_ORG = 1 << 14, E_PLACE = 1 << 15, E_JOINT = 1 << 16,
	E_PARTICLE = 1 << 17, E_PREPOSITION = 1 << 18, E_SMALL = 1 << 19, E_RUN_JOINT = 1 << 20, E_NATION = 1 << 21,
	C_ALIAS = 1 << 22, C_NAMING = 1 << 23, E_EN_STOP = EN_STOP << 24, E_ID_STOP = ID_STOP << 24,
	E_EN_LOWER = EN_LOWER << 24,
	/* a capitalised word of an English sentence looked up in the English lists (at the first question): its answers */
	E_LOOKED_UP = 1 << 27, E_COMMON = 1 << 28, E_GIVEN = 1 << 29,
	/* the first word of a phrase of the built-in lexicons (builtin, known, terms): others start none of them */
	C_FIRST = 1 << 30 };

struct entry {
	int type, prio;
	int capitals;		/* a short acronym (AS, US; not ASEAN, met as Asean too): so must the text be written */
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
	int first_cue;		/* C_FIRST: each first word is a cue of this kind (a built-in lexicon, whole) */
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
	const pcre2_code *re, *at_digit, *web;	/* compiled once, shared by the taggers of all threads */
	pcre2_match_data *md;
	pcre2_match_context *mctx;
	struct lexicon builtin, user, doc;
	struct lexicon known;	/* people every reader knows by a nickname or short form (known-names.tsv) */
	struct lexicon terms;	/* built-in phrases that name nothing (no-names.tsv), apart so that no list lookup meets them */
	struct table cue;	/* lower-case words ... */
	unsigned *cuekind;	/* ... and their C_ and E_ flags */
	size_t cuecap;
	struct table types;
	unsigned char *want;	/* by type; NULL: all */
	size_t wantcap;
	const struct ner_model *model;	/* NULL: none */
	struct ner_model *own_model;	/* the model, when the tagger owns it (not shared) */
	int builtin_model;	/* the built-in model is still to be loaded */
	/* the sentence */
	struct token *tok;
	size_t ntok, tokcap;
	unsigned char *label;
	unsigned *cues;
	size_t labcap, cuescap;
	struct cand *cand;
	size_t ncand, candcap;
	struct buf taken;	/* choose(): the sentence bytes already covered by a mention */
	size_t *runend, runcap;	/* find_listed(): name_run_end()'s answers, then its path */
	/* person_before(), person_at(): the candidates by the token they end at, each list threaded through end_next */
	size_t *end_head, end_headcap;	/* by token: 1 + the last candidate indexed that ends there, or 0 */
	size_t *end_next, end_nextcap;	/* by candidate: 1 + the one indexed before it that ends at the same token, or 0 */
	size_t end_indexed;	/* candidates indexed so far; SIZE_MAX: none yet in this sentence */
	struct mention *m;
	size_t nm, mcap;
	struct buf scratch, values, key;
	struct buf low;		/* the sentence in lower case (ASCII), made by find_cues(): its tokens' keys */
	uint64_t first_hash;	/* the hash of token first_tok's key: lex_match asks each lexicon in turn */
	size_t first_tok;	/* SIZE_MAX: none yet in this sentence */
	/* English */
	struct english en;
	int lang, values_lang;	/* LANG_ of the text and of the values asked */
	int english;		/* the sentence is English */
	int quoted;		/* an English sentence has a double quote (a title of a work may be in it) */
	size_t *title_end, title_cap;	/* of a quoted sentence, by token: the quote that closes a work's title around it, or 0 */
	int headline;		/* an English sentence is a headline (its long words nearly all capitalised) */
	size_t first_word;	/* of an English sentence: its first token that begins with a letter or a digit (ntok: none) */
	unsigned char *date_at;	/* english_names(), by token: a date or a time starts there */
	size_t date_cap;
	struct table place;	/* lower-case places of ner-places.txt (states, regions) */
	struct table country;	/* Indonesian names of countries ... */
	struct buf country_en;	/* ... their English names, NUL-separated, ... */
	size_t *country_at, country_cap;	/* ... from these offsets, by the name's id */
	struct table country_start;	/* the first four bytes of the English names (a demonym's start: Japan, Israel) */
	/* the document */
	struct buf docid;
	int year;
	struct buf names;
	struct person *people;
	size_t npeople, peoplecap;
	struct table bodies;	/* the values of the organisations named so far (without a place joined) */
};

/* ASCII classes: bytes of UTF-8 sequences count as lower-case letters. */
static inline int
is_upper(unsigned char c)
{
	return c >= 'A' && c <= 'Z';
}

static inline int
is_lower(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || c >= 0x80;
}

static inline int
is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

static inline int
is_alnum(unsigned char c)
{
	return is_upper(c) || is_lower(c) || is_digit(c);
}

static inline char
lower(char c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

/* s[0..n) in lower case (ASCII) into key: the key of cues, places and countries. */
static inline void
lower_key(struct buf *key, const char *s, size_t n)
{
	buf_reserve(key, n);
	lower_bytes(key->data, s, n);
	key->len = n;
}

/* Cue flags of token i of the sentence (find_cues() looked them up). */
static inline int
cue_of(struct tagger *t, const char *s, size_t i)
{
	(void)s;
	return t->cues[i];
}

/* entity.c: candidates and values */
struct cand *add_cand(struct tagger *t, size_t start, size_t end, int type, int prio);
struct cand *add_tokens(struct tagger *t, size_t i, size_t j, int type, int prio);
/* Candidate c's value: v[0..n), kept in t->scratch. */
void set_value(struct tagger *t, struct cand *c, const char *v, size_t n);
/* Mention m's value: v[0..n), kept in t->values. */
void add_value(struct tagger *t, struct mention *m, const char *v, size_t n);

/* entity-lexicon.c */
void lexicons_init(struct tagger *t);
void lexicons_load(struct tagger *t);
void lexicons_free(struct tagger *t);
void lex_init(struct lexicon *l);
void lex_clear(struct lexicon *l);
void lex_free(struct lexicon *l);
/* Are tokens [i, j) written in capitals, two letters or more (AS, U.S., not As)? */
int in_capitals(const char *s, const struct token *tok, size_t i, size_t j);
/* Add phrase (any text) with type, priority and value; an existing phrase is replaced if `replace`. */
void lex_add(struct tagger *t, struct lexicon *l, const char *phrase, size_t n, int type, int prio,
    const char *value, size_t vlen, int replace);
/* Did find_cues() look token i up: a word of at most MAXCUE bytes? */
static inline int
cue_looked_up(const char *w, size_t n)
{
	return n <= MAXCUE && is_alnum((unsigned char)w[0]);
}

/* May a phrase of l start at token i: not a word that find_cues() found no first word of l? */
static inline int
may_start(const struct tagger *t, const struct lexicon *l, const char *s, size_t i)
{
	const struct token *tk = &t->tok[i];

	return !l->first_cue || (t->cues[i] & l->first_cue) || !cue_looked_up(s + tk->start, tk->end - tk->start);
}

/* lex_match() past its first test. */
const struct entry *lex_match_at(struct tagger *t, const struct lexicon *l, size_t i, size_t *len);

/*
 * The longest phrase of l at token i: its entry and token count, or NULL.
 * Inline, the test that turns down most tokens (find_listed() asks five
 * lexicons at each).
 */
static inline const struct entry *
lex_match(struct tagger *t, const struct lexicon *l, const char *s, size_t i, size_t *len)
{
	if (l->phrase.n == 0 || !may_start(t, l, s, i))
		return NULL;
	return lex_match_at(t, l, i, len);
}
/* The entry of exactly tokens [i, j), or NULL. */
const struct entry *lex_exact(struct tagger *t, const struct lexicon *l, const char *s, size_t i, size_t j);
/* One dictionary (PHRASE TYPE [VALUE] lines) into l; -1 after a message on a malformed line. */
int load_dict(struct tagger *t, struct lexicon *l, const char *name, const char *data, size_t len, int prio);
/* Cue flags of the word w[0..n). */
int word_cue(struct tagger *t, const char *w, size_t n);
/* Give the word w[0..n) (any case) the cue flags kind too. */
void add_cue(struct tagger *t, const char *w, size_t n, int kind);
/* Cue flags of each token of the sentence, looked up once. */
void find_cues(struct tagger *t, const char *s);
/* The first words of the built-in lexicons' phrases as C_FIRST cues (once they are whole). */
void first_words_cues(struct tagger *t);
/*
 * Is token tk the word w (ASCII, any case)?  Inline: the callers name a
 * literal, whose length the compiler knows, and most tokens differ from it
 * in the first letter.
 */
static inline int
token_is(const char *s, const struct token *tk, const char *w)
{
	size_t n = tk->end - tk->start;

	return n && lower(s[tk->start]) == lower(w[0]) && strlen(w) == n && strncasecmp(s + tk->start, w, n) == 0;
}
/* Is token tk one of the words (a NULL-terminated list; ASCII, any case)? */
int token_in(const char *s, const struct token *tk, const char *const *words);

/* entity-patterns.c */
void patterns_compile(struct tagger *t);
void patterns_free(struct tagger *t);
void find_patterns(struct tagger *t, const char *s, size_t n);
/* E-mail addresses and URLs. */
void find_web(struct tagger *t, const char *s, size_t n);
/* A date's value, completed with the document's year (which a full date sets). */
void date_value(struct tagger *t, struct mention *m, const struct cand *c);

/* entity-names.c */
/* Do the words of tokens [i, j) start with a capital or digit, but for the small words? */
int capitalised(struct tagger *t, const char *s, size_t i, size_t j);
/* Can token i be a word of a person's name (capitalised, no title, cue or verb)? */
int name_token(struct tagger *t, const char *s, size_t i);
/* Do tokens [a, b) have a company's form (PT Toba Pulp Lestari Tbk, LNG Japan Corp)? */
int company(struct tagger *t, const char *s, size_t a, size_t b);
void find_model(struct tagger *t, const char *s);
void find_cued_names(struct tagger *t, const char *s);

/* entity-memory.c */
/* Nicknames given in words (Basuki Tjahaja Purnama atau akrab disapa Ahok): a PER valued as the full name. */
void find_nicknames(struct tagger *t, const char *s);
/* The words that give a nickname (alias; known) among the cues, after every other cue. */
void nickname_cues_load(struct tagger *t);
/* Acronyms defined by their long forms in parentheses, either way round; a person's nickname in parentheses. */
void find_definitions(struct tagger *t, const char *s);
/* The acronyms defined in this sentence, met again in it. */
void find_defined_again(struct tagger *t, const char *s);
/* Acronyms spelt by the items of a list: the items are blocked. */
void find_list_definitions(struct tagger *t, const char *s);
/* A person's value: the fullest earlier name of the document holding these tokens; remembers new names. */
void person_value(struct tagger *t, struct mention *m, const char *s, const struct cand *c);
/* A company met in its full form is known by its name alone in the rest of the document. */
void remember_company(struct tagger *t, const char *s, const struct cand *c, const struct mention *m);
/* Forget the last document: doc[0..doclen) is the new one. */
void new_document(struct tagger *t, const char *doc, size_t doclen);

/* entity-english.c */
/* The countries in both languages (after the built-in lists, whose values stay), the places of the world. */
void places_load(struct tagger *t);
/* The English words of a kind and the stopwords (E_ flags) among the cues: after every other cue (add_misspelling asks which words are cues). */
void english_words_load(struct tagger *t);
void places_free(struct tagger *t);
/* Is the sentence English (t->english), by the language asked or its words? */
void english_begin(struct tagger *t, const char *s);
/* Name candidates of an English sentence trimmed to their names (no "However", no "in Boston"). */
void english_names(struct tagger *t, const char *s);
/* Names of an English sentence that no other source found: runs of capitalised words (Associated Press). */
void find_english_runs(struct tagger *t, const char *s);
/* Dotted abbreviations kept whole: U.S., not U.S */
void dotted_ends(struct tagger *t, const char *s);
/* A country's value in the language of the values asked. */
void country_value(struct tagger *t, struct mention *m);

/* entity-prepared.c: the built-in tables prepared at build time (entity-tables.bin) */
struct blob;
/* A tagger with the built-in tables of the prepared image, or (NULL) built from the lists. */
struct tagger *tagger_with_tables(const struct blob *prepared);
void tagger_tables_image(const struct tagger *t, struct buf *out);
void tagger_tables_view(struct tagger *t, const struct blob *image);

#endif
