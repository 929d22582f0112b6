/* Plain numbers, months, time zones and currencies for the entity tagger's VALUE field. */
#include <strings.h>

#include "buf.h"
#include "normalize.h"

struct word {
	const char *name;
	int value;
};

static int
lookup(const struct word *w, const char *s, size_t n)
{
	for (; w->name; w++)
		if (strlen(w->name) == n && strncasecmp(w->name, s, n) == 0)
			return w->value;
	return -1;
}

static const struct word scales[] = {
	{ "ribu", 3 }, { "rb", 3 }, { "juta", 6 }, { "jt", 6 }, { "miliar", 9 }, { "milyar", 9 },
	{ "triliun", 12 }, { "trilyun", 12 }, { "thousand", 3 }, { "million", 6 }, { "billion", 9 },
	{ "trillion", 12 }, { "k", 3 }, { NULL, 0 }
};

int
scale_exponent(const char *s, size_t n, int money)
{
	int e;

	if (money && n == 1 && s[0] == 'M')
		return 9;
	if (money && n == 1 && s[0] == 'T')
		return 12;
	if ((e = lookup(scales, s, n)) >= 0)
		return e;
	if (n > 2 && strncasecmp(s + n - 2, "an", 2) == 0)	/* jutaan: some millions */
		return lookup(scales, s, n - 2);
	return -1;
}

static const struct word months[] = {
	{ "januari", 1 }, { "january", 1 }, { "jan", 1 },
	{ "februari", 2 }, { "pebruari", 2 }, { "february", 2 }, { "feb", 2 }, { "peb", 2 },
	{ "maret", 3 }, { "march", 3 }, { "mar", 3 },
	{ "april", 4 }, { "apr", 4 },
	{ "mei", 5 }, { "may", 5 },
	{ "juni", 6 }, { "june", 6 }, { "jun", 6 },
	{ "juli", 7 }, { "july", 7 }, { "jul", 7 },
	{ "agustus", 8 }, { "august", 8 }, { "agu", 8 }, { "agt", 8 }, { "aug", 8 }, { "ags", 8 },
	{ "september", 9 }, { "sep", 9 }, { "sept", 9 },
	{ "oktober", 10 }, { "october", 10 }, { "okt", 10 }, { "oct", 10 },
	{ "november", 11 }, { "nopember", 11 }, { "nov", 11 }, { "nop", 11 },
	{ "desember", 12 }, { "december", 12 }, { "des", 12 }, { "dec", 12 },
	{ NULL, 0 }
};

int
month_number(const char *s, size_t n)
{
	int m;

	if (n && s[n - 1] == '.')
		n--;
	m = lookup(months, s, n);
	return m < 0 ? 0 : m;
}

const char *
zone_offset(const char *s, size_t n)
{
	if (n == 3 && strncasecmp(s, "WIB", 3) == 0)
		return "+07:00";
	if (n == 4 && strncasecmp(s, "WITA", 4) == 0)
		return "+08:00";
	if (n == 3 && strncasecmp(s, "WIT", 3) == 0)
		return "+09:00";
	return NULL;
}

static const struct {
	const char *name, *code;
} currencies[] = {
	{ "Rp", "IDR" }, { "Rp.", "IDR" }, { "IDR", "IDR" }, { "rupiah", "IDR" },
	{ "US$", "USD" }, { "USD", "USD" }, { "$", "USD" }, { "dolar", "USD" }, { "dollar", "USD" },
	{ "dolar AS", "USD" }, { "dollar AS", "USD" }, { "dolar Amerika", "USD" },
	{ "S$", "SGD" }, { "SGD", "SGD" }, { "dolar Singapura", "SGD" },
	{ "€", "EUR" }, { "EUR", "EUR" }, { "euro", "EUR" },
	{ "£", "GBP" }, { "GBP", "GBP" }, { "poundsterling", "GBP" },
	{ "¥", "JPY" }, { "JPY", "JPY" }, { "yen", "JPY" },
	{ "RM", "MYR" }, { "MYR", "MYR" }, { "ringgit", "MYR" },
	{ "yuan", "CNY" }, { "CNY", "CNY" }, { "RMB", "CNY" },
	{ "riyal", "SAR" }, { "SAR", "SAR" },
	{ NULL, NULL }
};

const char *
currency_code(const char *s, size_t n)
{
	size_t i;

	for (i = 0; currencies[i].name; i++)
		if (strlen(currencies[i].name) == n && strncasecmp(currencies[i].name, s, n) == 0)
			return currencies[i].code;
	return NULL;
}

/* Which separator, if any, is the decimal point of s[0..n). */
static char
decimal_separator(const char *s, size_t n)
{
	size_t i, ndot = 0, ncomma = 0, group = 0, first = 0;
	char last = 0;
	int threes = 1;

	for (i = 0; i < n; i++) {
		if (s[i] == '.' || s[i] == ',') {
			if (!last && !ndot && !ncomma)
				first = group;
			else if (group != 3)
				threes = 0;
			if (s[i] == '.')
				ndot++;
			else
				ncomma++;
			last = s[i];
			group = 0;
		} else
			group++;
	}
	if (last && group != 3)
		threes = 0;
	if (!last)
		return 0;
	if (ndot && ncomma)
		return last;
	if (ncomma == 1 && !ndot)
		return ',';	/* Indonesian: 1,5 and even 1,500 are one and a half */
	if (threes && first >= 1 && first <= 3)
		return 0;	/* 30.505, 1.000.000, 1,000,000 */
	return ndot == 1 ? '.' : ncomma == 1 ? ',' : 0;
}

/* Append the integer digit d, unless it is a leading zero. */
static void
int_digit(struct buf *out, size_t *ndig, char d)
{
	if (*ndig || d != '0') {
		buf_addc(out, d);
		(*ndig)++;
	}
}

int
number_value(const char *s, size_t n, int exp, struct buf *out)
{
	char dec = decimal_separator(s, n);
	size_t i, point = n, ndig = 0, last = 0, moved = 0, shift = exp > 0 ? (size_t)exp : 0;
	int seen = 0;

	for (i = 0; i < n; i++) {
		if (s[i] >= '0' && s[i] <= '9') {
			seen = 1;
			if (i < point)
				int_digit(out, &ndig, s[i]);
		} else if (s[i] == dec && point == n)
			point = i;
	}
	if (!seen)
		return 0;
	/* The first `shift` digits of the fraction join the integer part, zeros if it has fewer. */
	for (i = point; i < n; i++)
		if (s[i] >= '0' && s[i] <= '9') {
			if (moved < shift) {
				int_digit(out, &ndig, s[i]);
				moved++;
			} else if (s[i] != '0')
				last = i + 1;
		}
	for (; moved < shift; moved++)
		int_digit(out, &ndig, '0');
	if (!ndig)
		buf_addc(out, '0');
	if (last) {
		buf_addc(out, '.');
		for (i = point, moved = 0; i < last; i++)
			if (s[i] >= '0' && s[i] <= '9' && moved++ >= shift)
				buf_addc(out, s[i]);
	}
	return 1;
}
