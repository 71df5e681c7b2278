// Debian's libxml2 is built with ICU, so its encoding.h includes the system <unicode/ucnv.h>,
// whose UErrorCode clashes with Foundation's bundled ICU wherever both modules meet (a
// "different definitions in different modules" error in sanitizer builds of the tests). Yusuan
// never uses libxml2's ICU converters; the only difference is two trailing pointer fields of
// xmlCharEncodingHandler, a struct libxml2 allocates and Swift never touches.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>
