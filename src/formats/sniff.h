/*
 * sniff: what kind of file some bytes are, from their content alone, and
 * whether a file of that name and content may be attached as evidence
 * (service/attachments.h). Layer: formats. Nothing here is stored.
 *
 * Kinds that may be attached: PDF (%PDF-), PNG, JPEG, the three Office
 * kinds (a zip whose [Content_Types].xml names the main part of a
 * workbook, a document or a presentation, and that part is there), text
 * and CSV (valid UTF-8, a BOM allowed, no NUL byte; CSV when the name ends
 * .csv). Shift_JIS text is refused, not guessed at: a guess can garble a
 * compliance record, and Excel saves "CSV UTF-8" on request; the message
 * says so.
 *
 * Refused: executables (MZ, ELF, Mach-O, #!), markup a browser would run
 * (what WHATWG's sniffing reads as HTML, <?xml and <svg), zips that are
 * not one of the three Office kinds, and anything else. The name's
 * extension (case aside) must be the content's: an .exe renamed .pdf is
 * "not a PDF (its content is an executable)".
 *
 * A name is taken as given but for the kana marks macOS leaves apart
 * (sniff_name_compose()), which the service joins before it keeps it.
 *
 * Errors are coded (err_coded) for pages to say them in their words; the
 * values are the file's name, the extension, and the content's kind as a
 * token (sniff_kind_token(): "pdf", "exe", "markup"...), which pages
 * word under attachment.kind.TOKEN.
 */
#ifndef SHINSA_FORMATS_SNIFF_H
#define SHINSA_FORMATS_SNIFF_H

#include <stddef.h>

#include "lib/err.h"

enum sniff_kind {
	SNIFF_UNKNOWN = 0, /* no kind we know: refused */
	SNIFF_PDF,
	SNIFF_PNG,
	SNIFF_JPEG,
	SNIFF_XLSX,
	SNIFF_DOCX,
	SNIFF_PPTX,
	SNIFF_TXT,
	SNIFF_CSV,
	/* Known, and refused: */
	SNIFF_EXE,     /* MZ, ELF, Mach-O, #! */
	SNIFF_MARKUP,  /* HTML, XML, SVG */
	SNIFF_ZIP,     /* a zip that is no Office file */
	SNIFF_NOT_UTF8, /* text-like, but not UTF-8 (Shift_JIS, say) or with NUL bytes */
	SNIFF_NKINDS,
};

/* The longest file name kept, in bytes. */
#define SNIFF_NAME_MAX 255

/* The kind of data[0..len) by content alone; text is SNIFF_TXT here
 * (CSV is a name's business). Opening a zip is bounded: at most
 * SNIFF_ZIP_ENTRIES entries, a [Content_Types].xml of at most
 * SNIFF_CONTENT_TYPES_MAX bytes. */
#define SNIFF_ZIP_ENTRIES 20000
#define SNIFF_CONTENT_TYPES_MAX (1024 * 1024)
enum sniff_kind sniff_content(const void *data, size_t len);

/*
 * The kind of a file named name (the name as uploaded, no path) with
 * content data[0..len), when it may be attached; SNIFF_UNKNOWN with e set
 * otherwise. Codes (values in order):
 *   attachment_name      "the file name \"NAME\" ..." (empty, a path, too
 *                        long, not UTF-8, a control character)   {1} name
 *   attachment_empty     file "NAME" is empty                    {1}
 *   attachment_refused   file "NAME" cannot be attached (its content is
 *                        KIND): PDF, PNG, JPEG, Excel, Word, PowerPoint,
 *                        text or CSV only                        {1} {2}=token
 *   attachment_not_utf8  file "NAME" is not UTF-8 text: save it as UTF-8
 *                        (in Excel: CSV UTF-8)                   {1}
 *   attachment_mismatch  file "NAME" is not EXT (its content is KIND)
 *                                                        {1} {2}=ext token {3}=token
 *   attachment_extension file "NAME" must end in .EXT for its content
 *                                                        {1} {2}=".pdf"
 */
enum sniff_kind sniff_file(const char *name, const void *data, size_t len, struct err *e);

/*
 * name with the kana marks composed: a base kana followed by the
 * combining voiced or semi-voiced mark (U+3099, U+309A), as macOS writes
 * file names (か + ゛), becomes the one character NFC has (が); the
 * iteration marks ゝヽ too. That is the part of Unicode NFC a Japanese
 * file name meets; other decomposed letters (e + ◌́) are kept as they
 * came, the build having no normalisation tables. Yours to free.
 */
char *sniff_name_compose(const char *name);

/* "pdf", "png", "jpeg", "xlsx", "docx", "pptx", "txt", "csv", "exe",
 * "markup", "zip", "not_utf8", "unknown". */
const char *sniff_kind_token(enum sniff_kind k);
/* The MIME type a download says (text as text/plain; charset=utf-8);
 * "application/octet-stream" for the refused kinds. */
const char *sniff_kind_mime(enum sniff_kind k);
/* The kind of a token (sniff_kind_token()); SNIFF_UNKNOWN for others. */
enum sniff_kind sniff_kind_of_token(const char *token);
/* The type a submission document says of a file of kind k: the bare MIME
 * type, without parameters ("text/plain", "application/pdf"; one of
 * core/submission.h submission_attachment_types), or NULL for the refused
 * kinds. */
const char *sniff_kind_doc_type(enum sniff_kind k);
/* Back: the kind of such a type; SNIFF_UNKNOWN for any other string. */
enum sniff_kind sniff_kind_of_doc_type(const char *type);

#endif
