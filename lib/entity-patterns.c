/*
 * The mentions that patterns find (PCRE2): dates, times, money, percentages,
 * quantities, e-mail addresses and URLs, each with its normalised value.
 */
#define PCRE2_CODE_UNIT_WIDTH 8

#include <pcre2.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "diag.h"
#include "entity-impl.h"
#include "normalize.h"
#include "simd.h"

#define DAYN "(?:Senin|Selasa|Rabu|Kamis|Jumat|Jum['`’]at|Sabtu|Minggu|Ahad|SENIN|SELASA|RABU|KAMIS|JUMAT|" \
	"SABTU|MINGGU|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
#define MONF "(?i:Januari|Februari|Pebruari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|" \
	"November|Nopember|Desember|January|February|March|May|June|July|August|October|December)"
#define MONA "(?:Jan|Feb|Peb|Mar|Apr|Jun|Jul|Agu|Agt|Ags|Aug|Sep|Sept|Okt|Oct|Nov|Nop|Des|Dec)\\.?"
/*
 * Each alternation of words behind a test of its first letter (caseless, as
 * the words: K is also U+212A, S U+017F): the JIT tries every word in turn.
 */
#define MON "(?=(?i:[a-z]))(?:" MONF "|" MONA ")(?![\\w])"
/* English month names before a day, capitalised (May 3, Sept. 30; not "may 3") */
#define MONEN "(?:January|February|March|April|May|June|July|August|September|October|November|December|" \
	"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\\.)"
#define DAY "(?:3[01]|[12]\\d|0?[1-9])"
#define MONTH "(?:1[0-2]|0?[1-9])"
#define YEAR "(?:1[89]\\d\\d|2[01]\\d\\d)(?!\\d)"
#define NUM "(?:\\d{1,3}(?:\\.\\d{3})+(?:,\\d+)?|\\d{1,3}(?:,\\d{3}){2,}(?:\\.\\d+)?|\\d+(?:[.,]\\d+)?)"
#define SCALE "(?:(?=(?i:[a-z]))(?i:ribu|rb|juta|jt|miliar|milyar|triliun|trilyun|thousand|million|billion|trillion)(?:an)?(?![\\w]))"
#define CURPRE "(?:Rp\\.?|IDR|USD|US\\$|S\\$|\\$|€|£|¥|RM)"
#define CURWORD "(?=(?i:[a-z]))(?i:rupiah|dolar(?:\\s+(?:AS|Amerika|Singapura))?|dollar|euro|yen|ringgit|yuan|riyal)(?![\\w])"
/* m for metres in lower case only: 3M is a name (the company, the 3M campaign); Rp3 M is money (miliar). */
#define UNIT "(?=(?i:[a-z\\x{b0}]))(?i:km|kilometer|meter|(?-i:m)|cm|mm|mdpl|kg|kilogram|gram|g|ton|liter|l|ml|ha|hektare|hektar|" \
	"m2|km2|gb|mb|tb|kb|mbps|gbps|mw|kw|kwh|watt|volt|derajat|°C|jam|menit|detik|hari|pekan|bulan|tahun|" \
	"orang|jiwa|unit|buah|ekor|kali|personel|lembar|butir|batang|kursi|dosis|kasus|desa|kabupaten|" \
	"kota|provinsi|negara|sekolah|rumah|keluarga|peserta|pegawai|siswa|mahasiswa|warga|korban)(?![\\w])"
#define AMPM "(?:[ap]\\.m\\.|[AP]\\.M\\.|[ap]m|[AP]M)(?![\\w])"
#define ZONE "(?:WIB|WITA|WIT)(?![\\w])"

/* The alternatives that start with a digit, in both patterns below. */
#define DAY_MONTH DAY "\\s+" MON "(?:\\s*,?\\s+" YEAR ")?"
#define DATE_DIGITS DAY "[/-]" MONTH "[/-]" YEAR "|" YEAR "-(?:1[0-2]|0[1-9])-(?:3[01]|[12]\\d|0[1-9])(?!\\d)"
#define TIME_DIGITS "(?:1[0-2]|0?[1-9])(?::[0-5]\\d)?\\s*" AMPM \
	"|(?:[01]?\\d|2[0-3]):[0-5]\\d(?::[0-5]\\d)?(?:\\s*" ZONE ")?" \
	"|(?:[01]?\\d|2[0-3])\\.[0-5]\\d\\s*" ZONE
