/*
 * Sentence boundaries by general rules (punctuation, the case of the next
 * word, numbers, initials, lists) and an abbreviation list; see sentence.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "data.h"
#include "hash.h"
#include "mem.h"
#include "sentence.h"
#include "simd.h"

/* What a listed word is; abbreviations are kept with their final period. */
enum kind {
	K_NONE,
	K_ABBREV,	/* ends a sentence only before a common sentence opener */
	K_TITLE,	/* never ends a sentence before a capital or a digit (Dr., Jl.) */
	K_END,		/* ends a sentence before a capital, like a plain word (dll.) */
	K_START,	/* a word that commonly opens a sentence (Dia, The) */
};

#define KEY_MAX 32	/* longer words are never looked up */
#define LEARN_MAX 6	/* longest word learnt as an abbreviation */
#define MEMORY_MAX 4096	/* words a document's memory holds at most */

struct sentence_rules {
	struct table words;
	unsigned short *kind;	/* by word id: 4 bits per form (enum form), CLAIMED */
	size_t kindcap;
};

struct sentence_memory {
	struct table words;	/* lower-cased, without the period */
};

/* Classes of the first character of a word. */
enum { C_OTHER, C_UPPER, C_LOWER, C_DIGIT };

/* White space of Python's str.split: 1 ASCII, 2 a lead byte to check. */
static const unsigned char space_class[256] = {
	['\t'] = 1, ['\n'] = 1, ['\v'] = 1, ['\f'] = 1, ['\r'] = 1, [' '] = 1,
	[0x1c] = 1, [0x1d] = 1, [0x1e] = 1, [0x1f] = 1,
	[0xc2] = 2, [0xe1] = 2, [0xe2] = 2, [0xe3] = 2,
};

/* Length of the white-space character at s[i], 0 if there is none. */
static size_t
space_len(const unsigned char *s, size_t i, size_t n)
{
	unsigned char c = s[i];

	if (space_class[c] == 1)
		return 1;
	if (c == 0xc2)
		return i + 1 < n && (s[i + 1] == 0x85 || s[i + 1] == 0xa0) ? 2 : 0;
	if (i + 2 >= n)
		return 0;
	if (c == 0xe1)
		return s[i + 1] == 0x9a && s[i + 2] == 0x80 ? 3 : 0;
	if (c == 0xe3)
		return s[i + 1] == 0x80 && s[i + 2] == 0x80 ? 3 : 0;
	if (s[i + 1] == 0x80)	/* U+2000..200A, 2028, 2029, 202F */
		return s[i + 2] <= 0x8a || s[i + 2] == 0xa8 || s[i + 2] == 0xa9
		    || s[i + 2] == 0xaf ? 3 : 0;
	return s[i + 1] == 0x81 && s[i + 2] == 0x9f ? 3 : 0;	/* U+205F */
}

/*
 * Copy the bytes from s[i] that the fold keeps as they are (no white space
 * but single ASCII spaces before other bytes) 16 at a time, up to the
 * first that needs a look (16 bytes plus the one after them must be
 * there); the new i.
 */
static size_t
plain_run(const unsigned char *s, size_t i, size_t n, unsigned char **d)
{
#ifdef __SSE2__
	while (n - i >= 17) {
		__m128i v = _mm_loadu_si128((const __m128i *)(s + i));
		__m128i blank = _mm_cmpeq_epi8(v, _mm_set1_epi8(' '));
		__m128i any = _mm_or_si128(_mm_or_si128(blank, _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xc2))),
		    _mm_or_si128(_mm_or_si128(bytes_in(v, '\t', '\r'), bytes_in(v, 0x1c, 0x1f)), bytes_in(v, 0xe1, 0xe3)));
		unsigned spaces = (unsigned)_mm_movemask_epi8(any), single = (unsigned)_mm_movemask_epi8(blank);
		unsigned next = spaces >> 1 | (space_class[s[i + 16]] ? 1u << 15 : 0);
		unsigned stop = (spaces & ~single) | (single & next);	/* space_class bytes but single spaces */
		size_t run = stop ? (size_t)__builtin_ctz(stop) : 16;

		memcpy(*d, s + i, 16);	/* the fold never writes ahead of what it reads */
		*d += run;
		i += run;
		if (stop)
			break;
	}
