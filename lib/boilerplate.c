/*
 * Boilerplate or body, line by line: a local score from the line's own
 * signals (its text; its markup on an HTML page), then context (neighbours, the main block of
 * body text), cues and cross-document repetition, then the title.
 */
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "boilerplate.h"
#include "data.h"
#include "diag.h"
#include "html.h"
#include "mem.h"
#include "simd.h"

/*
 * The weights of the local score (fitted by hand on the development pages,
 * close to a logistic regression on the same signals): bias, length,
 * stopword share, terminal punctuation, sign-off, ellipsis, capitals,
 * digits, separators, sentences, capitalised stopwords.
 */
static const double LW[11] = { -4.2, 4.0, 6.0, 1.6, 0.8, -1.5, -2.0, -3.0, -0.8, 0.4, -0.8 };
/* The length term of the local score, log(1 + words) / log(41) up to 1, by words: a line's log is a load. */
#define LENGTH_WORDS 40
static double length_term[LENGTH_WORDS + 1];

static void
length_term_init(void)
{
	for (int n = 0; n <= LENGTH_WORDS; n++) {
		volatile double w = n;	/* log at run time as before: one the compiler folds may differ in its last bit */
		double len = log(1 + w) / log(41);

		length_term[n] = len > 1 ? 1 : len;
	}
}

/* The main block: the first stretch this rich beside the richest ... */
#define FIRST_FRACTION 0.2
/* ... and with at least this many good lines (or the richest). */
#define FIRST_LINES 2
/* A headline for a stretch: among this many lines before it, this share of its words in the stretch's first lines. */
#define HEAD_LINES 10
#define HEAD_SHARE 0.34
/* ... joined by the stretches this rich beside it, up to a cue that closes the article. */
#define ALSO_FRACTION 0.6
/* ... when what lies between costs at most this times what the stretch brings. */
#define JOIN_COST 4.0
/* A boilerplate line weighs at least this many words against a stretch. */
#define MIN_WEIGHT 15
/* Outside the main block, a line's score is multiplied by this. */
#define OUTSIDE 0.4
/* Up to this many lines of the block between body lines, with at least this local score, are body. */
#define SANDWICH 4
#define SANDWICH_FLOOR 0.03
/* A list between body lines: up to this many lines, at least this share of them packed (no blank line between). */
#define LIST_LINES 40
#define LIST_PACKED 0.6
#define LIST_MIN 3
/* A page marks its body when this many words, and this share of its prose, are in body containers. */
#define BODY_WORDS 50
#define BODY_PROSE 0.3
/* A headline shares at least this share of its words with the page's title. */
#define HEADLINE_SHARE 0.6
/* A line ending with a photo credit and no full stop loses this much. */
#define CAPTION 3.0
/* ... and so does a line followed by a photo credit of at most this many words. */
#define CREDIT_WORDS 8
/* A line with two capitalised short stopwords inside a sentence (Title Case) loses this much. */
#define TITLECASE 1.5
/* A run of this many lines, each opening with this many capitalised words, is a teaser list: local score times this. */
#define TEASER_RUN 2
#define TEASER_WORDS 4
#define TEASER 0.3
/* ... lines of the run at most this far apart. */
#define TEASER_GAP 2

static int debug;	/* BP_DEBUG in the environment: each line's signals on stderr */
#define CUE_PREFIX 4	/* in the cue set: the first words of a longer cue */
#define CUE_CREDIT 8	/* ... a word that credits a photo (Getty, Reuters, Foto) */

void
bp_defaults(struct bp_options *o)
{
	o->lang = "auto";
	o->threshold = 0.5;
	o->near = 0.3;
	o->short_words = 8;
	o->repeat = 3;
	o->repeat_words = 40;
	o->cue_words = 20;
	o->titles = 1;
}

const char *
bp_class_name(enum bp_class c)
{
	return c == BP_BODY ? "body" : c == BP_TITLE ? "title" : "boilerplate";
}

/* ------------------------------------------------------------ characters */

/* C_TRAIL: may follow a word (. , " ' ) : ; ! ?); C_BOUND: may end a sentence (. ? ! : "); C_STOP: . ? !; C_ALNUM: an ASCII letter or digit */
enum { C_SPACE = 1, C_C2 = 2, C_DIGIT = 4, C_LETTER = 8, C_TRAIL = 16, C_BOUND = 32, C_STOP = 64, C_ALNUM = 128 };
static unsigned char byte_class[256];
static uint32_t byte_count[256];	/* 1 for a digit, 1 << 16 for a letter */
#ifdef __SSE2__
static unsigned char byte_bits[256];	/* bits set in a byte: x86-64's baseline has no popcnt */
#endif

static void
byte_class_init(void)
{
	for (int c = 0; c < 256; c++)
		byte_class[c] = (unsigned char)(
		    (c == ' ' || c == '\t' || c == '\v' || c == '\f' || c == '\r' || c == '\n' ? C_SPACE : 0) |
		    (c == 0xC2 ? C_C2 : 0) | (c >= '0' && c <= '9' ? C_DIGIT : 0) |
		    ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80 ? C_LETTER : 0) |
		    (c && strchr(".,\"'):;!?", c) ? C_TRAIL : 0) | (c && strchr(".?!:\"", c) ? C_BOUND : 0) |
		    (c && strchr(".?!", c) ? C_STOP : 0) | 
		    ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ? C_ALNUM : 0));
#ifdef __SSE2__
	for (int c = 0; c < 256; c++)
		byte_bits[c] = (unsigned char)__builtin_popcount((unsigned)c);
#endif
	for (int c = 0; c < 256; c++)
		byte_count[c] = (byte_class[c] & C_DIGIT ? 1 : 0) | (byte_class[c] & C_LETTER ? 1u << 16 : 0);
}

static inline int
is_space(unsigned char c)
{
	return byte_class[c] & C_SPACE;
}

#ifdef __SSE2__
static inline uint32_t
bits16(unsigned m)
{
	return (uint32_t)byte_bits[m & 0xFF] + byte_bits[m >> 8];
}
#endif

/* The token at p (no space there): its end, its digits and letters added to *count as byte_count would, its bytes or-ed into *high. */
static inline const unsigned char *
token_end(const unsigned char *p, const unsigned char *end, uint32_t *count, unsigned char *high)
{
#ifdef __SSE2__
	/* 16 bytes at a time while they are there: no branch per byte (a word's end is not predictable). */
	while (end - p >= 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)p);
		unsigned stop = (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(
		    _mm_cmpeq_epi8(v, _mm_set1_epi8(' ')), _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xC2))),
		    bytes_in(v, '\t', '\r')));	/* \t \n \v \f \r */
		unsigned digit = (unsigned)_mm_movemask_epi8(bytes_in(v, '0', '9'));
		unsigned upper = (unsigned)_mm_movemask_epi8(v);
		unsigned letter = (unsigned)_mm_movemask_epi8(ascii_letters(v)) | upper;
		unsigned run = stop ? (unsigned)__builtin_ctz(stop) : 16, in = (1u << run) - 1;

		*count += bits16(digit & in) + (bits16(letter & in) << 16);
		*high |= (upper & in) ? 0x80 : 0;
		p += run;
		if (stop)
			return p;
	}
