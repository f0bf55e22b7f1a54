// SPDX-License-Identifier: GPL-2.0-only
/*
 * auxv - what an exec gave this program, for the Rampart VM tests.
 *
 *   auxv
 *
 * Prints one line "secure=N label=L": N is getauxval(AT_SECURE) (1 when
 * the kernel asked for a secure exec, e.g. a Px/Cx/Ux transition), L the
 * first line of /proc/self/attr/current (or "EXXX" if it cannot be read).
 * Copied under other names, it is the program tests exec through exec
 * rules and attachments.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/auxv.h>
#include <unistd.h>

int main(void)
{
	char label[4096] = "";
	int fd = open("/proc/self/attr/current", O_RDONLY);
	ssize_t n = fd < 0 ? -1 : read(fd, label, sizeof(label) - 1);

	if (n < 0) {
		const char *name = strerrorname_np(errno);

		snprintf(label, sizeof(label), "%s", name ? name : "E?");
	} else {
		label[n] = '\0';
		label[strcspn(label, "\n")] = '\0';
	}
	printf("secure=%lu label=%s\n", getauxval(AT_SECURE), label);
	return 0;
}
