# boot: apparmor=0x0
# The apparmor= boot parameter is parsed with base auto-detection (KI 1):
# 0x0 disables AppArmor.
. /tests/lib.sh
. /tests/disabled-checks.sh