#endif
	while (p < end && !(byte_class[*p] & (C_SPACE | C_C2))) {
		*count += byte_count[*p];
		*high |= *p;
		p++;
	}
	return p;
}

/* Bytes of a space (ASCII or no-break) at s, 0 if there is none. */
static inline size_t
space_len(const unsigned char *s, const unsigned char *end)
{
	if (is_space(*s))
		return 1;
	return *s == 0xC2 && end - s >= 2 && s[1] == 0xA0 ? 2 : 0;
}

/* Bytes of a punctuation or space character at s (UTF-8), 0 if it is not one. */
static inline size_t
punct_len(const unsigned char *s, size_t n)
{
	unsigned char c = s[0];

	if (c < 0x80)
		return !(byte_class[c] & (C_LETTER | C_DIGIT));
	if (c == 0xC2 && n >= 2 && s[1] >= 0xA0 && s[1] <= 0xBF)
		return 2;	/* nbsp, «, », ·, ©, ... */
	if (c == 0xE2 && n >= 3 && (s[1] == 0x80 || s[1] == 0x81 || s[1] == 0x86 ||
	    s[1] == 0x96 || s[1] == 0x97))
		return 3;	/* dashes, quotes, bullets, ellipsis, arrows, shapes */
	if (c == 0xF0 && n >= 4)
		return 4;	/* emoji and other symbols */
	return 0;
}

/* ------------------------------------------------------------- the model */

static inline uint64_t phrase_step(uint64_t h, uint64_t word);

/* Stopwords, cues and lines are found by hashes of their lower-cased words. */
#define WORD_HASH0 0xcbf29ce484222325ULL
#define MAX_STOP 24
#define SCANNED BP_SCANNED
/* A text whose best stoplist covers under this share of its words is in another language... */
#define UNKNOWN_PCT 8
/* ... and each of its lines gets this share of stopwords. */
#define NEUTRAL 0.3


static inline uint64_t
word_mix(uint64_t w0, uint64_t w1, uint64_t w2, size_t len)
{
	uint64_t h = (lower8(w0) ^ len) * 0x9E3779B97F4A7C15ULL;

	h ^= lower8(w1) * 0xC2B2AE3D27D4EB4FULL;
	h ^= lower8(w2) * 0x165667B19E3779F9ULL;
	return h ^ (h >> 29);
}

/* The hash of a word of at most MAX_STOP bytes, in lower case. */
static inline uint64_t
word_key(const unsigned char *a, size_t len)
{
	uint64_t w[3] = { 0, 0, 0 };

	memcpy(w, a, len);
	return word_mix(w[0], w[1], w[2], len);
}

/* The same, reading whole words of memory: at least 24 bytes from a are readable. */
static inline uint64_t
word_key_fast(const unsigned char *a, size_t len)
{
	uint64_t w0, w1, w2;

	memcpy(&w0, a, 8);
	memcpy(&w1, a + 8, 8);
	memcpy(&w2, a + 16, 8);
	if (len <= 8) {
		w0 &= ~0ULL >> (64 - 8 * len);
		w1 = w2 = 0;
	} else if (len <= 16) {
		w1 &= ~0ULL >> (128 - 8 * len);
		w2 = 0;
	} else {
		w2 &= ~0ULL >> (192 - 8 * len);
	}
	return word_mix(w0, w1, w2, len);
}

/*
 * The same for a word of the line [line, end), without a call to memcpy
 * and the stall of loading what it just stored: a short word near the
 * line's end is read from the line's last 8 bytes.
 */
static inline uint64_t
word_key_in(const unsigned char *line, const unsigned char *end, const unsigned char *a, size_t len)
{
	uint64_t w;

	if (end - a >= 24)
		return word_key_fast(a, len);
	if (len > 8 || end - line < 8)
		return word_key(a, len);
	if (end - a >= 8)
		memcpy(&w, a, 8);
	else {
		memcpy(&w, end - 8, 8);
		w >>= 8 * (8 - (end - a));
	}
	return word_mix(w & (~0ULL >> (64 - 8 * len)), 0, 0, len);
}

/* A phrase's hash, one word's hash at a time. */
static inline uint64_t
phrase_step(uint64_t h, uint64_t word)
{
	h = (h ^ word) * 0x9E3779B97F4A7C15ULL;
	return h ^ (h >> 31);
}

/*
 * Stopwords and cue phrases: sets of hashes with a byte of flags each (a
 * stopword's languages, a cue's BP_ flags), a slot the hash with the
 * flags in its low byte (0: empty), at most a quarter full (a word not
 * there mostly ends at its first slot): one load per word.
 */
static inline unsigned
flags_of(const struct bp_flagset *set, uint64_t h)
{
	uint64_t key = h & ~0xFFULL;
	size_t i = (size_t)(h >> 20) & set->mask;
	uint64_t k = set->slot[i], found = k ^ key;
	unsigned hit = found < 256;

	if (hit | (k == 0))	/* mostly: no branch on hit or miss */
		return (unsigned)found & (0u - hit);
	for (i = (i + 1) & set->mask;; i = (i + 1) & set->mask) {
		if ((set->slot[i] ^ key) < 256)
			return (unsigned)(set->slot[i] ^ key);
		if (set->slot[i] == 0)
			return 0;
	}
}

static void
flags_put(uint64_t *slot, size_t mask, uint64_t h, unsigned flags)
{
	size_t i = (size_t)(h >> 20) & mask;

	while (slot[i] && (slot[i] ^ (h & ~0xFFULL)) >= 256)
		i = (i + 1) & mask;
	slot[i] |= (h & ~0xFFULL) | flags;
}

/* Add flags (not 0) to a hash's. */
static void
flags_add(struct bp_flagset *set, uint64_t h, unsigned flags)
{
	if (set->slot && flags_of(set, h)) {
		flags_put(set->slot, set->mask, h, flags);
		return;
	}
	if (4 * (set->n + 1) > set->mask + 1 || !set->slot) {
		size_t cap = set->slot ? 2 * (set->mask + 1) : 64;
		uint64_t *slot = xcalloc(cap, sizeof *slot);

		for (size_t i = 0; set->slot && i <= set->mask; i++)
			if (set->slot[i])	/* the index is from bits above the flags */
				flags_put(slot, cap - 1, set->slot[i], (unsigned)(set->slot[i] & 0xFF));
		free(set->slot);
		set->slot = slot;
		set->mask = cap - 1;
	}
	flags_put(set->slot, set->mask, h, flags);
	set->n++;
}

static inline uint32_t
stop_bits(const struct bp_model *m, uint64_t h)
{
	return flags_of(&m->stops, h);
}

