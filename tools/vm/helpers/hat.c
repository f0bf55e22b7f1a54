// SPDX-License-Identifier: GPL-2.0-only
/*
 * hat - drive libapparmor's self-directed label changes, for the Rampart
 * VM tests. Linked statically against Debian's libapparmor.
 *
 *   hat OP...
 *
 * Runs the operations in order, in one process, and prints one line each:
 *   change HAT TOKEN   aa_change_hat(HAT, TOKEN)   "change HAT TOKEN: ok"
 *   return TOKEN       aa_change_hat(NULL, TOKEN)  "return TOKEN: ok"
 *   profile LABEL      aa_change_profile(LABEL)    "profile LABEL: ok"
 *   stack LABEL        aa_stack_profile(LABEL)     "stack LABEL: ok"
 *   onexec LABEL       aa_change_onexec(LABEL)     "onexec LABEL: ok"
 *   stackexec LABEL    aa_stack_onexec(LABEL)      "stackexec LABEL: ok"
 *   getcon             aa_getcon()                 "getcon: LABEL (MODE)"
 *                                                  or "getcon: LABEL"
 *   prev               aa_getprocattr(gettid(), "prev")
 *                                                  "prev: LABEL (MODE)"
 *   read PATH          open(PATH, O_RDONLY)        "read PATH: ok"
 *   sleep SECONDS      sleep(SECONDS)              (prints nothing)
 *   exec PROG ARG...   execv(PROG, PROG ARG...)    (the rest of the line)
 * TOKEN is a number (0x prefix for hex). A failing call prints "EXXX"
 * instead of the result and the next operation runs. Output is flushed
 * after every line, so a SIGKILL (wrong change_hat token) shows how far
 * the program got.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/apparmor.h>
#include <unistd.h>

static void result(int ret)
{
	const char *name;

	if (ret >= 0) {
		printf("ok\n");
		return;
	}
	name = strerrorname_np(errno);
	printf("%s\n", name ? name : "E?");
}

static void con(int ret, char *label, char *mode)
{
	if (ret < 0)
		result(ret);
	else if (mode)
		printf("%s (%s)\n", label, mode);
	else
		printf("%s\n", label);
	free(label);
}

static int usage(void)
{
	fprintf(stderr, "usage: hat {change HAT TOKEN | return TOKEN | profile LABEL | stack LABEL | onexec LABEL | stackexec LABEL | getcon | prev | read PATH | sleep SECONDS | exec PROG ARG...}...\n");
	return 2;
}

int main(int argc, char **argv)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	for (int i = 1; i < argc; i++) {
		const char *op = argv[i];
		int left = argc - i - 1;
		char *label = NULL, *mode = NULL;

		if (strcmp(op, "change") == 0 && left >= 2) {
			printf("change %s %s: ", argv[i + 1], argv[i + 2]);
			fflush(stdout);
			result(aa_change_hat(argv[i + 1], strtoul(argv[i + 2], NULL, 0)));
			i += 2;
		} else if (strcmp(op, "return") == 0 && left >= 1) {
			printf("return %s: ", argv[i + 1]);
			fflush(stdout);
			result(aa_change_hat(NULL, strtoul(argv[i + 1], NULL, 0)));
			i++;
		} else if (strcmp(op, "profile") == 0 && left >= 1) {
			printf("profile %s: ", argv[i + 1]);
			result(aa_change_profile(argv[i + 1]));
			i++;
		} else if (strcmp(op, "stack") == 0 && left >= 1) {
			printf("stack %s: ", argv[i + 1]);
			result(aa_stack_profile(argv[i + 1]));
			i++;
		} else if (strcmp(op, "onexec") == 0 && left >= 1) {
			printf("onexec %s: ", argv[i + 1]);
			result(aa_change_onexec(argv[i + 1]));
			i++;
		} else if (strcmp(op, "stackexec") == 0 && left >= 1) {
			printf("stackexec %s: ", argv[i + 1]);
			result(aa_stack_onexec(argv[i + 1]));
			i++;
		} else if (strcmp(op, "exec") == 0 && left >= 1) {
			execv(argv[i + 1], argv + i + 1);
			printf("exec %s: ", argv[i + 1]);
			result(-1);
			return 1;
		} else if (strcmp(op, "getcon") == 0) {
			int ret = aa_getcon(&label, &mode);

			printf("getcon: ");
			con(ret, label, mode);
		} else if (strcmp(op, "prev") == 0) {
			int ret = aa_getprocattr(gettid(), "prev", &label, &mode);

			printf("prev: ");
			con(ret, label, mode);
		} else if (strcmp(op, "read") == 0 && left >= 1) {
			int fd = open(argv[i + 1], O_RDONLY);

			printf("read %s: ", argv[i + 1]);
			result(fd);
			if (fd >= 0)
				close(fd);
			i++;
		} else if (strcmp(op, "sleep") == 0 && left >= 1) {
			sleep(atoi(argv[i + 1]));
			i++;
		} else {
			return usage();
		}
	}
	return 0;
}
