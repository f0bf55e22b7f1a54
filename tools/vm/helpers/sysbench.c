// SPDX-License-Identifier: GPL-2.0-only
/*
 * sysbench - file-mediation microbenchmarks for make bench-syscalls.
 *
 *   sysbench run [-n N] [-x X] [-r R] [-l LABEL] [-e EXE] [-v] FILE
 *       R rounds (default 11); each round times, in turn:
 *         open   N x open(FILE, O_RDONLY) + close
 *         stat   N x stat(FILE)
 *         read   N x pread(fd, 16 bytes, 0) on one descriptor of FILE
 *                (the per-read revalidation hook)
 *         exec   X x vfork + execve(EXE) + waitpid; EXE (default
 *                /usr/local/bin/sysbench-nop) should exit at once
 *         signal N x kill(getpid(), 0) (the signal check, both ends)
 *         socket N x socket(AF_INET, SOCK_DGRAM) + close
 *         unix   N x send + recv of 16 bytes on a unix datagram
 *                socketpair (the sendmsg/recvmsg checks)
 *       N defaults to 20000, X to 200. Before timing it prints its label
 *       (/proc/self/attr/current) as "SYSBENCH label=..." and, with -l,
 *       fails unless its own label and that of an exec'd child (this
 *       program, /proc/self/exe, in "label" mode) are LABEL.
 *       Then one line per benchmark, nanoseconds per call (CLOCK_MONOTONIC):
 *         SYSBENCH open iters=N rounds=R min=F median=F max=F
 *       -v also prints each round: "SYSBENCH-ROUND open R F".
 *   sysbench label LABEL         exit 0 if this process's label is LABEL
 *
 * Exit 0 on success, 1 on a failing syscall or label mismatch, 2 on usage.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>

#define MAX_ROUNDS 1000

static const char *file, *exe = "/usr/local/bin/sysbench-nop";
static int rfd = -1, upair[2] = { -1, -1 };

static void die(const char *what)
{
	fprintf(stderr, "sysbench: %s: %s\n", what, strerror(errno));
	exit(1);
}

static double now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e9 + ts.tv_nsec;
}

/* The label, without "(mode)" and the newline; "" if unreadable. */
static void read_label(char *buf, size_t len)
{
	ssize_t n;
	int fd = open("/proc/self/attr/current", O_RDONLY);

	buf[0] = '\0';
	if (fd < 0)
		return;
	n = read(fd, buf, len - 1);
	close(fd);
	if (n <= 0)
		return;
	buf[n] = '\0';
	buf[strcspn(buf, "\n")] = '\0';
}

static void bench_open(long n)
{
	for (long i = 0; i < n; i++) {
		int fd = open(file, O_RDONLY);

		if (fd < 0)
			die("open");
		close(fd);
	}
}

static void bench_stat(long n)
{
	struct stat st;

	for (long i = 0; i < n; i++)
		if (stat(file, &st))
			die("stat");
}

static void bench_read(long n)
{
	char buf[16];

	for (long i = 0; i < n; i++)
		if (pread(rfd, buf, sizeof(buf), 0) < 0)
			die("pread");
}

static void bench_signal(long n)
{
	pid_t self = getpid();

	for (long i = 0; i < n; i++)
		if (kill(self, 0))
			die("kill");
}

static void bench_socket(long n)
{
	for (long i = 0; i < n; i++) {
		int fd = socket(AF_INET, SOCK_DGRAM, 0);

		if (fd < 0)
			die("socket");
		close(fd);
	}
}

static void bench_unix(long n)
{
	char buf[16] = "rampart sysbench";

	for (long i = 0; i < n; i++) {
		if (send(upair[0], buf, sizeof(buf), 0) != sizeof(buf))
			die("send");
		if (recv(upair[1], buf, sizeof(buf), 0) != sizeof(buf))
			die("recv");
	}
}