static void
stop_index(struct bp_model *m)
{
	for (size_t id = 0; id < m->words.n; id++) {
		size_t len;
		const char *w = table_key(&m->words, id, &len);
		size_t k;

		for (k = 0; k < len && !(w[k] >= 'A' && w[k] <= 'Z'); k++)
			;
		if (len > MAX_STOP || k < len)
			continue;	/* words are looked up in lower case */
		flags_add(&m->stops, word_key((const unsigned char *)w, len), m->wordlangs[id]);
	}
}

static void
load_words(struct bp_model *m, const struct blob *b, uint32_t bit)
{
	size_t pos = 0;
	struct line ln;

	while (data_next_line(b, &pos, &ln)) {
		size_t id = table_intern(&m->words, ln.data, ln.len, NULL);

		if (id >= m->wordcap) {
			size_t old = m->wordcap;

			m->wordlangs = xgrow(m->wordlangs, &m->wordcap, id + 1, sizeof *m->wordlangs);
			memset(m->wordlangs + old, 0, (m->wordcap - old) * sizeof *m->wordlangs);
		}
		m->wordlangs[id] |= bit;
	}
}

/* The BP_ flags of a phrase's hash in the cue set (0: none). */
static int
cue_has(const struct bp_model *m, uint64_t h)
{
	return (int)flags_of(&m->cues, h);
}

/* A number: a word without letters (the cue "0 comments" matches "12 comments"). */
#define NUMBER_KEY 0x5555

static int
number(const unsigned char *w, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (byte_class[w[i]] & C_LETTER)
			return 0;
	return 1;
}

static void
cue_add(struct bp_model *m, uint64_t h, int flag)
{
	flags_add(&m->cues, h, (unsigned)flag);
}

/* The phrases of a cue list, one a line; each first words of a cue are a prefix that may go on. */
static void
load_cues(struct bp_model *m, const struct blob *bl, int flag)
{
	size_t pos = 0;
	struct line ln;

	while (bl && data_next_line(bl, &pos, &ln)) {
		const unsigned char *p = (const unsigned char *)ln.data, *end = p + ln.len;
		uint64_t h = WORD_HASH0;
		size_t words = 0;

		while (p < end) {
			while (p < end && punct_len(p, (size_t)(end - p)))
				p += punct_len(p, (size_t)(end - p));
			const unsigned char *w = p;

			while (p < end && !punct_len(p, (size_t)(end - p)))
				p++;
			if (p == w)
				continue;
			if (words++ && flag != CUE_CREDIT)
				cue_add(m, h, CUE_PREFIX);
			h = phrase_step(h, number(w, (size_t)(p - w)) ? NUMBER_KEY :
			    (size_t)(p - w) > MAX_STOP ? hash_bytes(w, (size_t)(p - w)) :
			    word_key(w, (size_t)(p - w)));
		}
		if (words)
			cue_add(m, h, flag);
		if (flag != CUE_CREDIT && words > m->cue_maxwords)
			m->cue_maxwords = words;
	}
}

int
bp_init(struct bp_model *m, const struct bp_options *o)
{
	char name[32];

	memset(m, 0, sizeof *m);
	m->opt = *o;
	byte_class_init();
	length_term_init();
	debug = getenv("BP_DEBUG") != NULL;
	table_init(&m->words, 2048);
	keymap_init(&m->seen, 11);
	table_init(&m->bodywords, 1024);
	keymap_init(&m->doclines, 11);
	/* Every built-in stoplist stop-XX.txt is a language. */
	for (char a = 'a'; a <= 'z'; a++)
		for (char b = 'a'; b <= 'z'; b++) {
			snprintf(name, sizeof name, "stop-%c%c.txt", a, b);
			const struct blob *bl = data_find(name);

			if (!bl || m->nlangs == BP_LANGS)
				continue;
			m->langs = xrealloc(m->langs, (m->nlangs + 1) * sizeof *m->langs);
			snprintf(m->langs[m->nlangs].code, sizeof m->langs[0].code, "%c%c", a, b);
			load_words(m, bl, 1u << m->nlangs);
			m->nlangs++;
		}
	stop_index(m);
	m->fixed = m->nlangs;
	if (strcmp(o->lang, "auto") != 0) {
		for (m->fixed = 0; m->fixed < m->nlangs; m->fixed++)
			if (strcmp(m->langs[m->fixed].code, o->lang) == 0)
				break;
		if (m->fixed == m->nlangs)
			return -1;
	}
	/* Cue phrases: every cues-XX.txt, ends-XX.txt (cues that close the article) and credits-XX.txt (photo credits). */
	static const char *const kinds[] = { "cues-%c%c.txt", "ends-%c%c.txt", "credits-%c%c.txt" };
	static const int kindflag[] = { BP_CUE, BP_CUE | BP_END, CUE_CREDIT };

	for (int f = 0; f < 3 * 26 * 26; f++) {
		int kind = f / (26 * 26);

		snprintf(name, sizeof name, kinds[kind], 'a' + f / 26 % 26, 'a' + f % 26);
		load_cues(m, data_find(name), kindflag[kind]);
	}
	return 0;
}

void
bp_free(struct bp_model *m)
{
	table_free(&m->words);
	keymap_free(&m->seen);
	table_free(&m->bodywords);
	keymap_free(&m->doclines);
	free(m->firstline);
	free(m->wordlangs);
	free(m->stops.slot);
	free(m->cues.slot);
	free(m->seencount);
	free(m->langs);
	memset(m, 0, sizeof *m);
}

/* The document counted once for the line's key, its id in seen1. */
static void
count_line(struct bp_model *m, struct bp_line *l)
{
	int added;
	size_t id = keymap_id(&m->seen, l->key, &added);

	l->seen1 = (uint32_t)id + 1;
	if (id >= m->seencap) {
		size_t cap = m->seencap;

		m->seencount = xgrow(m->seencount, &m->seencap, id + 1, sizeof *m->seencount);
		memset(m->seencount + cap, 0, (m->seencap - cap) * sizeof *m->seencount);
	}
	if (m->seencount[id].lastdoc != m->ndocs) {
		m->seencount[id].lastdoc = m->ndocs;
		m->seencount[id].docs++;
	}
}

void
bp_count(struct bp_model *m, struct bp_line *lines, size_t n)
{
	enum { BATCH = 16 };	/* lines whose slots are fetched together */

	m->ndocs++;
	for (size_t from = 0; from < n; from += BATCH) {
		size_t to = from + BATCH < n ? from + BATCH : n;

		for (size_t i = from; i < to; i++) {
			if (!lines[i].analysed)
				bp_analyse(m, &lines[i]);
			if (lines[i].words < m->opt.repeat_words)	/* longer: never counted as repeated */
				keymap_prefetch(&m->seen, lines[i].key);
		}
		for (size_t i = from; i < to; i++)
			if (lines[i].words < m->opt.repeat_words)
				count_line(m, &lines[i]);
	}
}

