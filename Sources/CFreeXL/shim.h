#include <freexl.h>
#include <pthread.h>
#include <setjmp.h>
#include <signal.h>
#include <stddef.h>
#ifdef __linux__
#include <sys/syscall.h>
#include <unistd.h>
#endif

/* An anonymous in-memory file (memfd_create, close-on-exec): FreeXL opens only paths, and
   /proc/self/fd/N lets it read bytes held in memory without a file on disk. -1 when unavailable. */
static inline int yusuan_memfd(const char *name) {
#if defined(__linux__) && defined(SYS_memfd_create)
  return (int)syscall(SYS_memfd_create, name, 1u);
#else
  (void)name;
  return -1;
#endif
}

/* FreeXL 1.0.6 reads past the end of its buffers on some damaged workbooks (found by fuzzing:
   a FORMAT record whose length runs past its data). freexl_open_guarded runs freexl_open with
   SIGSEGV/SIGBUS handlers that jump back here, on this thread only, and returns
   YUSUAN_FREEXL_FAULT instead of letting the process die. The handlers are installed once; a
   fault on another thread, or outside the call, goes to the handler that was installed before. What FreeXL allocated before the
   fault is given back when it had already handed out its handle, else it is lost. */
#define YUSUAN_FREEXL_FAULT (-1000)

/* State as function-local statics: a system-library module has only this header, and Swift
   emits the bodies of its inline functions, not its global variables. */
static inline sigjmp_buf **yusuan_freexl_jump_slot(void) {
  static _Thread_local sigjmp_buf *jump;
  return &jump;
}
static inline struct sigaction *yusuan_freexl_previous(int signal_number) {
  static struct sigaction segv, bus;
  return signal_number == SIGSEGV ? &segv : &bus;
}

static inline void yusuan_freexl_fault(int signal_number, siginfo_t *info, void *context) {
  sigjmp_buf *jump = *yusuan_freexl_jump_slot();
  if (jump != NULL) siglongjmp(*jump, 1);
  struct sigaction *previous = yusuan_freexl_previous(signal_number);
  if (previous->sa_flags & SA_SIGINFO) {
    if (previous->sa_sigaction != NULL) { previous->sa_sigaction(signal_number, info, context); return; }
  } else if (previous->sa_handler != SIG_DFL && previous->sa_handler != SIG_IGN) {
    previous->sa_handler(signal_number);
    return;
  }
  /* Default action: restore it and return, so that the faulting instruction faults again. */
  sigaction(signal_number, previous, NULL);
}

static inline void yusuan_freexl_install(void) {
  struct sigaction action;
  action.sa_sigaction = yusuan_freexl_fault;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_SIGINFO | SA_NODEFER | SA_ONSTACK;
  sigaction(SIGSEGV, &action, yusuan_freexl_previous(SIGSEGV));
  sigaction(SIGBUS, &action, yusuan_freexl_previous(SIGBUS));
}

static inline int yusuan_freexl_open_guarded(const char *path, const void **handle) {
  static pthread_once_t installed = PTHREAD_ONCE_INIT;
  pthread_once(&installed, yusuan_freexl_install);
  sigjmp_buf here;
  int code;
  *handle = NULL;
  if (sigsetjmp(here, 1) == 0) {
    *yusuan_freexl_jump_slot() = &here;
    code = freexl_open(path, handle);
  } else {
    code = YUSUAN_FREEXL_FAULT;
  }
  *yusuan_freexl_jump_slot() = NULL;
  return code;
}
