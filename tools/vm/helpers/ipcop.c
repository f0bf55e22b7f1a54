// SPDX-License-Identifier: GPL-2.0-only
/*
 * ipcop - signal and ptrace operations between tasks, for the Rampart VM
 * ptrace and signal mediation tests.
 *
 *   ipcop hold           ignore every signal that can be ignored and wait
 *                        forever (a target that survives what it is sent)
 *   ipcop kill PID SIG   kill(2)
 *   ipcop queue PID SIG  sigqueue(3) (rt_sigqueueinfo)
 *   ipcop tkill PID SIG  tgkill(2) to the thread PID of process PID
 *   ipcop read PID       open /proc/PID/environ and read it (ptrace read)
 *   ipcop mem PID        open /proc/PID/mem read-only (ptrace attach)
 *   ipcop attach PID     PTRACE_ATTACH, wait for the stop, PTRACE_DETACH
 *   ipcop traceme NAME   fork; the child changes to profile NAME ("-": it
 *                        stays) by writing "changeprofile NAME" to
 *                        /proc/self/attr/current, then asks
 *                        PTRACE_TRACEME (its parent becomes its tracer)
 *   ipcop tracedexec NAME PROG [ARG...]
 *                        fork; the child writes "exec NAME" to
 *                        /proc/self/attr/exec, asks PTRACE_TRACEME and
 *                        execs PROG (prints "exec ERRNO-NAME" if that
 *                        fails); the parent, its tracer, lets it run
 *   ipcop tracedchange current|exec|hat NAME
 *                        fork; the child asks PTRACE_TRACEME, then
 *                        writes "changeprofile NAME" to attr/current,
 *                        "exec NAME" to attr/exec, or (hat) "changehat
 *                        1^NAME" to attr/current (prints "current ok",
 *                        "exec EACCES", "hat ok", ...)
 *
 * SIG is a number (0 = the existence probe). One line goes to stdout:
 * "OP ok", or "OP ERRNO-NAME" when the call failed; exit status 0 or 1,
 * 2 on a usage error.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/wait.h>

static int report(const char *op, int rc)
{
	const char *name;

	if (rc >= 0) {
		printf("%s ok\n", op);
		return 0;
	}
	name = strerrorname_np(errno);
	printf("%s %s\n", op, name ? name : "E?");
	return 1;
}

static int hold(void)
{
	int sig;

	for (sig = 1; sig < NSIG; sig++)
		signal(sig, SIG_IGN);
	for (;;)
		pause();
	return 0;
}

static int attach(pid_t pid)
{
	int status;

	if (ptrace(PTRACE_ATTACH, pid, NULL, NULL) < 0)
		return report("attach", -1);
	if (waitpid(pid, &status, __WALL) < 0)
		return report("attach", -1);
	if (ptrace(PTRACE_DETACH, pid, NULL, NULL) < 0)
		return report("attach", -1);
	return report("attach", 0);
}

static int open_proc(const char *op, pid_t pid, const char *file)
{
	char path[64], buf[256];
	int fd;

	snprintf(path, sizeof(path), "/proc/%d/%s", (int)pid, file);
	fd = open(path, O_RDONLY);
	if (fd < 0)
		return report(op, -1);
	if (!strcmp(file, "environ") && read(fd, buf, sizeof(buf)) < 0) {
		close(fd);
		return report(op, -1);
	}
	close(fd);
	return report(op, 0);
}

static int traceme(const char *profile)
{
	char cmd[256];
	pid_t child;
	int status, fd, n;

	fflush(stdout);
	child = fork();
	if (child < 0)
		return report("traceme", -1);
	if (child == 0) {
		if (strcmp(profile, "-")) {
			n = snprintf(cmd, sizeof(cmd), "changeprofile %s",
				     profile);
			fd = open("/proc/self/attr/current", O_WRONLY);
			if (fd < 0 || write(fd, cmd, n) != n)
				_exit(report("changeprofile", -1));
			close(fd);
		}
		_exit(report("traceme", ptrace(PTRACE_TRACEME, 0, NULL,
						  NULL) < 0 ? -1 : 0));
	}
	if (waitpid(child, &status, 0) < 0)
		return report("wait", -1);
	return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}

static int tracedexec(const char *profile, char **argv)
{
	char cmd[256];
	pid_t child;
	int status, fd, n;

	fflush(stdout);
	child = fork();
	if (child < 0)
		return report("tracedexec", -1);
	if (child == 0) {
		n = snprintf(cmd, sizeof(cmd), "exec %s", profile);
		fd = open("/proc/self/attr/exec", O_WRONLY);
		if (fd < 0 || write(fd, cmd, n) != n)
			_exit(report("onexec", -1));
		close(fd);
		if (ptrace(PTRACE_TRACEME, 0, NULL, NULL) < 0)
			_exit(report("traceme", -1));
		execv(argv[0], argv);
		_exit(report("exec", -1));
	}
	for (;;) {
		if (waitpid(child, &status, __WALL) < 0)
			return report("wait", -1);
		if (WIFEXITED(status))
			return WEXITSTATUS(status);
		if (WIFSIGNALED(status))
			return 128 + WTERMSIG(status);
		/* the exec's SIGTRAP is swallowed, other signals passed on */
		n = WSTOPSIG(status) == SIGTRAP ? 0 : WSTOPSIG(status);
		ptrace(PTRACE_CONT, child, NULL, (void *)(long)n);
	}
}

