// Debian builds libxml2 with ICU, and its encoding.h then includes the system ICU headers, whose
// types clash with Foundation's own copy of ICU in any module that sees both ("'UErrorCode' has
// different definitions"). Yusuan never touches libxml2's ICU converters (the only fields that
// change are at the end of xmlCharEncodingHandler, used through pointers only), so hide them.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>