#define MONEY_DIGITS NUM "(?:\\s?" SCALE ")?\\s?" CURWORD
#define PERCENT_DIGITS NUM "\\s?(?:%|(?i:persen|per\\s?sen|percent)(?![\\w]))"
#define QUANTITY_DIGITS NUM "(?:\\s?" SCALE ")?(?:\\s?" UNIT ")?(?![\\w])"

static const char main_pattern[] =
	"(?<date>"
	"(?:" DAYN "\\s*,?\\s*)?\\(\\s*" DAY "/" MONTH "(?:/(?:" YEAR "|\\d\\d))?\\s*\\)"
	"|(?:" DAYN "\\s*,?\\s*)?" DAY_MONTH
	"|(?:" DAYN "\\s*,?\\s*)?" MON "\\s+" DAY "(?:st|nd|rd|th)?,?\\s+" YEAR
	"|" DATE_DIGITS
	"|" MON "\\s+" YEAR "|(?i:tahun)\\s+" YEAR
	"|" MONEN "\\s+" DAY "(?:st|nd|rd|th)?(?![\\w]))"
	"|(?<time>(?i:pukul|jam)\\s+(?:[01]?\\d|2[0-3])[.:][0-5]\\d(?:[.:][0-5]\\d)?(?:\\s*" ZONE ")?"
	"|" TIME_DIGITS ")(?!\\d)"
	"|(?<money>" CURPRE "\\s?" NUM "(?:\\s?(?:" SCALE "|[MT](?![\\w])))?"
	"|" MONEY_DIGITS ")"
	"|(?<percent>" PERCENT_DIGITS ")"
	"|(?<quantity>" QUANTITY_DIGITS ")";

/*
 * main_pattern at a token that starts with a digit (three tries in four):
 * its alternatives that can start with one, in their order, with the same
 * groups, so the same match (libcheck patterns checks it on random
 * amounts); the JIT tries none of the others, which it would enter and
 * leave one by one (a day's name before a date, a month before a day).
 */
static const char digit_pattern[] =
	"(?<date>" DAY_MONTH "|" DATE_DIGITS ")"
	"|(?<time>" TIME_DIGITS ")(?!\\d)"
	"|(?<money>" MONEY_DIGITS ")"
	"|(?<percent>" PERCENT_DIGITS ")"
	"|(?<quantity>" QUANTITY_DIGITS ")";

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

