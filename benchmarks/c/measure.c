/* Runs one command and reports its wall time and peak RSS.
 *
 *   measure REPORT COMMAND [ARG...]
 *
 * Writes "<exit status> <wall seconds> <peak RSS KB>" to the file REPORT; the command's stdin,
 * stdout and stderr are inherited. Exists because Linux keeps a process's pre-exec high-water
 * RSS across exec: a child forked from the Python harness would report the harness's own RSS
 * as its floor. Forked from this small process, ru_maxrss is the command's own. */
#define _GNU_SOURCE
#include <stdio.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: measure REPORT COMMAND [ARG...]\n");
    return 2;
  }
  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  pid_t pid = fork();
  if (pid < 0) {
    perror("measure: fork");
    return 2;
  }
  if (pid == 0) {
    execvp(argv[2], argv + 2);
    perror("measure: exec");
    _exit(127);
  }
  int status = 0;
  struct rusage ru;
  if (wait4(pid, &status, 0, &ru) < 0) {
    perror("measure: wait4");
    return 2;
  }
  clock_gettime(CLOCK_MONOTONIC, &t1);
  double wall = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
  int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  FILE *f = fopen(argv[1], "w");
  if (!f) {
    perror("measure: report");
    return 2;
  }
  fprintf(f, "%d %.6f %ld\n", code, wall, ru.ru_maxrss);
  fclose(f);
  return 0;
}