static int run_child(const char *path, char *const argv[])
{
	int status;
	/* vfork: no page tables to copy, no copy-on-write faults after */
	pid_t pid = vfork();

	if (pid < 0)
		die("vfork");
	if (pid == 0) {
		execv(path, argv);
		_exit(127);
	}
	if (waitpid(pid, &status, 0) != pid)
		die("waitpid");
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

static void bench_exec(long n)
{
	char *argv[] = { "sysbench-nop", NULL };

	for (long i = 0; i < n; i++) {
		int rc = run_child(exe, argv);

		if (rc) {
			fprintf(stderr, "sysbench: %s exited with %d%s\n", exe, rc,
				rc == 127 ? " (execve failed)" : "");
			exit(1);
		}
	}
}

static const struct bench {
	const char *name;
	void (*fn)(long n);
	int exec;
} benches[] = {
	{ "open", bench_open, 0 },
	{ "stat", bench_stat, 0 },
	{ "read", bench_read, 0 },
	{ "exec", bench_exec, 1 },
	{ "signal", bench_signal, 0 },
	{ "socket", bench_socket, 0 },
	{ "unix", bench_unix, 0 },
};
#define NB (sizeof(benches) / sizeof(benches[0]))

static int cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static int usage(void)
{
	fprintf(stderr, "usage: sysbench run [-n N] [-x X] [-r R] [-l LABEL] [-e EXE] [-v] FILE\n"
			"       sysbench label LABEL\n");
	return 2;
}

int main(int argc, char **argv)
{
	static double t[NB][MAX_ROUNDS];
	long n = 20000, x = 200;
	int rounds = 11, c, verbose = 0;
	const char *want = NULL;
	char label[256];

	if (argc == 3 && !strcmp(argv[1], "label")) {
		read_label(label, sizeof(label));
		return strcmp(label, argv[2]) ? 1 : 0;
	}
	if (argc < 2 || strcmp(argv[1], "run"))
		return usage();
	optind = 2;
	while ((c = getopt(argc, argv, "n:x:r:l:e:v")) != -1) {
		switch (c) {
		case 'n': n = atol(optarg); break;
		case 'x': x = atol(optarg); break;
		case 'r': rounds = atoi(optarg); break;
		case 'l': want = optarg; break;
		case 'e': exe = optarg; break;
		case 'v': verbose = 1; break;
		default: return usage();
		}
	}
	if (optind != argc - 1 || n < 1 || x < 1 || rounds < 1 ||
	    rounds > MAX_ROUNDS)
		return usage();
	file = argv[optind];

	read_label(label, sizeof(label));
	printf("SYSBENCH label=%s\n", label);
	if (want) {
		char *cargv[] = { "sysbench", "label", (char *)want, NULL };

		if (strcmp(label, want)) {
			fprintf(stderr, "sysbench: label is '%s', want '%s'\n",
				label, want);
			return 1;
		}
		if (run_child("/proc/self/exe", cargv)) {
			fprintf(stderr, "sysbench: the exec'd child's label is not '%s'\n",
				want);
			return 1;
		}
	}
	rfd = open(file, O_RDONLY);
	if (rfd < 0)
		die("open");
	if (socketpair(AF_UNIX, SOCK_DGRAM, 0, upair))
		die("socketpair");

	/* Warm up: caches, page tables, the child's page cache pages. */
	for (size_t b = 0; b < NB; b++)
		benches[b].fn(benches[b].exec ? 10 : 1000);

	/* Rounds interleave the benchmarks, so drift hits them alike. */
	for (int r = 0; r < rounds; r++)
		for (size_t b = 0; b < NB; b++) {
			long it = benches[b].exec ? x : n;
			double t0 = now_ns();

			benches[b].fn(it);
			t[b][r] = (now_ns() - t0) / it;
			if (verbose)
				printf("SYSBENCH-ROUND %s %d %.1f\n",
				       benches[b].name, r, t[b][r]);
		}
	for (size_t b = 0; b < NB; b++) {
		qsort(t[b], rounds, sizeof(double), cmp);
		printf("SYSBENCH %s iters=%ld rounds=%d min=%.1f median=%.1f max=%.1f\n",
		       benches[b].name, benches[b].exec ? x : n, rounds, t[b][0],
		       rounds % 2 ? t[b][rounds / 2] :
				    (t[b][rounds / 2 - 1] + t[b][rounds / 2]) / 2,
		       t[b][rounds - 1]);
	}
	close(rfd);
	close(upair[0]);
	close(upair[1]);
	return 0;
}