/* Documents a line was counted in. */
static uint32_t
docs_of_line(const struct bp_model *m, const struct bp_line *l)
{
	return l->seen1 ? m->seencount[l->seen1 - 1].docs : 0;
}

/* --------------------------------------------------------------- signals */

static int
is_separator(const unsigned char *t, size_t n)
{
	static const char *const seps[] = {
		"|", "/", "-", ">", "<", ":", "::", "\xC2\xBB", "\xC2\xAB", "\xC2\xB7",
		"\xE2\x80\xA2", "\xE2\x80\x93", "\xE2\x80\x94", "\xE2\x80\xBA", "\xE2\x86\x92",
	};
	for (size_t i = 0; i < sizeof seps / sizeof *seps; i++)
		if (strlen(seps[i]) == n && memcmp(seps[i], t, n) == 0)
			return 1;
	return 0;
}

/* Closing quotes and brackets that may follow a sentence's final stop. */
static size_t
closer_before(const unsigned char *s, size_t n)
{
	if (n >= 1 && (s[n - 1] == '"' || s[n - 1] == '\'' || s[n - 1] == ')' || s[n - 1] == ']'))
		return 1;
	if (n >= 3 && s[n - 3] == 0xE2 && s[n - 2] == 0x80 && (s[n - 1] == 0x9D || s[n - 1] == 0x99))
		return 3;
	return 0;
}

/* Line end: terminal punctuation, a teaser's ellipsis, a sign-off like (RO/OL-14). */
static void
line_end(struct bp_line *l)
{
	const unsigned char *s = (const unsigned char *)l->text;
	size_t n = l->len, k;

	while (n && (is_space(s[n - 1]) || (n >= 2 && s[n - 2] == 0xC2 && s[n - 1] == 0xA0)))
		n -= is_space(s[n - 1]) ? 1 : 2;
	/* A short parenthesised sign-off at the very end: judge what precedes it. */
	if (n >= 3 && s[n - 1] == ')') {
		size_t i = n - 1;

		while (i > 0 && s[i - 1] != '(' && n - i < 20 && !is_space(s[i - 1]))
			i--;
		if (i > 0 && s[i - 1] == '(' && n - i < 20) {
			l->signoff = 1;
			n = i - 1;
			while (n && is_space(s[n - 1]))
				n--;
			if (n == 0)
				return;
		}
	}
	if ((n >= 3 && memcmp(s + n - 3, "...", 3) == 0) ||
	    (n >= 3 && memcmp(s + n - 3, "\xE2\x80\xA6", 3) == 0)) {
		l->ellipsis = 1;
		return;
	}
	while ((k = closer_before(s, n)) != 0)
		n -= k;
	if (n && (s[n - 1] == '.' || s[n - 1] == '!' || s[n - 1] == '?'))
		l->terminal = 1;
	/* ideographic full stop, fullwidth ! and ? */
	if (n >= 3 && ((s[n - 3] == 0xE3 && s[n - 2] == 0x80 && s[n - 1] == 0x82) ||
	    (s[n - 3] == 0xEF && s[n - 2] == 0xBC && (s[n - 1] == 0x81 || s[n - 1] == 0x9F))))
		l->terminal = 1;
}

/*
 * Signals (words, stopwords, capitals, digits, separators), key and cue of
 * one line, from its first SCANNED words; bytes_hash: hash_bytes of its
 * text if known, else NULL.
 */
static void
analyse(const struct bp_model *m, struct bp_line *l, const uint64_t *bytes_hash)
{
	const unsigned char *line = (const unsigned char *)l->text, *p = line, *end = p + l->len;

	l->stops = 0;
	l->terminal = l->ellipsis = l->signoff = 0;
	memset(l->langstops, 0, sizeof l->langstops);
	int boundary = 1, cuestate = m->cues.n > 0;	/* 1: the words so far may open a cue */
	int prefix = 1;	/* 1: every word so far capitalised or a number */
	uint64_t key = WORD_HASH0;
	size_t cuewords = 0;
	uint64_t last[4] = { 0, 0, 0, 0 };

	/* The counts are kept in locals while scanning: stores through l would be redone each word. */
	int words = 0, caps = 0, alpha = 0, digits = 0, letters = 0, seps = 0, sentences = 0;
	int capstops = 0, anystops = 0, capshort = 0, tcwords = 0, tcstops = 0;

	l->cueflags = 0;
	/* The first SCANNED words tell all the shares; the end of the line is looked at apart. */
	while (p < end && words < SCANNED) {
		size_t sp;

		while (p < end && (sp = space_len(p, end)) != 0)
			p += sp;
		if (p == end)
			break;
		const unsigned char *t = p;
		uint32_t count = 0;	/* digits in the low half, letters in the high */
		unsigned char high = 0;	/* any byte above ASCII */

		/* The token's letters and digits are counted as it is scanned. */
		for (;;) {
			p = token_end(p, end, &count, &high);
			if (p < end && *p == 0xC2 && !(end - p >= 2 && p[1] == 0xA0)) {
				count += byte_count[*p];
				high |= *p;
				p++;
				continue;
			}
			break;
		}
		size_t n = (size_t)(p - t);
		/* The word within its punctuation (none for most: ASCII, a letter or digit at both ends). */
		const unsigned char *a = t, *b = p, *wb = p;

		if (!(byte_class[*t] & byte_class[p[-1]] & C_ALNUM)) {
			size_t k;

			while (a < b && (k = punct_len(a, (size_t)(b - a))) != 0)
				a += k;
			if (a == b) {
				seps += is_separator(t, n);
				boundary = 1;
				continue;
			}
			/* The line's key and its cue go word by word without the word's trailing ASCII punctuation ... */
			for (wb = b; wb > a && !(byte_class[wb[-1]] & (C_LETTER | C_DIGIT)) && wb[-1] < 0x80; wb--)
				;
			/* ... the counts without its trailing marks, closing quotes included. */
			while (b > a && ((byte_class[b[-1]] & C_TRAIL) ||
			    (b - a >= 3 && b[-3] == 0xE2 && b[-2] == 0x80)))
				b -= (b[-1] & 0x80) ? 3 : 1;
			if (p - t >= 2 && (byte_class[p[-1]] & C_STOP) && b - a > 1)
				sentences++;
		}
		/* The line's key and its cue: word by word, case folded, numbers alike. */
		size_t wlen = (size_t)(wb - a);
		uint64_t wk = wlen == 0 ? 0 : wlen > MAX_STOP ? hash_bytes(a, wlen) :
		    word_key_in(line, end, a, wlen);
		words++;
		int has_alpha = 0;
		size_t len = (size_t)(b - a);

		int ideographs = 0;	/* CJK: no spaces, about two characters a word */

		/* Only the word within its punctuation counts (modular sums: exact); ASCII punctuation counts 0. */
		if (high & 0x80) {
			for (const unsigned char *c = t; c < a; c++)
				count -= byte_count[*c];
			for (const unsigned char *c = b; c < p; c++)
				count -= byte_count[*c];
			for (const unsigned char *c = a; c < b; c++)
				ideographs += *c >= 0xE3 && *c <= 0xE9;
		}
		if (ideographs >= 4) {
			words += ideographs / 2 - 1;
			alpha += ideographs / 2 - 1;
		}
		int wdigits = (int)(count & 0xFFFF), wletters = (int)(count >> 16);

		digits += wdigits;
		letters += wletters;
		has_alpha = wletters > 0;
		if (!has_alpha)
			wk = NUMBER_KEY;	/* a number: 17 jam lalu is 2 jam lalu */
		key = phrase_step(key, wk);
		last[words % 4] = wk;	/* the last words, to look for a photo credit */
		if (cuestate) {
			int f = cue_has(m, key);

			if (f & (BP_CUE | BP_END)) {
				l->cueflags = (unsigned char)(f & (BP_CUE | BP_END));
				cuestate = 0;
			} else if (!(f & CUE_PREFIX) || ++cuewords >= m->cue_maxwords)
				cuestate = 0;
		}
		if (!has_alpha) {
			tcwords += prefix;
			continue;
		}
		alpha++;
		int capital = *a >= 'A' && *a <= 'Z';

		if (capital)
			caps++;
		else
			prefix = 0;
		tcwords += prefix;
		if (len <= MAX_STOP) {
			uint32_t bits = stop_bits(m, wlen == len ? wk :
			    word_key_in(line, end, a, len));

			/* A capitalised stopword inside a sentence: Title Case, a headline. */
			if (bits) {
				capstops += !boundary && capital;
				capshort += !boundary && capital && len <= 3;
				anystops++;
				tcstops += prefix && words > 1;
				for (; bits; bits &= bits - 1)
					l->langstops[__builtin_ctz(bits)]++;
			}
		}
		boundary = (byte_class[p[-1]] & C_BOUND) != 0;
	}
	l->words = words, l->caps = caps, l->alpha = alpha, l->digits = digits, l->letters = letters;
	l->seps = seps, l->sentences = sentences, l->capstops = capstops, l->anystops = anystops;
	l->capshort = capshort, l->tcwords = tcwords, l->tcstops = tcstops;
	/* A long line is never repeated boilerplate: its key only finds exact copies. */
	if (l->words >= SCANNED || l->words >= m->opt.repeat_words)
		key = (bytes_hash ? *bytes_hash : hash_bytes(l->text, l->len)) ^ 1;
	l->key = key;
	l->analysed = 1;
	line_end(l);
	l->caption = 0;
	for (int i = 0; i < 4 && !l->terminal && l->words < SCANNED; i++)
		if (last[i] && (cue_has(m, phrase_step(WORD_HASH0, last[i])) & CUE_CREDIT))
			l->caption = 1;
}

