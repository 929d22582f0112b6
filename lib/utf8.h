/* UTF-8 checking and repair: invalid sequences become U+FFFD. */
#ifndef UTF8_H
#define UTF8_H

#include <stddef.h>

struct buf;

/* 1 if s[0..n) is valid UTF-8 (NUL bytes included). */
int utf8_valid(const char *s, size_t n);
/* The length of the longest prefix of s[0..n) that is valid UTF-8 (a character cut at n is not). */
size_t utf8_valid_prefix(const char *s, size_t n);
/* Append s to out with each invalid sequence replaced by U+FFFD; returns how many were replaced. */
size_t utf8_repair(struct buf *out, const char *s, size_t n);
/* The length of s[0..n) cut to at most max bytes without splitting a character (for messages). */
size_t utf8_cut(const char *s, size_t n, size_t max);

#endif
