// libxml2 (Debian libxml2-dev): the push parser with SAX2 callbacks reads an XLSX sheet's XML
// as ZIPFoundation inflates it, one chunk at a time, so a sheet is never held whole; the text
// writer writes report.docx's parts.
// Include paths come from pkg-config (libxml-2.0).
#include <libxml/xmlversion.h>
// Debian builds libxml2 with ICU, whose headers then clash with Foundation's own copy of ICU
// (`UErrorCode has different definitions`). ICU only adds a member to the encoding handler,
// which is reached through pointers and never read here, so its headers are left out.
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlwriter.h>
#include <libxml/entities.h>

// `xmlFree` is a global function pointer, which Swift 6 will not read from concurrent code.
static inline void survey_xml_free(void *memory) { xmlFree(memory); }
