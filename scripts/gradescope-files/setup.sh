#!/usr/bin/env bash
# Gradescope runs this once, as root, when it builds the autograder's image (Ubuntu 22.04 or
# 24.04) from autograder.zip, unpacked in /autograder/source. It installs Swift from swift.org and
# the kit's Debian packages (the kit's own scripts/setup.sh), builds the grader, measures each
# check's time on the reference solutions (the time limits derive from it), checks that the
# reference scores full marks and the stubs zero, then removes the reference solutions from the
# image and makes the grader's sources readable by root only: student code runs as `student`.
#
#   setup.sh --local   a dry run on a machine that has Swift and the packages already: no
#                      installing, no user, no permissions changed (build, timing, checks only)
set -euo pipefail
local_run=no
[ "${1:-}" = "--local" ] && local_run=yes
source_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
kit=$source_dir/kit
# shellcheck source=autograder.conf
source "$source_dir/autograder.conf"   # SWIFT_VERSION, BUDGET, LIMIT_FACTOR, MIN_LIMIT, TIME_LIMIT
export DEBIAN_FRONTEND=noninteractive

if [ $local_run = no ]; then
  . /etc/os-release
  case "${VERSION_ID:-}" in
    22.04) platform=ubuntu22.04; gcc=11; extra=(python3-lldb-13) ;;
    24.04) platform=ubuntu24.04; gcc=13; extra=(libncurses-dev) ;;
    *) echo "setup.sh: this image is ${PRETTY_NAME:-unknown}; choose Ubuntu 22.04 or 24.04 in the autograder settings" >&2; exit 1 ;;
  esac
  case "$(dpkg --print-architecture)" in
    amd64) arch_suffix= ;;
    arm64) arch_suffix=-aarch64 ;;
    *) echo "setup.sh: no Swift toolchain for architecture $(dpkg --print-architecture)" >&2; exit 1 ;;
  esac

  echo "setup.sh: Swift $SWIFT_VERSION's dependencies (swift.org's list for $platform)"
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends \
    binutils git unzip gnupg2 curl ca-certificates libc6-dev libcurl4-openssl-dev libedit2 "libgcc-$gcc-dev" \
    libpython3-dev libsqlite3-0 "libstdc++-$gcc-dev" libxml2-dev libz3-dev pkg-config tzdata zlib1g-dev \
    util-linux "${extra[@]}"

  installed=$(swift --version 2>&1 || true)
  if [[ $installed != *"Swift version $SWIFT_VERSION "* ]]; then
    echo "setup.sh: Swift $SWIFT_VERSION from swift.org"
    name=swift-$SWIFT_VERSION-RELEASE
    url=https://download.swift.org/swift-$SWIFT_VERSION-release/${platform//./}$arch_suffix/$name/$name-$platform$arch_suffix.tar.gz
    work=$(mktemp -d)
    curl -fsSL "$url" -o "$work/swift.tar.gz"
    curl -fsSL "$url.sig" -o "$work/swift.tar.gz.sig"
    export GNUPGHOME=$work/gnupg
    mkdir -m 700 "$GNUPGHOME"
    curl -fsSL https://swift.org/keys/all-keys.asc | gpg --batch --quiet --import
    gpg --batch --verify "$work/swift.tar.gz.sig" "$work/swift.tar.gz"
    mkdir -p /opt/swift
    tar -xzf "$work/swift.tar.gz" --directory /opt/swift --strip-components=1
    chmod -R o+rX /opt/swift
    ln -sf /opt/swift/usr/bin/* /usr/local/bin/
    rm -rf "$work"
    unset GNUPGHOME
  fi
  swift --version

  echo "setup.sh: the kit's Debian packages (kit/scripts/setup.sh)"
  bash "$kit/scripts/setup.sh"
fi

cd "$kit"
# Package.swift looks for Solutions/ when it is evaluated, so its evaluation must not be cached
# (--manifest-cache none): the last build below runs without Solutions/.
echo "setup.sh: building the grader"
swift build -c release --product grade --manifest-cache none 2>&1 | grep -v 'prohibited flag' | tail -5
test "${PIPESTATUS[0]}" -eq 0

echo "setup.sh: timing the reference solutions (each check's limit derives from its time)"
mkdir -p .gradescope
.build/release/grade --implementation reference --expect-full --time-limit "$TIME_LIMIT" \
  --save-timings .gradescope/reference-timings.json --out /tmp/gradescope-reference | tail -4

echo "setup.sh: checking that the untouched stubs score zero"
.build/release/grade --expect-zero --reference-timings .gradescope/reference-timings.json \
  --limit-factor "$LIMIT_FACTOR" --min-limit "$MIN_LIMIT" --time-limit "$TIME_LIMIT" \
  --out /tmp/gradescope-stubs | tail -2

echo "setup.sh: removing the reference solutions from the image and rebuilding without them"
rm -rf Solutions .build/release/Solutions.build .build/release/Modules/Solutions.* .build/release/Solutions.*
swift build -c release --product grade --manifest-cache none 2>&1 | grep -v 'prohibited flag' | tail -2
test "${PIPESTATUS[0]}" -eq 0

# Student code runs as this user: it cannot read the kit (hidden checks), write the results, or
# signal the grader.
if [ $local_run = no ]; then
  id student >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin student
  chmod 700 "$source_dir"
fi
echo "setup.sh: ready"
