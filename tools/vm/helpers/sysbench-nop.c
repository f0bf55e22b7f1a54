// SPDX-License-Identifier: GPL-2.0-only
/*
 * sysbench-nop - the exec target of make bench-syscalls' exec benchmark: a
 * static binary without libc (mkinitramfs.sh builds it with -nostdlib)
 * whose whole run is exit_group(0), so an exec costs the kernel's work and
 * hardly anything else.
 */
void _start(void);

void _start(void)
{
	__asm__ volatile("syscall" : : "a"(231), "D"(0) : "rcx", "r11", "memory");
	__builtin_unreachable();
}