static int tracedchange(const char *attr, const char *profile)
{
	char cmd[256], path[64];
	pid_t child;
	int status, fd, n;

	fflush(stdout);
	child = fork();
	if (child < 0)
		return report("tracedchange", -1);
	if (child == 0) {
		if (ptrace(PTRACE_TRACEME, 0, NULL, NULL) < 0)
			_exit(report("traceme", -1));
		if (!strcmp(attr, "hat"))
			n = snprintf(cmd, sizeof(cmd), "changehat 1^%s",
				     profile);
		else
			n = snprintf(cmd, sizeof(cmd), "%s %s",
				     strcmp(attr, "exec") ? "changeprofile" :
				     "exec", profile);
		snprintf(path, sizeof(path), "/proc/self/attr/%s",
			 strcmp(attr, "hat") ? attr : "current");
		fd = open(path, O_WRONLY);
		if (fd < 0 || write(fd, cmd, n) != n)
			_exit(report(attr, -1));
		_exit(report(attr, 0));
	}
	if (waitpid(child, &status, __WALL) < 0)
		return report("wait", -1);
	return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}

static int usage(void)
{
	fprintf(stderr, "usage: ipcop hold | kill|queue|tkill PID SIG | read|mem|attach PID |\n"
		"       traceme NAME | tracedexec NAME PROG [ARG...] |\n"
		"       tracedchange current|exec NAME\n");
	return 2;
}

int main(int argc, char **argv)
{
	const char *op = argc > 1 ? argv[1] : "";
	pid_t pid = argc > 2 ? (pid_t)atoi(argv[2]) : 0;
	int sig = argc > 3 ? atoi(argv[3]) : 0;
	union sigval val = { .sival_int = 0 };

	setvbuf(stdout, NULL, _IOLBF, 0);
	if (!strcmp(op, "hold") && argc == 2)
		return hold();
	if (!strcmp(op, "traceme") && argc == 3)
		return traceme(argv[2]);
	if (!strcmp(op, "tracedchange") && argc == 4)
		return tracedchange(argv[2], argv[3]);
	if (!strcmp(op, "tracedexec") && argc >= 4)
		return tracedexec(argv[2], argv + 3);
	if (argc == 4) {
		if (!strcmp(op, "kill"))
			return report(op, kill(pid, sig));
		if (!strcmp(op, "queue"))
			return report(op, sigqueue(pid, sig, val));
		if (!strcmp(op, "tkill"))
			return report(op, syscall(SYS_tgkill, pid, pid, sig));
	}
	if (argc == 3) {
		if (!strcmp(op, "read"))
			return open_proc(op, pid, "environ");
		if (!strcmp(op, "mem"))
			return open_proc(op, pid, "mem");
		if (!strcmp(op, "attach"))
			return attach(pid);
	}
	return usage();
}