#else
	(void)s, (void)n, (void)d;
#endif
	return i;
}

void
sentence_fold(struct buf *folded, const char *text, size_t n)
{
	const unsigned char *s = (const unsigned char *)text;
	unsigned char *d;
	size_t i = 0, w;

	if (n == 0)
		return;
	buf_reserve(folded, n);
	d = (unsigned char *)folded->data + folded->len;
	while (i < n && space_class[s[i]] && (w = space_len(s, i, n)) > 0)
		i += w;
	while (i < n) {
		unsigned char c;

		/* the common case: letters and single spaces */
		i = plain_run(s, i, n, &d);
		while (i < n && (!space_class[c = s[i]]
		    || (c == ' ' && i + 1 < n && !space_class[s[i + 1]]))) {
			*d++ = c;
			i++;
		}
		if (i == n)
			break;
		if ((w = space_len(s, i, n)) == 0) {
			*d++ = s[i++];
			continue;
		}
		i += w;
		while (i < n && space_class[s[i]] && (w = space_len(s, i, n)) > 0)
			i += w;
		if (i < n)
			*d++ = ' ';
	}
	folded->len = (size_t)((char *)d - folded->data);
}

/* ---- the word lists ---- */

/* The lower-cased (ASCII) key of s[0..n) into key; 0 if too long. */
static size_t
lower_key(char *key, const char *s, size_t n, int period)
{
	if (n + 1 > KEY_MAX)
		return 0;
	for (size_t i = 0; i < n; i++)
		key[i] = s[i] >= 'A' && s[i] <= 'Z' ? (char)(s[i] + 'a' - 'A') : s[i];
	if (period)
		key[n++] = '.';
	return n;
}

/* How a word is written: dll, Dll, DLL.  A list entry matches some forms only. */
enum form { F_LOWER, F_CAPITAL, F_CAPS };
#define CLAIMED 0x1000	/* the all-capitals form was set by an entry with capitals */

static enum form
word_form(const char *s, size_t n)
{
	size_t letters = 0;

	if (n == 0 || s[0] < 'A' || s[0] > 'Z')
		return F_LOWER;
	for (size_t i = 0; i < n; i++) {
		if (s[i] >= 'a' && s[i] <= 'z')
			return F_CAPITAL;
		letters += s[i] >= 'A' && s[i] <= 'Z';
	}
	return letters >= 2 ? F_CAPS : F_CAPITAL;
}

static enum kind
lookup(const struct sentence_rules *r, const char *s, size_t n, int period)
{
	char key[KEY_MAX];
	size_t len = lower_key(key, s, n, period);
	long long id;

	if (len == 0 || (id = table_find(&r->words, key, len)) < 0)
		return K_NONE;
	return (enum kind)(r->kind[id] >> (4 * word_form(s, n)) & 0xf);
}

static void
add_word(struct sentence_rules *r, const char *s, size_t n, enum kind k)
{
	char key[KEY_MAX];
	size_t len, id;
	int added;

	if (n > 0 && s[n - 1] == '.')
		n--;
	if ((len = lower_key(key, s, n, k != K_START)) == 0)
		return;
	id = table_intern(&r->words, key, len, &added);
	r->kind = xgrow(r->kind, &r->kindcap, id + 1, sizeof *r->kind);
	if (added)
		r->kind[id] = 0;
	/*
	 * "dll." matches dll. and DLL., "Art." Art. and ART. (not art.), "MA."
	 * only MA.; an opener any form.  An entry with capitals has the last word
	 * on the all-capitals form.
	 */
	unsigned short v = r->kind[id];

	if (k == K_START)
		v = (unsigned short)(k | k << 4 | k << 8 | CLAIMED);
	else if (word_form(s, n) == F_LOWER) {
		v = (unsigned short)((v & ~0xf) | k);
		if (!(v & CLAIMED))
			v = (unsigned short)((v & ~0xf00) | k << 8);
	} else {
		if (word_form(s, n) == F_CAPITAL)
			v = (unsigned short)((v & ~0xf0) | k << 4);
		v = (unsigned short)((v & ~0xf00) | k << 8 | CLAIMED);
	}
	r->kind[id] = v;
}

