/* Which form a document is in: text, HTML or WARC, from its first bytes. */
#include <string.h>
#include <strings.h>

#include "form.h"

static int
starts(const char *s, size_t n, const char *prefix)
{
	size_t len = strlen(prefix);

	return n >= len && strncasecmp(s, prefix, len) == 0;
}

static int
is_warc(const char *s, size_t n)
{
	if (n < 8 || (memcmp(s, "WARC/1.0", 8) != 0 && memcmp(s, "WARC/1.1", 8) != 0))
		return 0;
	return n == 8 || s[8] == '\n' || (s[8] == '\r' && (n == 9 || s[9] == '\n'));
}

static int
html_name(const char *name)
{
	size_t len = strlen(name);

	if (len > 3 && strcasecmp(name + len - 3, ".gz") == 0)
		len -= 3;
	return (len > 5 && strncasecmp(name + len - 5, ".html", 5) == 0) ||
	    (len > 4 && strncasecmp(name + len - 4, ".htm", 4) == 0);
}

/* Markup first, after white space and comments: a doctype, <?xml, or an element's name. */
static int
html_start(const char *s, size_t n)
{
	size_t i = 0;

	for (;;) {
		while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n' || s[i] == '\f'))
			i++;
		if (!starts(s + i, n - i, "<!--"))
			break;
		const char *end = memmem(s + i + 4, n - i - 4, "-->", 3);

		if (!end)	/* a comment longer than what was seen: markup */
			return 1;
		i = (size_t)(end - s) + 3;
	}
	if (n - i < 2 || s[i] != '<')
		return 0;
	char c = s[i + 1];

	return starts(s + i, n - i, "<!doctype") || starts(s + i, n - i, "<?xml") ||
	    (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

enum form
form_detect(const char *s, size_t n, const char *name)
{
	if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
		s += 3;
		n -= 3;
	}
	if (is_warc(s, n))
		return FORM_WARC;
	if ((name && html_name(name)) || html_start(s, n))
		return FORM_HTML;
	return FORM_TEXT;
}
