// SPDX-License-Identifier: GPL-2.0-only
/*
 * runas - run a command as another (numeric) user, for the Rampart VM tests.
 *
 *   runas UID[:GID] COMMAND [ARG...]
 *
 * Clears the supplementary groups, sets gid (default: UID) and uid, then
 * execs COMMAND (searched in PATH). Changing uid from 0 to non-zero drops
 * every capability, so COMMAND runs as an ordinary unprivileged user.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <grp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	unsigned long uid, gid;
	char *end;

	if (argc < 3) {
		fprintf(stderr, "usage: runas UID[:GID] COMMAND [ARG...]\n");
		return 2;
	}
	uid = strtoul(argv[1], &end, 10);
	gid = uid;
	if (*end == ':')
		gid = strtoul(end + 1, &end, 10);
	if (*end) {
		fprintf(stderr, "runas: bad UID[:GID] '%s'\n", argv[1]);
		return 2;
	}
	if (setgroups(0, NULL) || setgid(gid) || setuid(uid)) {
		fprintf(stderr, "runas: cannot switch to %lu:%lu: %s\n",
			uid, gid, strerror(errno));
		return 126;
	}
	execvp(argv[2], argv + 2);
	fprintf(stderr, "runas: %s: %s\n", argv[2], strerror(errno));
	return errno == ENOENT ? 127 : 126;
}
