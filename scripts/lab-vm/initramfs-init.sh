#!/bin/busybox sh
# shellcheck shell=dash
# PID 1 of the lab VM's initramfs. Debian's kernel has virtio and 9p as
# modules, so it cannot mount the 9p root by itself: this loads them, mounts
# v86's 9p file system (mount tag host9p), sets up the mounts the labs need
# and hands over to /sbin/lab-init. It does the setting up, not lab-init,
# because busybox is linked statically: in the emulator, starting a
# dynamically linked program (mount, hostname) costs about half a second.
# build.sh replaces @MODULES@ (in dependency order) and @MSIZE@.

bb=/bin/busybox
die() { echo "initramfs: $*" >/dev/console; exec $bb sh </dev/console >/dev/console 2>&1; }

$bb mount -t devtmpfs devtmpfs /dev || die "cannot mount devtmpfs"
# shellcheck disable=SC2043 # build.sh replaces the placeholder with the module list
for m in @MODULES@; do
  $bb insmod "/lib/modules/$m.ko" || die "cannot load $m"
done

# The virtio device is probed as its driver loads, but give it a bounded moment.
tries=0
until $bb mount -t 9p -o trans=virtio,version=9p2000.L,cache=loose,msize=@MSIZE@ host9p /root 2>/dev/null; do
  tries=$((tries + 1))
  [ $tries -lt 50 ] || die "cannot mount the 9p root file system"
  $bb usleep 100000
done

r=/root
$bb mount --move /dev $r/dev || die "cannot move /dev"
$bb mount -t proc proc $r/proc
$bb mount -t sysfs sysfs $r/sys
$bb mkdir -p $r/dev/pts $r/dev/shm
$bb mount -t devpts -o gid=5,mode=620,ptmxmode=666 devpts $r/dev/pts
$bb mount -t tmpfs -o mode=1777,nosuid,nodev tmpfs $r/dev/shm
# Writes to the 9p root land in the emulator's memory, and in every saved
# state: what the labs write goes to tmpfs.
$bb mount -t tmpfs -o mode=755,nosuid,nodev tmpfs $r/run
$bb mount -t tmpfs -o mode=1777,nosuid,nodev tmpfs $r/tmp
$bb mount -t tmpfs -o mode=755 tmpfs $r/var/lib/cni
$bb mount -t cgroup2 -o nsdelegate cgroup2 $r/sys/fs/cgroup
$bb mount -t bpf bpf $r/sys/fs/bpf
$bb mkdir -p $r/run/netns $r/run/lock
# What kmod's static-nodes would make: opening /dev/net/tun loads tun.
$bb mkdir -p $r/dev/net
$bb mknod -m 666 $r/dev/net/tun c 10 200
$bb ln -s /proc/self/fd $r/dev/fd
$bb ln -s /proc/self/fd/0 $r/dev/stdin
$bb ln -s /proc/self/fd/1 $r/dev/stdout
$bb ln -s /proc/self/fd/2 $r/dev/stderr
$bb mkdir -p $r/run/lab-modprobe
echo /usr/sbin/lab-modprobe >$r/proc/sys/kernel/modprobe
$bb hostname lab
$bb ip link set lo up

exec $bb switch_root $r /sbin/lab-init
