#include "CSupport.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libxml/xmlerror.h>
#include <libxslt/xsltutils.h>
#include <libxslt/transform.h>

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
