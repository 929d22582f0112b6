/*
 * The tokenizer of the entity tagger, cut the way NERGrit is: a token is a
 * run of letters and digits, or one punctuation character on its own
 * (`Prof .`, `1 . 000`, `( Mdpl )`, `sumber - sumber`).
 */
#include <stdint.h>

#include "mem.h"
#include "simd.h"
#include "token.h"

enum { SPACE, WORD, PUNCT, WIDE };

/*
 * Class of each byte: bytes >= 0x80 start or continue a UTF-8 sequence,
 * whose code point tells (WIDE); control bytes (NUL too) separate tokens.
 * One lookup a byte, no test for ASCII first.  Constant: taggers in
 * several threads read it.
 */
static const unsigned char byte_class[256] = {
	[0 ... ' '] = SPACE, [0x7f] = SPACE,
	['0' ... '9'] = WORD, ['A' ... 'Z'] = WORD, ['a' ... 'z'] = WORD,
	['!' ... '/'] = PUNCT, [':' ... '@'] = PUNCT, ['[' ... '`'] = PUNCT, ['{' ... '~'] = PUNCT,
	[0x80 ... 0xff] = WIDE,
};

/* Length of the UTF-8 sequence at s[i] (at least 1) and its code point. */
static size_t
decode(const unsigned char *s, size_t i, size_t n, uint32_t *cp)
{
	unsigned char c = s[i];
	size_t len, k;
	uint32_t v;

	if (c >= 0xf0)
		len = 4, v = c & 0x07;
	else if (c >= 0xe0)
		len = 3, v = c & 0x0f;
	else if (c >= 0xc0)
		len = 2, v = c & 0x1f;
	else {
		*cp = 0xfffd;
		return 1;
	}
	if (i + len > n) {
		*cp = 0xfffd;
		return 1;
	}
	for (k = 1; k < len; k++) {
		if ((s[i + k] & 0xc0) != 0x80) {
			*cp = 0xfffd;
			return 1;
		}
		v = v << 6 | (s[i + k] & 0x3f);
	}
	*cp = v;
	return len;
}

/* Class of a non-ASCII code point: spaces, punctuation and symbols of the common blocks, else a letter. */
static int
wide_class(uint32_t cp)
{
	if (cp == 0xa0 || (cp >= 0x2000 && cp <= 0x200b) || cp == 0x202f || cp == 0x205f ||
	    cp == 0x3000 || cp == 0xfeff || cp == 0x200c || cp == 0x200d || cp == 0x2060)
		return SPACE;
	if ((cp >= 0xa1 && cp <= 0xbf && cp != 0xaa && cp != 0xb2 && cp != 0xb3 && cp != 0xb5 &&
	    cp != 0xb9 && cp != 0xba && cp != 0xbc && cp != 0xbd && cp != 0xbe) || cp == 0xd7 ||
	    cp == 0xf7 || (cp >= 0x2010 && cp <= 0x205e) || (cp >= 0x20a0 && cp <= 0x20cf) ||
	    (cp >= 0x2190 && cp <= 0x2bff) || (cp >= 0x3001 && cp <= 0x3003) ||
	    (cp >= 0x3008 && cp <= 0x3011) || cp == 0xfffd || (cp >= 0xff01 && cp <= 0xff0f) ||
	    (cp >= 0x1f000 && cp <= 0x1faff))
		return PUNCT;
	return WORD;
}

/* The end of the run of ASCII letters and digits from s[i] (the most of a word, most words all of it). */
static inline size_t
ascii_word_end(const unsigned char *s, size_t i, size_t n)
{
#ifdef __SSE2__
	for (; i + 16 <= n; i += 16) {	/* 16 bytes at a time while they lie in the text: no branch a byte */
		__m128i v = _mm_loadu_si128((const __m128i *)(s + i));
		__m128i word = _mm_or_si128(ascii_letters(v), bytes_in(v, '0', '9'));
		unsigned other = ~(unsigned)_mm_movemask_epi8(word) & 0xffff;

		if (other)
			return i + (size_t)__builtin_ctz(other);
	}
#endif
	while (i < n && byte_class[s[i]] == WORD)
		i++;
	return i;
}

size_t
tokenize(const char *text, size_t n, struct token **tok, size_t *cap)
{
	const unsigned char *s = (const unsigned char *)text;
	struct token *tk = *tok;	/* in locals: stores to the tokens cannot change them */
	size_t i = 0, nt = 0, len, start, tkcap = *cap;
	uint32_t cp;
	int cls;

	while (i < n) {
		cls = byte_class[s[i]];
		len = 1;
		if (cls == WIDE) {
			len = decode(s, i, n, &cp);
			cls = wide_class(cp);
		}
		if (cls == SPACE) {
			i += len;
			continue;
		}
		start = i;
		i += len;
		while (cls == WORD && i < n) {	/* ASCII letters and digits, then a wide letter, if any, and on */
			i = ascii_word_end(s, i, n);
			if (i == n || byte_class[s[i]] != WIDE)
				break;
			len = decode(s, i, n, &cp);
			if (wide_class(cp) != WORD)
				break;
			i += len;
		}
		if (nt == tkcap)
			tk = xgrow(tk, &tkcap, nt + 1, sizeof *tk);
		tk[nt].start = start;
		tk[nt].end = i;
		nt++;
	}
	*tok = tk;
	*cap = tkcap;
	return nt;
}
