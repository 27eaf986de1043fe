#ifndef JIXIAO_CLIBXML_SHIM_H
#define JIXIAO_CLIBXML_SHIM_H

// Debian's libxml2 is built with ICU, so <libxml/encoding.h> pulls in the system's
// <unicode/ucnv.h>, whose enums clash with the ICU copy inside Swift's Foundation.
// libxml2 only needs the UConverter type by pointer, so declare it and skip the header.
#define UCNV_H
typedef struct UConverter UConverter;
typedef unsigned short UChar;

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlsave.h>
#include <libxml/xpath.h>
#include <libxml/HTMLparser.h>
#include <libxslt/xslt.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/transform.h>
#include <libxslt/xsltutils.h>
#include <libxslt/security.h>
#include <libxslt/variables.h>
#include <libexslt/exslt.h>

#endif
