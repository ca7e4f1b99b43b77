#!/usr/bin/env bash
# Installs what scripts/slides needs and nothing else: pdflatex with Beamer (Debian's
# texlive-latex-base and texlive-latex-recommended, which hold Beamer, and texlive-pictures,
# which holds the PGF that Beamer is drawn with) and poppler's pdftoppm (used by the
# tests to look at compiled pages). Run by scripts/slides (and `scripts/slides --install-tex`);
# scripts/setup.sh, which every user runs, does not install TeX.
set -euo pipefail

# Debian package -> a file it provides.
declare -A needs=(
  [texlive-latex-base]=/usr/bin/pdflatex
  [texlive-latex-recommended]=/usr/share/texlive/texmf-dist/tex/latex/beamer/beamer.cls
  [texlive-pictures]=/usr/share/texlive/texmf-dist/tex/latex/pgf/math/pgfmath.sty
  [poppler-utils]=/usr/bin/pdftoppm
)
missing=()
for pkg in "${!needs[@]}"; do
  [ -e "${needs[$pkg]}" ] || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "setup-tex: installing ${missing[*]} (pdflatex, Beamer and pdftoppm for scripts/slides)"
if ! command -v apt-get >/dev/null 2>&1; then
  echo "setup-tex: no apt-get here: install pdflatex with Beamer (TeX Live: latex-base, latex-recommended) and poppler's pdftoppm, then run again" >&2
  exit 1
fi
source "$(dirname "${BASH_SOURCE[0]}")/apt-install.sh"
apt_install setup-tex "${missing[@]}" || exit 1