void
bp_analyse(const struct bp_model *m, struct bp_line *l)
{
	analyse(m, l, NULL);
}

/* The signals of a line: its bp_line's bytes from key up to cue, the fields analyse writes. */
#define SIGNALS offsetof(struct bp_line, key)
#define SIGNALS_LEN (offsetof(struct bp_line, cue) - SIGNALS)
_Static_assert(SIGNALS_LEN <= sizeof ((struct bp_memo_entry *)0)->signals, "a line's signals fit in a memo's entry");
/*
 * A memo keeps lines of at most MEMO_LONG bytes (longer ones seldom recur),
 * at most MEMO_LINES of them, MEMO_TEXT bytes in all, then starts over:
 * about 5 MB.
 */
#define MEMO_LONG 512
#define MEMO_LINES (1u << 15)
#define MEMO_TEXT (2u << 20)

void
bp_memo_init(struct bp_memo *c)
{
	memset(c, 0, sizeof *c);
	keymap_init(&c->lines, 12);
}

void
bp_memo_free(struct bp_memo *c)
{
	keymap_free(&c->lines);
	free(c->entry);
	buf_free(&c->text);
	memset(c, 0, sizeof *c);
}

/* The line's signals from the memo if its entry (id + 1 in *id1, or 0) holds its text; else analysed and kept. */
static void
memo_line(const struct bp_model *m, struct bp_memo *c, struct bp_line *l, uint64_t h, uint32_t *id1,
    uint32_t *inflight, size_t ninflight)
{
	const struct bp_memo_entry *e = *id1 ? &c->entry[*id1 - 1] : NULL;

	if (e && e->len == l->len && bytes_equal(c->text.data + e->off, l->text, l->len)) {
		memcpy((char *)l + SIGNALS, e->signals, SIGNALS_LEN);
		return;
	}
	if (l->len > MEMO_LONG) {
		analyse(m, l, NULL);
		return;
	}
	analyse(m, l, &h);
	if (e)
		return;	/* another line of the same hash */
	if (c->lines.n == MEMO_LINES || c->text.len + l->len > MEMO_TEXT) {
		keymap_clear(&c->lines);
		c->text.len = 0;
		memset(inflight, 0, ninflight * sizeof *inflight);	/* the ids looked up are gone */
	}
	int added;
	size_t id = keymap_id(&c->lines, h, &added);

	if (!added)
		return;	/* kept since it was looked up */
	if (id >= c->cap)
		c->entry = xgrow(c->entry, &c->cap, id + 1, sizeof *c->entry);
	c->entry[id].off = (uint32_t)c->text.len;
	c->entry[id].len = (uint32_t)l->len;
	memcpy(c->entry[id].signals, (char *)l + SIGNALS, SIGNALS_LEN);
	buf_add(&c->text, l->text, l->len);
}

/*
 * A pipeline of stages AHEAD lines apart, so that what each stage reads
 * was fetched while the lines between were done: the line (written by
 * another thread), its text, its slot in the memo, its entry, the text
 * kept there; then the line is copied or analysed.
 */
void
bp_analyse_lines(const struct bp_model *m, struct bp_memo *c, struct bp_line *lines, size_t n)
{
	enum { AHEAD = 8, RING = 64 };	/* RING > 5 * AHEAD, a power of 2 */
	uint64_t h[RING];	/* hash_bytes of a line's text */
	uint32_t id1[RING];	/* the memo's id + 1 of that hash, 0 if none */
	size_t i;

	for (size_t k = 0; k < n + 5 * AHEAD; k++) {
		if (k < n) {
			__builtin_prefetch(&lines[k]);
			__builtin_prefetch((const char *)&lines[k] + 64);
		}
		if ((i = k - AHEAD) < n)	/* (wraps around below 0) */
			__builtin_prefetch(lines[i].text);
		if ((i = k - 2 * AHEAD) < n && lines[i].len <= MEMO_LONG) {
			h[i % RING] = hash_bytes(lines[i].text, lines[i].len);
			keymap_prefetch(&c->lines, h[i % RING]);
		}
		if ((i = k - 3 * AHEAD) < n) {
			const struct keyslot *s = lines[i].len <= MEMO_LONG ? keymap_slot(&c->lines, h[i % RING]) : NULL;

			id1[i % RING] = s && s->stamp == c->lines.stamp ? s->id + 1 : 0;
			if (id1[i % RING])
				__builtin_prefetch(&c->entry[s->id]);
		}
		if ((i = k - 4 * AHEAD) < n && id1[i % RING])
			__builtin_prefetch(c->text.data + c->entry[id1[i % RING] - 1].off);
		if ((i = k - 5 * AHEAD) < n)
			memo_line(m, c, &lines[i], h[i % RING], &id1[i % RING], id1, RING);
	}
}

