#include "core/org.h"

#include <stdlib.h>
#include <string.h>

#include "lib/text.h"
#include "lib/xalloc.h"

struct org *org_new(void)
{
	return xcalloc(1, sizeof(struct org));
}

void org_free(struct org *org)
{
	if (!org)
		return;
	free(org->name);
	free(org->reg_no);
	free(org->public_key);
	free(org->created_at);
	free(org->received_at);
	free(org);
}

const char *org_kind_name(enum org_kind kind)
{
	return kind == ORG_CONNECTOR ? "connector" : kind == ORG_BANK ? "bank" : NULL;
}

enum org_kind org_kind_parse(const char *s)
{
	if (s && strcmp(s, "connector") == 0)
		return ORG_CONNECTOR;
	if (s && strcmp(s, "bank") == 0)
		return ORG_BANK;
	return 0;
}

/* what: how the message names the text ("organisation name"). */
static int text_check(const char *what, const char *text, struct err *e)
{
	if (text_is_blank(text)) {
		err_set(e, "%s is empty", what);
		return -1;
	}
	size_t chars = 0;
	for (const char *p = text; *p;) {
		uint32_t cp = text_utf8_next(&p);
		if (cp < 0x20 || cp == 0x7F || cp == 0xFFFD) {
			err_set(e, "%s contains a control character or invalid UTF-8", what);
			return -1;
		}
		chars++;
	}
	if (chars > 100) {
		err_too_long(e, what, 100);
		return -1;
	}
	return 0;
}

int org_name_check(const char *name, struct err *e)
{
	return text_check("organisation name", name, e);
}

int org_reg_no_check(const char *reg_no, struct err *e)
{
	return text_check("registration number", reg_no, e);
}
