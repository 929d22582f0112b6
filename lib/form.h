/*
 * The form of a document, found by its content (and, for HTML, its name):
 * plain text, an HTML page or a WARC stream of many documents.
 */
#ifndef FORM_H
#define FORM_H

#include <stddef.h>

enum form { FORM_TEXT, FORM_HTML, FORM_WARC };

/* How many first bytes form_detect() wants to see (fewer when the input is shorter). */
#define FORM_SNIFF 1024

/*
 * The form of the document that starts with s[0..n) (its first FORM_SNIFF
 * bytes or all of it), named `name` (NULL if none): WARC when it starts
 * with a WARC/1.0 or WARC/1.1 line; HTML when the name ends in .html or
 * .htm (then maybe .gz), or when, after a byte-order mark, white space and
 * comments, it starts with a doctype, an element or an XML declaration;
 * else text.
 */
enum form form_detect(const char *s, size_t n, const char *name);

#endif