size_t
sentence_rules_add(struct sentence_rules *r, const char *text, size_t len, const char **why)
{
	static const struct {
		const char *name;
		enum kind kind;
	} kinds[] = {
		{ "abbrev", K_ABBREV }, { "title", K_TITLE }, { "end", K_END }, { "start", K_START },
	};
	struct blob b = { "list", text, len };
	struct line ln;
	size_t pos = 0;

	while (data_next_line(&b, &pos, &ln)) {
		const char *s = ln.data, *e = s + ln.len, *w, *k;
		enum kind kind = K_ABBREV;

		while (s < e && (*s == ' ' || *s == '\t'))
			s++;
		for (w = s; w < e && *w != ' ' && *w != '\t'; w++)
			;
		for (k = w; k < e && (*k == ' ' || *k == '\t'); k++)
			;
		while (e > k && (e[-1] == ' ' || e[-1] == '\t'))
			e--;
		if (k < e) {
			size_t i;

			for (i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
				if (strlen(kinds[i].name) == (size_t)(e - k)
				    && memcmp(kinds[i].name, k, (size_t)(e - k)) == 0)
					break;
			if (i == sizeof kinds / sizeof kinds[0]) {
				*why = "unknown kind (want abbrev, title, end or start)";
				goto bad;
			}
			kind = kinds[i].kind;
		}
		if (w == s || (kind == K_START && w[-1] == '.') || w - s + 1 > KEY_MAX) {
			*why = w == s ? "no word" : kind == K_START ? "an opener has no period"
			    : "word too long";
			goto bad;
		}
		add_word(r, s, (size_t)(w - s), kind);
		continue;
bad:
		/* the line number: count the line ends before this line */
		{
			size_t line = 1;

			for (const char *p = text; p < ln.data; p++)
				line += *p == '\n';
			return line;
		}
	}
	return 0;
}

struct sentence_rules *
sentence_rules_new(const char *lang)
{
	struct sentence_rules *r;
	const struct blob *b;
	char name[32];
	const char *why;

	if (strcmp(lang, "id") != 0 && strcmp(lang, "en") != 0)
		return NULL;
	r = xcalloc(1, sizeof *r);
	table_init(&r->words, 1024);
	snprintf(name, sizeof name, "abbrev-%s.txt", lang);
	if ((b = data_find(name)) != NULL)
		sentence_rules_add(r, b->data, b->len, &why);
	return r;
}

void
sentence_rules_free(struct sentence_rules *r)
{
	if (!r)
		return;
	table_free(&r->words);
	free(r->kind);
	free(r);
}

struct sentence_memory *
sentence_memory_new(void)
{
	struct sentence_memory *m = xcalloc(1, sizeof *m);

	table_init(&m->words, 64);
	return m;
}

void
sentence_memory_forget(struct sentence_memory *m)
{
	if (m->words.n == 0)
		return;
	if (m->words.mask > 1023) {	/* keep forgetting cheap after a document that taught much */
		table_free(&m->words);
		table_init(&m->words, 64);
	} else
		table_clear(&m->words);
}

void
sentence_memory_free(struct sentence_memory *m)
{
	if (!m)
		return;
	table_free(&m->words);
	free(m);
}

/* ---- characters ---- */

/* Length of an opening quote or bracket at s[i], or 0. */
static size_t
opener_len(const unsigned char *s, size_t i, size_t n)
{
	unsigned char c = s[i];

	if (c == '"' || c == '\'' || c == '(' || c == '[' || c == '{' || c == '`')
		return 1;
	if (c == 0xc2 && i + 1 < n && s[i + 1] == 0xab)	/* « */
		return 2;
	if (c == 0xe2 && i + 2 < n && s[i + 1] == 0x80
	    && (s[i + 2] == 0x9c || s[i + 2] == 0x98 || s[i + 2] == 0x9e))	/* “ ‘ „ */
		return 3;
	return 0;
}

/* Length of a closing quote or bracket ending at s[b-1], or 0. */
static size_t
closer_len(const unsigned char *s, size_t a, size_t b)
{
	unsigned char c = s[b - 1];

	if (c == '"' || c == '\'' || c == ')' || c == ']' || c == '}')
		return 1;
	if (c == 0xbb && b - a >= 2 && s[b - 2] == 0xc2)	/* » */
		return 2;
	if ((c == 0x9d || c == 0x99) && b - a >= 3 && s[b - 2] == 0x80 && s[b - 3] == 0xe2)	/* ” ’ */
		return 3;
	return 0;
}

static int
char_class(const unsigned char *s, size_t i, size_t n)
{
	unsigned char c = s[i];
	utf8proc_int32_t cp;

	if (c < 0x80)
		return c >= 'A' && c <= 'Z' ? C_UPPER : c >= 'a' && c <= 'z' ? C_LOWER
		    : c >= '0' && c <= '9' ? C_DIGIT : C_OTHER;
	if (utf8proc_iterate(s + i, (utf8proc_ssize_t)(n - i), &cp) < 0)
		return C_OTHER;
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_LU:
	case UTF8PROC_CATEGORY_LT:
	case UTF8PROC_CATEGORY_LO:
		return C_UPPER;
	case UTF8PROC_CATEGORY_LL:
		return C_LOWER;
	case UTF8PROC_CATEGORY_ND:
		return C_DIGIT;
	default:
		return C_OTHER;
	}
}