/*
 * What the markup says, added to a line's local evidence (HTML pages only),
 * weights fitted by hand on the development pages: a body cue, a content
 * cue (none: it names too much), a boilerplate cue; inside nav, footer,
 * aside, form or button; inside header; inside article or main; link
 * density; figure; outside the body of a page that marks one.
 */
static const double MW[9] = { 2.5, 0, -3.0, -3.0, -1.5, 1.0, -4.0, -1.5, -3.0 };

static double
markup_score(const struct bp_line *l, int hasbody)
{
	uint32_t t = l->tags;
	double z = 0, links = l->chars ? (double)l->linkchars / l->chars : 0;

	if (t & HTML_CUE_BODY)
		z += MW[0];
	else if (t & HTML_CUE_CONTENT)
		z += MW[1];
	else if (t & HTML_CUE_BOILER)
		z += MW[2];
	if (t & (HTML_NAV | HTML_FOOTER | HTML_ASIDE | HTML_FORM | HTML_BUTTON))
		z += MW[3];
	else if (t & HTML_HEADER)
		z += MW[4];
	if (t & (HTML_ARTICLE | HTML_MAIN))
		z += MW[5];
	z += MW[6] * links;
	if (t & HTML_FIGURE)
		z += MW[7];
	if (hasbody && !(t & HTML_CUE_BODY))
		z += MW[8];
	return z;
}

/* The local score: how much the line alone looks like running text. */
static double
local_score(const struct bp_line *l, int hasbody)
{
	if (l->words == 0 || l->alpha == 0)
		return 0.0;
	double w = l->words, d = (double)l->stops / w;
	double capshare = l->alpha > 1 ? (double)(l->caps - (l->caps > 0)) / (l->alpha - 1) : 1.0;
	double digshare = (double)l->digits / (l->digits + l->letters);
	const double *k = LW;
	double z = k[0];

	z += k[1] * length_term[l->words < LENGTH_WORDS ? l->words : LENGTH_WORDS];
	z += k[2] * (d > 0.5 ? 0.5 : d);
	z += k[3] * l->terminal + k[4] * l->signoff;
	z += k[5] * l->ellipsis;
	z -= CAPTION * (l->caption | l->credited);
	z -= TITLECASE * (l->capshort >= 2);
	z += k[6] * capshare * (l->terminal && w >= 15 ? 0.3 : 1);
	z += k[7] * digshare;
	z += k[8] * (l->seps > 2 ? 2 : l->seps);
	z += k[9] * (l->sentences > 3 ? 3 : l->sentences);
	if (l->anystops >= 2)
		z += k[10] * l->capstops / l->anystops;
	if (l->tags & HTML_PAGE)
		z += markup_score(l, hasbody);
	return 1 / (1 + exp(-z));
}

/* A heading over a line of links ("More on transport" over related stories) heads no text. */
static int
heads_links(const struct bp_line *l, const struct bp_line *next)
{
	return (l->tags & (HTML_H1 | HTML_HEADING)) && next->chars &&
	    2 * next->linkchars > next->chars;
}

static int
teaser_shape(const struct bp_line *l)
{
	return l->tcwords >= TEASER_WORDS && l->tcstops >= 1 && l->words >= l->tcwords + 3;
}

/* Add a line's words (of four letters or more) to the body's, or the share of them found there. */
static double
body_words(struct bp_model *m, const struct bp_line *l, int add)
{
	const unsigned char *p = (const unsigned char *)l->text, *end = p + l->len;
	char low[32];
	size_t seen = 0, found = 0;

	while (p < end) {
		size_t k, len = 0;

		while (p < end && (k = punct_len(p, (size_t)(end - p))) != 0)
			p += k;
		while (p < end && !punct_len(p, (size_t)(end - p))) {
			if (len < sizeof low)
				low[len] = (char)((*p >= 'A' && *p <= 'Z') ? *p + 32 : *p);
			len++;
			p++;
		}
		if (len < 4 || len > sizeof low)
			continue;
		if (add)
			table_intern(&m->bodywords, low, len, NULL);
		else {
			seen++;
			found += table_find(&m->bodywords, low, len) >= 0;
		}
	}
	return seen ? (double)found / seen : 0;
}

/* ---------------------------------------------------------- the document */

/*
 * Whether one of the few lines before a stretch, not before line index
 * floor, is a headline sharing the words of its first good lines.
 */
static int
headed(struct bp_model *m, const struct bp_line *lines, size_t floor, size_t start, size_t end)
{
	table_clear(&m->bodywords);
	for (size_t i = start, k = 0; i < end && k < 3; i++)
		if (lines[i].local >= 0.5)
			body_words(m, &lines[i], 1), k++;
	for (size_t i = start, k = 0; i > floor && k < HEAD_LINES; i--, k++) {
		const struct bp_line *l = &lines[i - 1];

		if (l->words < 3 || l->words > 30 || l->terminal || l->repeated || l->cue)
			continue;
		if (body_words(m, l, 0) >= HEAD_SHARE) {
			if (debug)
				fprintf(stderr, "headline %lu for %lu\n", l->lineno, lines[start].lineno);
			return 1;
		}
	}
	return 0;
}

/* Repeated within the document (related headlines, menus twice): lines with words and equal keys. */
static void
mark_twice(struct bp_model *m, struct bp_line *lines, size_t n)
{
	keymap_clear(&m->doclines);
	for (size_t i = 0; i < n; i++) {
		int added;

		if (lines[i].words == 0)
			continue;
		size_t id = keymap_id(&m->doclines, lines[i].key, &added);

		if (added) {
			m->firstline = xgrow(m->firstline, &m->firstcap, id + 1, sizeof *m->firstline);
			m->firstline[id] = (uint32_t)i;
		} else
			lines[i].twice = lines[m->firstline[id]].twice = 1;
	}
}

static double
weight(const struct bp_line *l)
{
	return l->words > 60 ? 60 : l->words;
}

