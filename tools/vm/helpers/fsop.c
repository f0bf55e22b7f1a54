// SPDX-License-Identifier: GPL-2.0-only
/*
 * fsop - single-syscall file operations for the Rampart VM tests.
 *
 *   fsop read  [-n] [-r N] PATH open O_RDONLY (-n: |O_NONBLOCK), ONE read()
 *                               (-r: N read()s on the same descriptor), copy
 *                               what each returned to stdout
 *   fsop write [-n] PATH DATA   open O_WRONLY, ONE write() of DATA's bytes
 *                               (DATA "-" = all of stdin, NULs allowed)
 *   fsop open  PATH r|w|rw      open with that access mode, then close
 *   fsop setxattr PATH NAME VALUE  setxattr(2) of NAME to VALUE's bytes
 *   fsop query PATH DATA        open O_RDWR, ONE write() of DATA ("-" =
 *                               stdin), then ONE read() from offset 0 of
 *                               the same descriptor, copied to stdout (the
 *                               transaction files, .access)
 *
 * Exit 0 on success. On a failing syscall it prints
 *   fsop: <syscall> PATH: <ERRNO-NAME> (<strerror>)
 * to stderr and exits 1; usage errors exit 2. A short write is reported as
 * "short write N of M" and exits 1.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/xattr.h>

static int fail(const char *op, const char *path)
{
	int e = errno;
	const char *name = strerrorname_np(e);

	fprintf(stderr, "fsop: %s %s: %s (%s)\n", op, path,
		name ? name : "E?", strerror(e));
	return 1;
}

static int usage(void)
{
	fprintf(stderr, "usage: fsop read [-n] [-r N] PATH | fsop write [-n] PATH DATA|- | fsop open PATH r|w|rw | fsop query PATH DATA|- | fsop setxattr PATH NAME VALUE\n");
	return 2;
}

static char *slurp_stdin(size_t *len)
{
	size_t cap = 4096, n = 0;
	char *buf = malloc(cap);
	ssize_t r;

	while (buf && (r = read(0, buf + n, cap - n)) > 0) {
		n += r;
		if (n == cap)
			buf = realloc(buf, cap *= 2);
	}
	*len = n;
	return buf;
}

int main(int argc, char **argv)
{
	int nonblock = 0, nreads = 1, fd;
	const char *op, *path;

	if (argc < 3)
		return usage();
	op = argv[1];
	argv += 2;
	argc -= 2;
	for (;;) {
		if (argc && strcmp(argv[0], "-n") == 0) {
			nonblock = O_NONBLOCK;
			argv++;
			argc--;
		} else if (argc > 1 && strcmp(argv[0], "-r") == 0) {
			nreads = atoi(argv[1]);
			argv += 2;
			argc -= 2;
		} else {
			break;
		}
	}
	if (argc < 1)
		return usage();
	path = argv[0];

	if (strcmp(op, "read") == 0 && argc == 1) {
		static char buf[65536];
		ssize_t r;

		fd = open(path, O_RDONLY | nonblock);
		if (fd < 0)
			return fail("open", path);
		for (int i = 1; i <= nreads; i++) {
			r = read(fd, buf, sizeof(buf));
			if (r < 0) {
				char what[32];

				snprintf(what, sizeof(what), "read#%d", i);
				return fail(nreads > 1 ? what : "read", path);
			}
			if (r > 0 && write(1, buf, r) != r)
				return fail("write", "stdout");
		}
		return 0;
	}
	if (strcmp(op, "write") == 0 && argc == 2) {
		const char *data = argv[1];
		size_t len = strlen(data);
		char *in = NULL;
		ssize_t w;

		if (strcmp(data, "-") == 0)
			data = in = slurp_stdin(&len);
		fd = open(path, O_WRONLY | nonblock);
		if (fd < 0)
			return fail("open", path);
		w = write(fd, data, len);
		if (w < 0)
			return fail("write", path);
		if ((size_t)w != len) {
			fprintf(stderr, "fsop: write %s: short write %zd of %zu\n",
				path, w, len);
			return 1;
		}
		if (close(fd) < 0)
			return fail("close", path);
		free(in);
		return 0;
	}
	if (strcmp(op, "setxattr") == 0 && argc == 3) {
		if (setxattr(path, argv[1], argv[2], strlen(argv[2]), 0) < 0)
			return fail("setxattr", path);
		return 0;
	}
	if (strcmp(op, "query") == 0 && argc == 2) {
		static char buf[65536];
		const char *data = argv[1];
		size_t len = strlen(data);
		ssize_t w, r;

		if (strcmp(data, "-") == 0)
			data = slurp_stdin(&len);
		fd = open(path, O_RDWR);
		if (fd < 0)
			return fail("open", path);
		w = write(fd, data, len);
		if (w < 0)
			return fail("write", path);
		r = pread(fd, buf, sizeof(buf), 0);
		if (r < 0)
			return fail("read", path);
		if (r > 0 && write(1, buf, r) != r)
			return fail("write", "stdout");
		return 0;
	}
	if (strcmp(op, "open") == 0 && argc == 2) {
		int mode;

		if (strcmp(argv[1], "r") == 0)
			mode = O_RDONLY;
		else if (strcmp(argv[1], "w") == 0)
			mode = O_WRONLY;
		else if (strcmp(argv[1], "rw") == 0)
			mode = O_RDWR;
		else
			return usage();
		fd = open(path, mode | nonblock);
		if (fd < 0)
			return fail("open", path);
		close(fd);
		return 0;
	}
	return usage();
}
