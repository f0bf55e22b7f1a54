# SPDX-License-Identifier: GPL-2.0-only
#
# Rampart's driver. The kernel itself is built by Kbuild in the cached
# tree (~/.cache/rampart); these targets prepare, build, boot and test.
#
#   make run           build a Rampart kernel, boot it in QEMU, show status
#   make check         lint + KUnit + the VM suite (STOCK=1: also on stock)
#   make check-stock   the VM suite against stock 6.12 AppArmor
#   make kunit         KUnit only (KUNIT_ARCH=um for a quick UML run)
#   make lint          checkpatch --strict, sparse C=2, W=1
#   make fuzz          libFuzzer on the DFA unpacker and walks (FUZZ_TIME=s)
#   make bench-dfa     Rampart's DFA matcher against stock 6.12's
#   make bench-load    loading Debian's profile set: Rampart against stock
#   make bench-syscalls  file mediation's cost per open, stat, read, exec:
#                      Rampart against stock and no LSM
#   make kernel        just the Rampart bzImage (DEBUG=1: KASAN, lockdep,
#                      kmemleak)
#   make graft TREE=/path/to/linux-6.12   put Rampart into your own tree

SHELL := /bin/bash
TOOLS := $(CURDIR)/tools

.PHONY: all setup tree graft kernel kernel-stock initramfs run check \
	check-stock kunit lint vm fuzz bench-dfa bench-load bench-syscalls \
	clean-cache

all: kernel

setup:
	@$(TOOLS)/setup.sh

tree: setup
	@$(TOOLS)/kernel-tree.sh

graft: tree
	@$(TOOLS)/graft.sh $(TREE)

kernel: setup
	@$(TOOLS)/build-kernel.sh rampart

kernel-stock: setup
	@$(TOOLS)/build-kernel.sh stock

initramfs: setup
	@$(TOOLS)/vm/mkinitramfs.sh $(HOME)/.cache/rampart/vm/initramfs.cpio.gz

run: setup
	@$(TOOLS)/run-demo.sh

vm: setup
	@$(TOOLS)/vm/suite.sh --kernel "$$($(TOOLS)/build-kernel.sh rampart)"

check-stock: setup
	@$(TOOLS)/vm/suite.sh --stock --kernel "$$($(TOOLS)/build-kernel.sh stock)"

check:
	@$(TOOLS)/check.sh

kunit: setup
	@$(TOOLS)/kunit.sh

lint: setup
	@$(TOOLS)/lint.sh

bench-dfa: setup
	@$(TOOLS)/dfa/bench.sh

bench-load: setup
	@$(TOOLS)/bench-load.sh

bench-syscalls: setup
	@$(TOOLS)/bench-syscalls.sh

FUZZ_TIME ?= 600
fuzz: setup
	@$(TOOLS)/dfa/fuzz.sh --time $(FUZZ_TIME)

clean-cache:
	rm -rf $(HOME)/.cache/rampart
