// SPDX-License-Identifier: GPL-2.0-only
/*
 * nnp - run a command with no_new_privs set, for the Rampart VM tests.
 *
 *   nnp COMMAND [ARG...]
 *
 * Sets PR_SET_NO_NEW_PRIVS, then execs COMMAND (searched in PATH). A
 * failing exec prints "nnp: exec COMMAND: EXXX (strerror)" and exits 126
 * (127 for ENOENT).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	const char *name;
	int e;

	if (argc < 2) {
		fprintf(stderr, "usage: nnp COMMAND [ARG...]\n");
		return 2;
	}
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0)) {
		perror("nnp: prctl(PR_SET_NO_NEW_PRIVS)");
		return 126;
	}
	execvp(argv[1], argv + 1);
	e = errno;
	name = strerrorname_np(e);
	fprintf(stderr, "nnp: exec %s: %s (%s)\n", argv[1], name ? name : "E?",
		strerror(e));
	return e == ENOENT ? 127 : 126;
}
