#!/usr/bin/env bash
# Installs the system packages the kit needs, if any are missing. Sourced by scripts/course and
# scripts/test; safe to run on its own. On a system without apt it lists what to install and stops.
set -euo pipefail

# Debian package -> a file it provides (to test presence without dpkg).
declare -A needs=(
  [libcairo2-dev]=/usr/include/cairo/cairo.h
  [libpango1.0-dev]=/usr/include/pango-1.0/pango/pangocairo.h
  [libopenblas-dev]=/usr/lib/x86_64-linux-gnu/openblas-pthread/libopenblas.so
  [libgnuplot-iostream-dev]=/usr/include/gnuplot-iostream.h
  [libboost-iostreams-dev]=/usr/include/boost/iostreams/stream.hpp
  [libboost-filesystem-dev]=/usr/include/boost/filesystem.hpp
  [gnuplot-nox]=/usr/bin/gnuplot
  [pkg-config]=/usr/bin/pkg-config
  [fonts-dejavu-core]=/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf
  [libmujoco-dev]=/usr/include/mujoco/mujoco.h
)

missing=()
for pkg in "${!needs[@]}"; do
  file=${needs[$pkg]}
  # The multiarch path differs off x86_64: fall back to asking pkg-config/dpkg.
  if [ ! -e "$file" ]; then
    if command -v dpkg-query >/dev/null 2>&1 && dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'ok installed'; then
      continue
    fi
    missing+=("$pkg")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

IFS=$'\n' missing=($(sort <<<"${missing[*]}")); unset IFS
echo "setup: installing missing system packages: ${missing[*]}"
if ! command -v apt-get >/dev/null 2>&1; then
  cat >&2 <<MSG
setup: this system has no apt-get, so the kit cannot install its dependencies itself.
Install the equivalents of these Debian packages with your package manager, then run again:
  ${missing[*]}
(Cairo and Pango development files, OpenBLAS, gnuplot, gnuplot-iostream, Boost iostreams/filesystem and
 MuJoCo 2.x; on Fedora: cairo-devel pango-devel openblas-devel gnuplot boost-devel; on macOS with Homebrew:
 brew install cairo pango openblas gnuplot boost, and gnuplot-iostream's single header; MuJoCo from its
 release archive, with mujoco/mujoco.h and libmujoco on the compiler's search paths.)
MSG
  exit 1
fi

source "$(dirname "${BASH_SOURCE[0]}")/apt-install.sh"
apt_install setup "${missing[@]}" || exit 1
echo "setup: done"
