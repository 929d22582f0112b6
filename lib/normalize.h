/*
 * Normalised values of numbers, amounts, dates and times as the entity
 * tagger writes them: Indonesian conventions in, plain numbers and
 * ISO 8601 out.
 */
#ifndef NORMALIZE_H
#define NORMALIZE_H

#include <stddef.h>

struct buf;

/*
 * The number s[0..n) (digits with `.` and `,` as Indonesian or English
 * separators: 30.505 is 30505, 1,5 is 1.5, 1,500,000 is 1500000) times
 * 10^exp, appended to out as a plain decimal; 0 if s holds no digit.
 */
int number_value(const char *s, size_t n, int exp, struct buf *out);
/*
 * Power of ten of a scale word (ribu 3, juta 6, miliar 9, triliun 12, rb, jt,
 * English words; with `-an`), or -1.  M and T (miliar, triliun) only when
 * money is nonzero: after a number alone, 3M is a name or a unit.
 */
int scale_exponent(const char *s, size_t n, int money);
/* Month 1-12 of an Indonesian or English month name or abbreviation, any case; 0 if none. */
int month_number(const char *s, size_t n);
/* UTC offset of an Indonesian time zone (WIB +07:00, WITA +08:00, WIT +09:00), or NULL. */
const char *zone_offset(const char *s, size_t n);
/* ISO 8601 currency code of a currency sign or word (Rp, rupiah, US$, dolar, ...), or NULL. */
const char *currency_code(const char *s, size_t n);

#endif