static int
is_alpha(unsigned char c)
{
	return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

static int
is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

/* ---- one token ---- */

/* A token ending in sentence punctuation, taken apart. */
struct word {
	size_t a, b;		/* the token */
	size_t ca, cb;		/* its core: without openers and the final punctuation */
	int dots, dotrun;	/* periods in the final run, the longest row of them */
	int marks;		/* ? and ! */
	int ellipsis;		/* … */
	int closed;		/* a quote or bracket closes after the last stop */
	int outside;		/* the last stop follows a closing quote or bracket: "L.)." */
	int bracketed;		/* opens with ( or [ and closes with ) or ] */
};

/* Length of a footnote mark "[12]" ending at s[b-1], or 0. */
static size_t
footnote_len(const unsigned char *s, size_t a, size_t b)
{
	size_t i = b - 1;

	while (i > a && b - i <= 4 && is_digit(s[i - 1]))
		i--;
	return i > a && i < b - 1 && s[i - 1] == '[' ? b - i + 1 : 0;
}

/* Take apart the final punctuation of s[a..b); 0 if it has no stop. */
static int
parse_word(const unsigned char *s, size_t a, size_t b, struct word *w)
{
	size_t e = b, k;
	int row = 0, stops = 0, closers = 0, lead_bracket = 0, tail_bracket = 0;

	memset(w, 0, sizeof *w);
	w->a = a;
	w->b = b;
	while (e > a) {
		unsigned char c = s[e - 1];

		if (c == '.') {
			w->dots++;
			if (++row > w->dotrun)
				w->dotrun = row;
			stops++;
			e--;
			continue;
		}
		row = 0;
		if (c == '!' || c == '?') {
			w->marks++;
			stops++;
			e--;
		} else if (c == 0xa6 && e - a >= 3 && s[e - 2] == 0x80 && s[e - 3] == 0xe2) {
			w->ellipsis++;
			stops++;
			e -= 3;
		} else if (c == ']' && (k = footnote_len(s, a, e)) > 0) {
			if (!stops)
				w->closed = 1;	/* "martyr.[1] The" */
			e -= k;
		} else if ((k = closer_len(s, a, e)) > 0) {
			if (!stops)
				w->closed = 1;
			else if (!closers)
				w->outside = 1;
			closers++;
			if (c == ')' || c == ']')
				tail_bracket = 1;
			e -= k;
		} else
			break;
	}
	if (!stops)
		return 0;
	w->cb = e;
	w->ca = a;
	while (w->ca < e && (k = opener_len(s, w->ca, e)) > 0) {
		if (s[w->ca] == '(' || s[w->ca] == '[')
			lead_bracket = 1;
		w->ca += k;
	}
	w->bracketed = lead_bracket && tail_bracket;
	return 1;
}

/* A list marker "3." "3)" "3.)" "c." "c)": its value (1 for 1 or a), else 0; *letter says which. */
static int
list_marker(const unsigned char *s, size_t a, size_t b, int *letter)
{
	size_t i = a;
	int v = 0;

	if (i < b && s[i] >= 'a' && s[i] <= 'z') {
		v = s[i++] - 'a' + 1;
		*letter = 1;
	} else {
		while (i < b && is_digit(s[i]) && i - a < 2)
			v = v * 10 + s[i++] - '0';
		*letter = 0;
	}
	if (v == 0 || i == b)
		return 0;
	if (s[i] == '.')
		i++;
	if (i < b && s[i] == ')')
		i++;
	return i == b ? v : 0;
}

/* A token that starts with a bullet: • ‣ ⁃ ▪ ● ◦ */
static int
bullet(const unsigned char *s, size_t a, size_t b)
{
	if (b - a < 3 || s[a] != 0xe2)
		return 0;
	return (s[a + 1] == 0x80 && (s[a + 2] == 0xa2 || s[a + 2] == 0xa3))
	    || (s[a + 1] == 0x81 && s[a + 2] == 0x83)
	    || (s[a + 1] == 0x96 && s[a + 2] == 0xaa)
	    || (s[a + 1] == 0x97 && (s[a + 2] == 0x8f || s[a + 2] == 0xa6));
}

/* U.S, S.H: only single letters between the periods. */
static int
single_letters(const unsigned char *s, size_t n)
{
	for (size_t i = 1; i < n; i += 2)
		if (s[i] != '.')
			return 0;
	return n % 2 == 1;
}

/* Last parts of domain names, which are no abbreviations (Viva.co.id, t.co). */
static int
domain_end(const unsigned char *s, size_t n)
{
	static const char *const tld[] = { "com", "co", "id", "net", "org", "go", "ac", "or",
	    "info", "io", "tv", "me", "my", "sg", "uk", "us", "au", "edu", "gov", NULL };

	for (size_t i = 0; tld[i]; i++)
		if (strlen(tld[i]) == n && memcmp(tld[i], s, n) == 0)
			return 1;
	return 0;
}

/*
 * U.S, a.m, M.Si, Ph.D, Sp.PD: letter groups of at most four joined by
 * periods, one of a single letter, or the first a capital and of at most
 * three letters and one of at most two (not BBRI.JK); not a domain name.
 */
static int
dotted_abbrev(const unsigned char *s, size_t a, size_t b)
{
	size_t run = 0, groups = 0, first = 0, start;
	int single = 0, short2 = 0;

	for (size_t i = a; i <= b; i++) {
		if (i == b || s[i] == '.') {
			if (run == 0 || run > 4)
				return 0;
			single |= run == 1;
			short2 |= run <= 2;
			if (first == 0)
				first = run;
			groups++;
			run = 0;
		} else if (is_alpha(s[i]))
			run++;
		else
			return 0;
	}
	if (groups < 2)
		return 0;
	/* the last group: from the last period to b */
	for (start = b; start > a && s[start - 1] != '.'; start--)
		;
	if (domain_end(s + start, b - start))
		return 0;
	return single || (short2 && s[a] >= 'A' && s[a] <= 'Z' && first <= 3);
}

/* Jl, Gg, hlm, tgl, pct: a short word of consonants, only the first may be a capital. */
static int
consonant_abbrev(const unsigned char *s, size_t a, size_t b)
{
	if (b - a < 2 || b - a > 5)
		return 0;
	for (size_t i = a; i < b; i++) {
		unsigned char c = s[i];

		if (!is_alpha(c) || (i > a && c < 'a') || strchr("aeiouyAEIOUY", c))
			return 0;
	}
	return 1;
}

/* A word of 2 to LEARN_MAX ASCII letters, not all capitals (AS., BI. end sentences). */
static int
learnable(const unsigned char *s, size_t a, size_t b)
{
	int lower = 0;

	if (b - a < 2 || b - a > LEARN_MAX)
		return 0;
	for (size_t i = a; i < b; i++) {
		if (!is_alpha(s[i]))
			return 0;
		lower |= s[i] >= 'a';
	}
	return lower;
}

static int
remembered(const struct sentence_memory *m, const unsigned char *s, size_t a, size_t b)
{
	char key[KEY_MAX];
	size_t len;

	if (!m || m->words.n == 0 || !learnable(s, a, b))
		return 0;
	len = lower_key(key, (const char *)s + a, b - a, 0);
	return table_find(&m->words, key, len) >= 0;
}

/* Remember the short words of s[0..n) followed by a period and a lower-case word. */
static void
learn(struct sentence_memory *m, const unsigned char *s, size_t n)
{
	const unsigned char *p = s;
	char key[KEY_MAX];

	while (m->words.n < MEMORY_MAX && (p = memchr(p, '.', (size_t)(s + n - p))) != NULL) {
		size_t at = (size_t)(p - s), a = at, k;

		p++;
		if (at + 2 >= n || s[at + 1] != ' ' || char_class(s, at + 2, n) != C_LOWER)
			continue;
		while (a > 0 && s[a - 1] != ' ' && at - a <= LEARN_MAX + 3)
			a--;
		if (a > 0 && s[a - 1] != ' ')
			continue;	/* too long to be learnt */
		while (a < at && (k = opener_len(s, a, at)) > 0)
			a += k;
		if (learnable(s, a, at))
			table_intern(&m->words, key, lower_key(key, (const char *)s + a, at - a, 0), NULL);
	}
}

/* Does the word at s[p..) commonly open a sentence (Dia, The; Mr. if listed as "Mr start")? */
static int
opener_word(const struct sentence_rules *r, const unsigned char *s, size_t p, size_t n)
{
	size_t e = p;

	while (e < n && is_alpha(s[e]))
		e++;
	if (e == p + 1 && e < n && s[e] == '.')
		return 0;	/* an initial: "H. A. Rahman" */
	return e > p && lookup(r, (const char *)s + p, e - p, 0) == K_START;
}

/*
 * Is there a boundary after word w, before the token at s[next..)?
 * ntok: tokens of the sentence before w; head: they are all bullets or
 * list markers; dotrow: periods in a spaced ellipsis ". . ." ending at w.
 */
static int
boundary_after(const struct sentence_rules *r, const struct sentence_memory *m,
    const unsigned char *s, size_t n, const struct word *w, size_t next, size_t ntok, int head,
    int dotrow)
{
	size_t q = next, k, len = w->cb - w->ca;
	const unsigned char *core = s + w->ca;
	int cls, letter, paren = 0;

	while (q < n && s[q] != ' ' && (k = opener_len(s, q, n)) > 0) {
		paren |= s[q] == '(' || s[q] == '[';
		q += k;
	}
	cls = q < n && s[q] != ' ' ? char_class(s, q, n) : C_OTHER;
	if (cls == C_LOWER || cls == C_OTHER)
		return 0;
	if (len == 0) {		/* only punctuation: ". . . .", "[...]", "?" */
		if (w->bracketed || w->ellipsis || w->dotrun > 1)
			return 0;
		if (w->marks)
			return 1;
		if (w->b - w->a == 1)
			return dotrow >= 4 && cls == C_UPPER;
		return cls == C_UPPER;
	}
	if (head && list_marker(s, w->ca, w->b, &letter))
		return 0;	/* "1. The first item" */
	if (w->marks)
		return 1;
	if (cls == C_DIGIT)
		return 0;	/* "No. 5", "p. 55" */
	if (w->ellipsis || w->dotrun > 1 || w->closed || w->outside)
		return 1;
	if (is_digit(core[len - 1]))
		return 1;
	switch (lookup(r, (const char *)core, len, 1)) {
	case K_TITLE:
		return 0;
	case K_END:
		return !paren;	/* "Tbk. (BBNI)" */
	case K_ABBREV:
		goto ambiguous;
	default:
		break;
	}
	if (len == 1 && is_alpha(core[0]))
		goto ambiguous;	/* an initial */
	if (memchr(core, '.', len) && dotted_abbrev(s, w->ca, w->cb)) {
		/* a degree after a name and a comma ends the name: "Budi, M.Si." "Ani, Sp.PD." */
		if (w->a >= 2 && s[w->a - 2] == ',' && !single_letters(core, len))
			return 1;
		goto ambiguous;
	}
	if (consonant_abbrev(s, w->ca, w->cb) || remembered(m, s, w->ca, w->cb))
		goto ambiguous;
	return 1;
ambiguous:
	return ntok >= 3 && opener_word(r, s, q, n);
}

static size_t
add_sentence(struct sentence **sent, size_t *cap, size_t nsent, size_t start, size_t end)
{
	if (nsent == *cap)
		*sent = xgrow(*sent, cap, nsent + 1, sizeof **sent);
	(*sent)[nsent].start = start;
	(*sent)[nsent].end = end;
	return nsent + 1;
}

/* The first space of the folded text from s[i], or n: words are short, a call of memchr for each costs more. */
static inline size_t
next_space(const unsigned char *s, size_t i, size_t n)
{
#ifdef __SSE2__
	for (; n - i >= 16; i += 16) {
		unsigned m = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(s + i)),
		    _mm_set1_epi8(' ')));

		if (m)
			return i + (size_t)__builtin_ctz(m);
	}
