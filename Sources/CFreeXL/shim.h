#include <freexl.h>
#ifdef __linux__
#include <sys/syscall.h>
#include <unistd.h>
/* An anonymous in-memory file (memfd_create, close-on-exec): FreeXL opens only paths, and
   /proc/self/fd/N lets it read bytes held in memory without a file on disk. -1 when unavailable. */
static inline int yusuan_memfd(const char *name) {
#ifdef SYS_memfd_create
  return (int)syscall(SYS_memfd_create, name, 1u);
#else
  (void)name;
  return -1;
#endif
}
#else
static inline int yusuan_memfd(const char *name) { (void)name; return -1; }
#endif
