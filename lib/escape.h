/*
 * The contract's escaping of text fields: exactly four characters,
 * backslash as \\, TAB as \t, LF as \n, CR as \r.
 */
#ifndef ESCAPE_H
#define ESCAPE_H

#include <stddef.h>

struct buf;

extern const unsigned char escape_needed[256];

/* The first byte of s[0..n) that needs an escape, or s + n. */
const char *escape_span(const char *s, size_t n);

static inline char
escape_letter(char c)
{
	return c == '\t' ? 't' : c == '\n' ? 'n' : c == '\r' ? 'r' : '\\';
}

void escape_into(struct buf *out, const char *s, size_t n);
/* Undo the escapes in place; returns the new length.  An unknown escape is kept as written. */
size_t unescape(char *s, size_t n);

#endif