#endif
	const unsigned char *sp = memchr(s + i, ' ', n - i);

	return sp ? (size_t)(sp - s) : n;
}

size_t
sentence_split(const struct sentence_rules *r, struct sentence_memory *memory,
    const char *text, size_t n, struct sentence **sent, size_t *cap)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t nsent = 0, start = 0, ntok = 0, i = 0;
	int list_next = 0, list_letter = 0, dotrow = 0, head = 1;

	if (n == 0)
		return 0;
	if (memory)
		learn(memory, s, n);

	while (i < n) {
		size_t b = next_space(s, i, n);
		unsigned char last = s[b - 1];
		int v, letter, stop = 0;
		struct word w;

		/* a list item or a bullet starts a sentence */
		size_t m = bullet(s, i, b) ? i + 3 : i;
		int item = 0;

		if (m > i && ntok > 0) {
			nsent = add_sentence(sent, cap, nsent, start, i - 1);
			start = i;
			ntok = 0;
			head = 1;
		}
		if (m < b && b - m <= 4 && (last == '.' || last == ')')	/* how every list marker ends */
		    && (is_digit(s[m]) || (s[m] >= 'a' && s[m] <= 'z'))
		    && (v = list_marker(s, m, b, &letter)) > 0) {
			if (!head && list_next == v && list_letter == letter && b < n
			    && char_class(s, b + 1, n) == C_UPPER) {
				nsent = add_sentence(sent, cap, nsent, start, i - 1);
				start = i;
				ntok = 0;
				head = 1;
			}
			if (head) {
				list_next = v + 1;
				list_letter = letter;
			}
			item = 1;
		}
		item |= m > i;
		if (last == '.' || last == '!' || last == '?' || last == '"' || last == '\''
		    || last == ')' || last == ']' || last >= 0x80) {
			if (b < n && parse_word(s, m, b, &w))
				stop = boundary_after(r, memory, s, n, &w, b + 1, ntok, head && item,
				    b - i == 1 && last == '.' ? dotrow + 1 : 0);
			dotrow = b - i == 1 && last == '.' ? dotrow + 1 : last == '.';
		} else
			dotrow = 0;
		if (stop) {
			nsent = add_sentence(sent, cap, nsent, start, b);
			start = b + 1;
			ntok = 0;
			head = 1;
		} else {
			ntok++;
			head &= item;
		}
		i = b + 1;
	}
	if (start < n)
		nsent = add_sentence(sent, cap, nsent, start, n);
	return nsent;
}