/* The main block: of the stretches richest in body text, the first nearly as rich as the best (inblock). */
static void
main_block(struct bp_model *m, struct bp_line *lines, size_t n)
{
	struct { size_t start, end, good; double sum; } *runs = NULL;
	size_t nruns = 0, runcap = 0, from = 0, rstart = 0, rend = 0;
	double sum = 0, rbest = 0, best = 0;
	double *acc = xmalloc((n + 1) * sizeof *acc);	/* the lines' worth to a stretch, summed up to each */
	acc[0] = 0;

	for (size_t i = 0; i <= n; i++) {
		if (i == n || sum <= 0) {
			if (rbest > 0) {
				runs = xgrow(runs, &runcap, nruns + 1, sizeof *runs);
				runs[nruns].start = rstart;
				runs[nruns].end = rend;
				runs[nruns].good = 0;
				for (size_t k = rstart; k < rend; k++)
					runs[nruns].good += lines[k].local >= 0.5;
				runs[nruns++].sum = rbest;
				if (rbest > best)
					best = rbest;
			}
			if (i == n)
				break;
			sum = rbest = 0;
			from = i;
		}
		struct bp_line *l = &lines[i];
		double w = weight(l), v;

		if (l->end)
			v = -1e9;	/* the article ends here: a new stretch begins after it */
		else if (l->repeated || l->cue)
			v = -(w > MIN_WEIGHT ? w : MIN_WEIGHT);
		else if (l->local < 0.5)
			v = (l->local - 0.5) * 2 * (w > MIN_WEIGHT ? w : MIN_WEIGHT);
		else
			v = (l->local - 0.5) * 2 * w;
		acc[i + 1] = acc[i] + v;
		sum += v;
		if (sum > rbest) {
			rbest = sum;
			rstart = from;
			rend = i + 1;
		}
	}
	for (size_t i = 0; i < n; i++)
		lines[i].inblock = 0;
	if (nruns > 0) {
		size_t main = 0;

		while (runs[main].sum < FIRST_FRACTION * best ||
		    (runs[main].good < FIRST_LINES && runs[main].sum < best))
			main++;
		/*
		 * A richer stretch under its own headline (a line before it, after
		 * the stretch chosen, sharing its words) is the article rather.
		 */
		int richer = 0;

		for (size_t r = main + 1; r < nruns; r++)
			richer |= runs[r].sum > runs[main].sum && runs[r].good >= FIRST_LINES;
		if (richer && !headed(m, lines, 0, runs[main].start, runs[main].end))
			for (size_t r = main + 1; r < nruns; r++)
				if (runs[r].sum > runs[main].sum && runs[r].good >= FIRST_LINES &&
				    headed(m, lines, runs[main].end, runs[r].start, runs[r].end)) {
					main = r;
					break;
				}
		if (debug)
			for (size_t r = 0; r < nruns; r++)
				fprintf(stderr, "run %lu-%lu %.1f%s\n", lines[runs[r].start].lineno,
				    lines[runs[r].end - 1].lineno, runs[r].sum, r == main ? " main" : "");
		for (size_t i = runs[main].start; i < runs[main].end; i++)
			lines[i].inblock = 1;
		/*
		 * Other stretches nearly as rich, with no cue closing the article
		 * between and not too far (what lies between costs less than the
		 * stretch brings): it goes on.
		 */
		for (int dir = -1; dir <= 1; dir += 2) {
			size_t edge = dir > 0 ? runs[main].end : runs[main].start;

			for (size_t r = main + dir; r < nruns; r += dir) {
				size_t from = dir > 0 ? runs[r - 1].end : runs[r].end;
				size_t to = dir > 0 ? runs[r].start : runs[r + 1].start;
				int closed = 0;
				double cost;

				for (size_t i = from; i < to; i++)
					closed |= lines[i].end;
				if (closed || (dir > 0 && lines[runs[r].start - 1].end))
					break;
				cost = dir > 0 ? acc[edge] - acc[runs[r].start] : acc[runs[r].end] - acc[edge];
				if (runs[r].sum >= ALSO_FRACTION * runs[main].sum && cost <= JOIN_COST * runs[r].sum) {
					for (size_t i = runs[r].start; i < runs[r].end; i++)
						lines[i].inblock = 1;
					edge = dir > 0 ? runs[r].end : runs[r].start;
				}
			}
		}
	}
	free(runs);
	free(acc);
}

/*
 * A few lines between body lines of the block (a subheading; not a photo
 * caption) are body too, and so is a list between them: three or more
 * lines mostly packed together (no blank line between), no cue among them.
 */
static void
fill_between(struct bp_line *lines, size_t n, double threshold)
{
	for (size_t i = 1; i < n; i++) {
		if (lines[i].class == BP_BODY || lines[i - 1].class != BP_BODY)
			continue;
		size_t j = i;

		while (j < n && j - i < SANDWICH && lines[j].class != BP_BODY && lines[j].inblock &&
		    !lines[j].cue && !lines[j].repeated && !lines[j].caption &&
		    lines[j].local >= SANDWICH_FLOOR)
			j++;
		if (j == i || j == n || lines[j].class != BP_BODY) {
			/* A list: lines packed together (no blank line between), no cue among them. */
			size_t packed = 0;

			for (j = i; j < n && j - i < LIST_LINES && lines[j].class != BP_BODY &&
			    !lines[j].cue && !lines[j].repeated && !lines[j].caption && !lines[j].end; j++)
				packed += (j > 0 && lines[j - 1].lineno + 1 == lines[j].lineno) ||
				    (j + 1 < n && lines[j + 1].lineno == lines[j].lineno + 1);
			if (j - i < LIST_MIN || packed < LIST_PACKED * (j - i))
				j = i;
		}
		if (j < n && j > i && lines[j].class == BP_BODY)
			for (size_t k = i; k < j; k++) {
				lines[k].class = BP_BODY;
				if (lines[k].score < threshold)
					lines[k].score = threshold;
			}
		i = j;
	}
}

/* The title: before the first body line, the headline that shares most words with the body. */
static void
mark_title(struct bp_model *m, struct bp_line *lines, size_t n)
{
	size_t first = 0;

	while (first < n && lines[first].class != BP_BODY)
		first++;
	if (first == n)
		return;
	double tbest = 0.34;
	size_t title = n;

	table_clear(&m->bodywords);
	for (size_t i = first, k = 0; i < n && k < 3; i++)
		if (lines[i].class == BP_BODY)
			body_words(m, &lines[i], 1), k++;
	for (size_t i = first > 30 ? first - 30 : 0; i < first; i++) {
		struct bp_line *l = &lines[i];

		if (l->words < 3 || l->words > 30 || l->terminal || l->repeated || l->cue ||
		    2 * l->alpha < l->words)
			continue;
		double t = body_words(m, l, 0) - 0.03 * (l->words > 14 ? l->words - 14 : 0);

		if (t > tbest) {
			tbest = t;
			title = i;
		}
	}
	for (size_t i = 0; title < n && i < first; i++)
		if (lines[i].key == lines[title].key)
			lines[i].class = BP_TITLE;
}

/* The stoplist of the page's own language, if it has one and the text does not deny it. */
static size_t
page_lang(const struct bp_model *m, const struct bp_page *page, const uint64_t *stops, size_t best)
{
	for (size_t k = 0; page && page->lang && k < m->nlangs; k++)
		if (strcmp(m->langs[k].code, page->lang) == 0 && 2 * stops[k] >= stops[best])
			return k;
	return best;
}

