# boot: lsm=capability
# AppArmor left out of the lsm= list is disabled.
. /tests/lib.sh
. /tests/disabled-checks.sh