/* The hour on a 24-hour clock of a time s[0..n) that may end in a.m. or p.m. (3 p.m. is 15, 12 a.m. is 0). */
static long
twelve_hour(const char *s, size_t n, long hour)
{
	while (n > 0 && s[n - 1] == '.')
		n--;
	if (n < 2 || (s[n - 1] != 'm' && s[n - 1] != 'M'))
		return hour;
	n--;
	if (s[n - 1] == '.')
		n--;
	if (n > 0 && (s[n - 1] == 'p' || s[n - 1] == 'P') && hour < 12)
		return hour + 12;
	if (n > 0 && (s[n - 1] == 'a' || s[n - 1] == 'A') && hour == 12)
		return 0;
	return hour;
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
	part[0] = twelve_hour(s, n, part[0]);
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

/* An ASCII upper-case letter in lower case, any other byte as it is. */
static unsigned char
fold(unsigned char c)
{
	return is_upper(c) ? c | 0x20 : c;
}

/* Does s[i..n) begin with the bytes of w? */
static int
starts_with(const char *s, size_t i, size_t n, const char *w)
{
	size_t k = strlen(w);

	return n - i >= k && memcmp(s + i, w, k) == 0;
}

/* Is there a digit at s[i..n) after at most `most` bytes of white space (the patterns' \s: ASCII)? */
static int
digit_after_space(const char *s, size_t i, size_t n, size_t most)
{
	for (size_t k = 0; k < most && i < n && (s[i] == ' ' || (s[i] >= '\t' && s[i] <= '\r')); k++)
		i++;
	return i < n && is_digit((unsigned char)s[i]);
}

/*
 * May a pattern start at token i?  Cheap test before the anchored match.  A
 * word must begin with the first three letters, in any case, of one that
 * starts a pattern: a day or month (DAYN, MONF, MONA, MONEN), a currency
 * (CURPRE; Rp, RM and S$ by two), tahun, pukul or jam (not The, More,
 * West: the English days' first two letters begin many words).  A new such
 * word in main_pattern goes here too.  "(" and "$" only before a number,
 * the other non-ASCII punctuation (curly quotes, dashes) never.
 */
static int
pattern_start(const char *s, size_t n, const struct token *tk)
{
	static const char *const prefixes[26] = {	/* by their first letter */
	    ['a' - 'a'] = "aha apr agu agt ags aug ",
	    ['d' - 'a'] = "des dec ",
	    ['f' - 'a'] = "fri feb ",
	    ['i' - 'a'] = "idr ",
	    ['j' - 'a'] = "jum jan jun jul jam ",
	    ['k' - 'a'] = "kam ",
	    ['m' - 'a'] = "min mon mar mei may ",
	    ['n' - 'a'] = "nov nop ",
	    ['o' - 'a'] = "okt oct ",
	    ['p' - 'a'] = "peb puk ",
	    ['r' - 'a'] = "rab rp rm ",
	    ['s' - 'a'] = "sen sel sab sat sun sep s$ ",
	    ['t' - 'a'] = "tue thu tah ",
	    ['u' - 'a'] = "usd us$ ",
	    ['w' - 'a'] = "wed "
	};
	unsigned char c = (unsigned char)s[tk->start], d, e;
	const char *p;

	if (is_digit(c))
		return 1;
	if (c == '(' || c == '$')	/* (4/8), $5: a digit after it, after any white space or one */
		return digit_after_space(s, tk->start + 1, n, c == '(' ? n : 1);
	if (c == 0xe2 || c == 0xc2)	/* of the quotes, dashes and signs only €, £ and ¥ start an amount */
		return starts_with(s, tk->start, n, "€") || starts_with(s, tk->start, n, "£") ||
		    starts_with(s, tk->start, n, "¥");
	if (!is_upper(c) && c != 'p' && c != 'j' && c != 't')
		return 0;
	if (tk->start + 2 >= n || (d = (unsigned char)s[tk->start + 1]) >= 0x80 ||
	    (e = (unsigned char)s[tk->start + 2]) >= 0x80)
		return 1;	/* not two ASCII bytes after it: let the pattern judge */
	if (!(p = prefixes[(c | 0x20) - 'a']))
		return 0;
	for (; *p; p += p[2] == ' ' ? 3 : 4)
		if (p[1] == fold(d) && (p[2] == ' ' || p[2] == fold(e)))
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

/*
 * Is s[a..b) the first number of a sports score (menang 2-1, skor 0-3): one
 * or two digits, a hyphen, then one or two digits that the patterns read as
 * a bare number (not 2-3 hari, 1-3 Maret)?  Returns where the score ends, or 0.
 */
static size_t
score_end(struct tagger *t, const char *s, size_t n, size_t a, size_t b)
{
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(t->md);
	size_t p = b + 1;
	int rc;

	if (b - a > 2 || !is_digit((unsigned char)s[b - 1]) || b + 1 >= n || s[b] != '-' ||
	    (a > 0 && (is_alnum((unsigned char)s[a - 1]) || s[a - 1] == '-' || s[a - 1] == '.' || s[a - 1] == ',')))
		return 0;
	while (p < n && p - b <= 3 && is_digit((unsigned char)s[p]))
		p++;
	if (p == b + 1 || p - b > 3 || (p < n && (is_alnum((unsigned char)s[p]) || s[p] == '-')))
		return 0;
	rc = pcre2_jit_match(t->at_digit, (PCRE2_SPTR)s, n, b + 1, PCRE2_NO_UTF_CHECK, t->md, t->mctx);
	/* the quantity group (after date, time, money, percent), of the digits alone */
	if (rc < 6 || ov[2 * 5] == PCRE2_UNSET || ov[1] != p)
		return 0;
	return p;
}

void
find_patterns(struct tagger *t, const char *s, size_t n)
{
	static const int types[] = { T_DATE, T_TIME, T_MONEY, T_PERCENT, T_QUANTITY };
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(t->md);
	size_t i, done = 0, digits_end = n;

	/* every pattern holds an ASCII digit: none starts past the sentence's last one */
#ifdef __SSE2__
	while (digits_end >= 16) {	/* 16 bytes at a time from the end */
		unsigned m = (unsigned)_mm_movemask_epi8(bytes_in(_mm_loadu_si128((const __m128i *)(s + digits_end - 16)),
		    '0', '9'));

		if (m) {
			digits_end -= (size_t)__builtin_clz(m) - 16;	/* past the last digit of the 16 */
			break;
		}
		digits_end -= 16;
	}
#endif
	while (digits_end > 0 && !is_digit((unsigned char)s[digits_end - 1]))
		digits_end--;
	for (i = 0; i < t->ntok && t->tok[i].start < digits_end; i++) {
		int rc, g, type = -1;
		struct cand *c;
		size_t a, b, score;

		if (t->tok[i].start < done || !pattern_start(s, n, &t->tok[i]))
			continue;
		rc = pcre2_jit_match(is_digit((unsigned char)s[t->tok[i].start]) ? t->at_digit : t->re, (PCRE2_SPTR)s, n,
		    t->tok[i].start, PCRE2_NO_UTF_CHECK, t->md, t->mctx);
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
		if (type == T_QUANTITY && (score = score_end(t, s, n, a, b))) {
			done = score;	/* a score is no amount, nor is its second number */
			continue;
		}
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

/* Is the dot at s[i] between a letter or digit and a letter (example.com, not "end. Next")? */
static int
inner_dot(const char *s, size_t n, size_t i)
{
	return i > 0 && i + 1 < n && is_alnum((unsigned char)s[i - 1]) &&
	    (is_upper((unsigned char)s[i + 1]) || (s[i + 1] >= 'a' && s[i + 1] <= 'z'));
}

/* Has the text an '@' or an inner dot?  Most sentences have neither: memchr finds that out fast. */
static int
web_like(const char *s, size_t n)
{
	const char *dot = s, *end = s + n;

	if (memchr(s, '@', n))
		return 1;
	while ((dot = memchr(dot, '.', (size_t)(end - dot)))) {
		if (inner_dot(s, n, (size_t)(dot - s)))
			return 1;
		dot++;
	}
	return 0;
}

/* E-mail addresses and URLs, looked for only in chunks of text with '@', "://", "www." or a dot between letters. */
void
find_web(struct tagger *t, const char *s, size_t n)
{
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(t->md);
	size_t i = 0, a, b, p;

	if (!web_like(s, n))
		return;
	while (i < n) {
		int hit = 0, rc;

		while (i < n && (s[i] == ' ' || s[i] == '\t'))
			i++;
		a = i;
		while (i < n && s[i] != ' ' && s[i] != '\t') {
			if (s[i] == '@' || (s[i] == '.' && i > a && inner_dot(s, n, i)))
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

void
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

/*
 * The patterns compiled once for all taggers (the threads of -j share them:
 * a compiled pattern is only read by a match) and kept to the end.
 */
static pcre2_code *main_re, *digit_re, *web_re;
static pthread_once_t patterns_once = PTHREAD_ONCE_INIT;

static void
compile_patterns(void)
{
	main_re = compile(main_pattern);
	digit_re = compile(digit_pattern);
	web_re = compile(web_pattern);
}

void
patterns_compile(struct tagger *t)
{
	pthread_once(&patterns_once, compile_patterns);
	t->re = main_re;
	t->at_digit = digit_re;
	t->web = web_re;
	t->md = pcre2_match_data_create(8, NULL);
	t->mctx = pcre2_match_context_create(NULL);
	pcre2_set_match_limit(t->mctx, 100000);
	pcre2_set_depth_limit(t->mctx, 1000);
}

void
patterns_free(struct tagger *t)
{
	pcre2_match_data_free(t->md);
	pcre2_match_context_free(t->mctx);
}
