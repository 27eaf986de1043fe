#ifndef JIXIAO_CSUPPORT_H
#define JIXIAO_CSUPPORT_H

#include <stddef.h>

// libxml2 and libxslt report errors through printf-style variadic callbacks, which Swift
// cannot implement. These few lines collect such messages into a buffer Swift can read.

typedef struct jx_messages {
    char *text;
    size_t length;
    size_t capacity;
} jx_messages;

void jx_messages_clear(jx_messages *messages);

/// Routes the messages of one transform context (xsl:message, runtime errors) into `messages`.
void jx_capture_transform_messages(void *transform_context, jx_messages *messages);

/// Routes the calling thread's generic libxml2/libxslt error output into `messages`
/// (stylesheet compilation); pass NULL to restore the default.
void jx_capture_generic_messages(jx_messages *messages);

/// Makes libxslt load the documents a stylesheet includes, imports or reads with document()
/// from local files only, parsed without network access. Call once, before compiling.
void jx_install_local_loader(void);

/// xmlFree, which libxml2 exports as a global function pointer that Swift 6 will not read
/// from several threads.
void jx_free(void *pointer);

/// Atomically swaps two existing paths (Linux renameat2 with RENAME_EXCHANGE), so a reader
/// sees either the old or the new output directory, never neither. Returns 0 or an errno.
int jx_exchange_paths(const char *first, const char *second);

/// syncfs(2): flushes the file system holding an open file. 0 or an errno value.
int jx_sync_file_system(int descriptor);

#endif
