# boot: apparmor=0
# AppArmor disabled with its own boot parameter.
. /tests/lib.sh
. /tests/disabled-checks.sh
