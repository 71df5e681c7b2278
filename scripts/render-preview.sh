#!/usr/bin/env bash
# Renders Yusuan's formatted workbook the way a reader sees it: LibreOffice headless → PDF →
# PNG per page (pdftoppm). Installs LibreOffice Calc, CJK fonts, Carlito and poppler when missing.
#
#   scripts/render-preview.sh [INPUT.xlsx] [OUT_DIR] [DPI]
#
# Defaults: the Datong sample with its 绩效目标申报表 workbook (FORMS=… to choose another, FORMS=
# for none), /tmp/yusuan-preview, 80 dpi. With UPDATE_DOCS=1 the pages of 表1, 表3, 表6 and the
# first form are copied to docs/images/. 宋体/SimSun and 黑体/SimHei are not free fonts; a private
# fontconfig file maps them to Noto Serif CJK SC and Noto Sans CJK SC, the closest free faces.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
IN=${1:-$ROOT/samples/datong-kejiju-2023/input/datong-kejiju-2023.xlsx}
OUT=${2:-/tmp/yusuan-preview}
DPI=${3:-80}
FORMS=${FORMS-$ROOT/samples/datong-kejiju-2023/input/datong-kejiju-2023-performance.xlsx}

need=()
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-calc-nogui)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
fc-list : family 2>/dev/null | grep "Noto Serif CJK" >/dev/null || need+=(fonts-noto-cjk)
# Carlito has Calibri's metrics: column widths are in units of the workbook's default Calibri 11.
fc-list : family 2>/dev/null | grep "Carlito" >/dev/null || need+=(fonts-crosextra-carlito)
if [ ${#need[@]} -gt 0 ]; then
  echo "render-preview: installing ${need[*]}"
  apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${need[@]}" >/dev/null
fi

YUSUAN=${YUSUAN:-}
if [ -z "$YUSUAN" ]; then
  (cd "$ROOT" && swift build -q --product yusuan)
  YUSUAN="$ROOT/.build/debug/yusuan"
fi

mkdir -p "$OUT"
rm -f "$OUT"/page-*.png
rm -f "$OUT/workbook.xlsx" "$OUT/workbook.pdf"
"$YUSUAN" convert "$IN" ${FORMS:+"$FORMS"} -o "$OUT/workbook.xlsx"

cat >"$OUT/fonts.conf" <<'XML'
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <match target="pattern"><test name="family"><string>宋体</string></test>
    <edit name="family" mode="assign" binding="strong"><string>Noto Serif CJK SC</string></edit></match>
  <match target="pattern"><test name="family"><string>SimSun</string></test>
    <edit name="family" mode="assign" binding="strong"><string>Noto Serif CJK SC</string></edit></match>
  <match target="pattern"><test name="family"><string>黑体</string></test>
    <edit name="family" mode="assign" binding="strong"><string>Noto Sans CJK SC</string></edit></match>
  <match target="pattern"><test name="family"><string>SimHei</string></test>
    <edit name="family" mode="assign" binding="strong"><string>Noto Sans CJK SC</string></edit></match>
</fontconfig>
XML

# A private profile keeps the run independent of any user's LibreOffice settings.
FONTCONFIG_FILE="$OUT/fonts.conf" soffice --headless -env:UserInstallation="file://$OUT/lo-profile" \
  --convert-to pdf --outdir "$OUT" "$OUT/workbook.xlsx" >/dev/null 2>&1
pdftoppm -r "$DPI" -png "$OUT/workbook.pdf" "$OUT/page"
pages=$(ls "$OUT"/page-*.png | wc -l)
echo "render-preview: $OUT/workbook.pdf, $pages pages → $OUT/page-*.png"

# Page of a table: the first page whose text starts with that table's title.
page_of() {
  local stem=$1 n
  for ((n = 1; n <= pages; n++)); do
    local top
    top=$(pdftotext -f "$n" -l "$n" "$OUT/workbook.pdf" - | sed -n 1,3p)
    if [[ "$top" == *"$stem"* ]]; then
      ls "$OUT"/page-*.png | sed -n "${n}p"
      return
    fi
  done
}
if [ "${UPDATE_DOCS:-0}" = 1 ]; then
  mkdir -p "$ROOT/docs/images"
  cp "$(page_of 预算收支总表)" "$ROOT/docs/images/table01.png"
  cp "$(page_of 预算支出总表)" "$ROOT/docs/images/table03.png"
  cp "$(page_of 基本支出分经济科目表)" "$ROOT/docs/images/table06.png"
  if [ -n "$FORMS" ]; then cp "$(page_of 绩效目标申报表)" "$ROOT/docs/images/form01.png"; fi
  ls -l "$ROOT"/docs/images/table0{1,3,6}.png ${FORMS:+"$ROOT/docs/images/form01.png"}
fi