/*
 * The headline: the line most like the page's title (an <h1> first), among
 * the lines short enough; n if none shares most of its words.
 */
static size_t
headline(struct bp_model *m, const struct bp_line *lines, size_t n, const struct bp_page *page)
{
	struct bp_line title = { 0 };
	size_t best = n;
	double sbest = HEADLINE_SHARE;

	if (!page || !page->titlelen)
		return n;
	title.text = page->title;
	title.len = page->titlelen;
	table_clear(&m->bodywords);
	body_words(m, &title, 1);
	for (size_t i = 0; i < n; i++) {
		if (lines[i].words < 3 || lines[i].words > 30)
			continue;
		double s = body_words(m, &lines[i], 0) + (lines[i].tags & HTML_H1 ? 0.5 : 0);

		if (s > sbest) {
			sbest = s;
			best = i;
		}
	}
	return best;
}

const char *
bp_classify(struct bp_model *m, struct bp_line *lines, size_t n, const struct bp_page *page)
{
	const struct bp_options *o = &m->opt;
	size_t nl = m->nlangs, lang = m->fixed;
	uint64_t stops[BP_LANGS] = { 0 };	/* of each language, in the whole document */
	/* Signals of each line; stopwords counted for every language. */

	for (size_t i = 0; i < n; i++) {
		struct bp_line *l = &lines[i];

		if (!l->analysed)
			bp_analyse(m, l);
		for (size_t k = 0; k < nl; k++)
			stops[k] += l->langstops[k];
		l->end = (l->cueflags & BP_END) && l->words < o->cue_words;
		l->cue = (l->cueflags & BP_CUE) && l->words < o->cue_words;
		l->repeated = o->repeat > 0 && l->words < o->repeat_words &&
		    docs_of_line(m, l) >= (uint32_t)o->repeat;
	}
	if (lang == nl) {	/* auto: the stoplist that covers most words */
		lang = 0;
		for (size_t k = 1; k < nl; k++)
			if (stops[k] > stops[lang])
				lang = k;
		lang = page_lang(m, page, stops, lang);
	}
	/* No stoplist fits (few stopwords in the whole text): a neutral share for every line. */
	uint64_t allwords = 0;

	for (size_t i = 0; i < n; i++)
		allwords += (uint64_t)lines[i].words;
	int unknown = nl == 0 || stops[lang] * 100 < allwords * UNKNOWN_PCT;

	/*
	 * A page that marks its body (article-body, itemprop=articleBody): some
	 * words in it, and a good share of the page's prose (lines of ten words
	 * or more), not a lead paragraph alone.
	 */
	int bodywords = 0, prose = 0, bodyprose = 0;

	for (size_t i = 0; i < n; i++) {
		int body = (lines[i].tags & HTML_CUE_BODY) != 0;

		bodywords += body * lines[i].words;
		if (lines[i].words >= 10) {
			prose += lines[i].words;
			bodyprose += body * lines[i].words;
		}
	}
	int hasbody = bodywords >= BODY_WORDS && bodyprose >= BODY_PROSE * prose;
	/* The stopwords of the language found, and the local score of each line. */
	for (size_t i = 0; i < n; i++) {
		struct bp_line *l = &lines[i];

		l->stops = unknown ? (int)(NEUTRAL * l->words + 0.5) :
		    nl ? (int)l->langstops[lang] : 0;
		l->twice = l->teaser = 0;
		/* A line followed, with no blank line between, by a short photo credit is a caption. */
		l->credited = i + 1 < n && lines[i + 1].lineno == l->lineno + 1 && lines[i + 1].caption &&
		    lines[i + 1].words <= CREDIT_WORDS;
		l->local = local_score(l, hasbody);
	}
	/*
	 * Headline-plus-summary lines (a Title Case start with a capitalised
	 * stopword, then text) close to one another are a teaser list.
	 */
	for (size_t i = 0; i < n;) {
		if (!teaser_shape(&lines[i])) {	/* a run starts with one */
			i++;
			continue;
		}
		size_t last = i, count = 0;

		for (size_t j = i; j < n && j <= last + TEASER_GAP; j++)
			if (teaser_shape(&lines[j]))
				last = j, count++;
		for (size_t k = i; k <= last; k++)
			if (count >= TEASER_RUN && teaser_shape(&lines[k])) {
				lines[k].teaser = 1;
				lines[k].local *= TEASER;
			}
		i = last + 1;
	}
	mark_twice(m, lines, n);

	main_block(m, lines, n);
	/* Context: the score of each line given its neighbours and the block. */
	for (size_t i = 0; i < n; i++) {
		struct bp_line *l = &lines[i];
		double s = l->local;
		double prev = i > 0 ? lines[i - 1].local : 0;
		double next = i + 1 < n ? lines[i + 1].local : 0;
		/* A line of the body the page marks is in the block, wherever the block was found. */
		int inblock = l->inblock || (hasbody && (l->tags & HTML_CUE_BODY));

		if (l->words < o->short_words && s >= o->near && prev >= o->threshold &&
		    next >= o->threshold)
			s = (s + prev + next) / 3;
		if (!inblock)
			s *= OUTSIDE;
		else if (s < o->threshold && s >= o->near && (prev >= o->threshold || next >= o->threshold))
			s = (s + (prev > next ? prev : next)) / 2;
		if (l->twice && l->words < o->repeat_words)
			s *= 0.5;
		if (i + 1 < n && heads_links(l, &lines[i + 1]))
			s *= 0.5;
		if (l->repeated || l->cue)
			s = 0;
		l->score = s;
		if (debug)
			fprintf(stderr, "%lu\t%x\t%u/%u\t%d\t%.3f\t%d\t%d %d %d %d %d %d %d %d %d %d %d %d %d %d\n", l->lineno, l->tags, l->linkchars, l->chars, inblock, l->local, l->words,
			    l->words, l->stops, l->caps, l->alpha, l->digits, l->letters, l->seps, l->sentences,
			    l->terminal, l->ellipsis, l->signoff, l->capstops, l->anystops, l->twice);
	}
	/* A sign-off alone on its line closes the paragraph before it. */
	for (size_t i = 0; i < n; i++) {
		struct bp_line *l = &lines[i];

		l->class = l->score >= o->threshold ? BP_BODY : BP_BOILERPLATE;
		if (l->class != BP_BODY && l->signoff && l->words <= 3 && i > 0 &&
		    lines[i - 1].class == BP_BODY)
			l->class = BP_BODY;
	}
	fill_between(lines, n, o->threshold);
	size_t head = o->titles ? headline(m, lines, n, page) : n;

	if (head < n && lines[head].class != BP_BODY)
		lines[head].class = BP_TITLE;
	else if (o->titles)
		mark_title(m, lines, n);
	return nl ? m->langs[lang].code : "";
}
