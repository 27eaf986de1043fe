#include "CSupport.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libxml/xmlerror.h>
#include <libxslt/xsltutils.h>
#include <libxslt/transform.h>
#include <libxslt/documents.h>
#include <libxml/xmlstring.h>

static void jx_append(void *context, const char *format, ...) {
    jx_messages *messages = context;
    if (messages == NULL) return;
    va_list arguments;
    va_start(arguments, format);
    char piece[2048];
    int written = vsnprintf(piece, sizeof piece, format, arguments);
    va_end(arguments);
    if (written < 0) return;
    size_t length = (size_t)written < sizeof piece ? (size_t)written : sizeof piece - 1;
    // Bounded: a runaway template cannot make the buffer grow without limit.
    if (messages->length + length + 1 > 1 << 20) return;
    if (messages->length + length + 1 > messages->capacity) {
        size_t capacity = (messages->capacity + length + 1) * 2;
        char *grown = realloc(messages->text, capacity);
        if (grown == NULL) return;
        messages->text = grown;
        messages->capacity = capacity;
    }
    memcpy(messages->text + messages->length, piece, length);
    messages->length += length;
    messages->text[messages->length] = '\0';
}

void jx_messages_clear(jx_messages *messages) {
    free(messages->text);
    messages->text = NULL;
    messages->length = 0;
    messages->capacity = 0;
}

void jx_capture_transform_messages(void *transform_context, jx_messages *messages) {
    xsltSetTransformErrorFunc((xsltTransformContextPtr)transform_context, messages, jx_append);
}

void jx_capture_generic_messages(jx_messages *messages) {
    if (messages == NULL) {
        xsltSetGenericErrorFunc(NULL, NULL);
        xmlSetGenericErrorFunc(NULL, NULL);
    } else {
        xsltSetGenericErrorFunc(messages, jx_append);
        xmlSetGenericErrorFunc(messages, jx_append);
    }
}

// libxslt's own loader, kept to call for the documents that may be read.
static xsltDocLoaderFunc jx_default_loader = NULL;

// Every document a stylesheet brings in (xsl:include, xsl:import, document()) is parsed
// without network access, and only from a local path or a file: URL.
static xmlDocPtr jx_local_loader(const xmlChar *uri, xmlDictPtr dict, int options, void *context, xsltLoadType type) {
    if (uri != NULL && xmlStrstr(uri, (const xmlChar *)":/") != NULL
        && xmlStrncasecmp(uri, (const xmlChar *)"file:", 5) != 0) {
        xsltGenericError(xsltGenericErrorContext, "jixiao: refused to load %s: templates may only read local files\n", uri);
        return NULL;
    }
    return jx_default_loader(uri, dict, options | XML_PARSE_NONET, context, type);
}

void jx_install_local_loader(void) {
    if (jx_default_loader == NULL) jx_default_loader = xsltDocDefaultLoader;
    xsltSetLoaderFunc(jx_local_loader);
}

void jx_free(void *pointer) {
    xmlFree(pointer);
}
