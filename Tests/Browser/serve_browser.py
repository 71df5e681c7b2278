"""Drives `yusuan serve` with a real browser (Debian's headless chromium through Selenium and
chromium-driver): ServeBrowserTests starts the server and writes the plan (argv[1], JSON).

Checks, in order: the upload page in both languages; the sample (tables, rounding cells) and its
download (openpyxl on the workbook, the CSV bytes in the chosen encoding, the JSON against the
fixture); a broken copy (the wrong cell marked, its finding naming the user's file); every hostile
upload refused with the command line's message and its HTTP status; a good upload after them.
Prints one "ok:" line per check; any failure raises (non-zero exit)."""
import csv
import glob
import io
import json
import os
import sys
import time
import urllib.error
import urllib.request
import uuid
import zipfile

import openpyxl
from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

plan = json.load(open(sys.argv[1], encoding="utf-8"))
base = plan["url"].rstrip("/")
downloads = plan["downloads"]
shots = os.environ.get("YUSUAN_SCREENSHOTS")


def ok(what):
    print("ok:", what, flush=True)


def squash(text):
    return " ".join(text.split())


def post(files, lang="zh"):
    """A multipart upload with urllib, to see the HTTP status (the browser does not show it)."""
    boundary = "----yusuan" + uuid.uuid4().hex
    body = bytearray()
    for name, data, *field in files:
        field = field[0] if field else "files"
        body += f'--{boundary}\r\nContent-Disposition: form-data; name="{field}"; filename="{name}"\r\n'.encode()
        body += b"Content-Type: application/octet-stream\r\n\r\n" + data + b"\r\n"
    body += f"--{boundary}--\r\n".encode()
    request = urllib.request.Request(
        f"{base}/report?lang={lang}", data=bytes(body), method="POST",
        headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


options = webdriver.ChromeOptions()
options.binary_location = plan.get("chromium", "/usr/bin/chromium")
for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,900",
                 "--lang=zh-CN"]:
    options.add_argument(argument)
options.add_experimental_option("prefs", {
    "download.default_directory": downloads, "download.prompt_for_download": False,
    "intl.accept_languages": "zh-CN,zh"})
service = webdriver.ChromeService(executable_path=plan.get("chromedriver", "/usr/bin/chromedriver"))
driver = webdriver.Chrome(options=options, service=service)
driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": downloads})
wait = WebDriverWait(driver, 120)


def upload(paths, lang=None, narrative=None):
    driver.get(base + "/" + (f"?lang={lang}" if lang else ""))
    driver.find_element(By.ID, "files").send_keys("\n".join(paths))
    if narrative:
        driver.find_element(By.ID, "narrative").send_keys(narrative)
    driver.find_element(By.ID, "check").click()
    wait.until(lambda d: d.find_elements(By.ID, "verdict") or d.find_elements(By.ID, "refusal"))


def in_report(check):
    driver.switch_to.frame(driver.find_element(By.ID, "report"))
    try:
        wait.until(EC.presence_of_element_located((By.ID, "summary-findings")))
        return check()
    finally:
        driver.switch_to.default_content()


def download(encoding, layout):
    before = set(glob.glob(os.path.join(downloads, "*.zip")))
    Select(driver.find_element(By.ID, "encoding")).select_by_value(encoding)
    Select(driver.find_element(By.ID, "layout")).select_by_value(layout)
    driver.find_element(By.ID, "download-zip").click()
    deadline = time.time() + 120
    while time.time() < deadline:
        new = set(glob.glob(os.path.join(downloads, "*.zip"))) - before
        if new and not glob.glob(os.path.join(downloads, "*.crdownload")):
            path = new.pop()
            data = open(path, "rb").read()
            os.remove(path)
            return zipfile.ZipFile(io.BytesIO(data))
        time.sleep(0.2)
    raise AssertionError(f"no zip downloaded ({encoding}, {layout})")


def numbers(value):
    if isinstance(value, dict):
        return [n for v in value.values() for n in numbers(v)]
    if isinstance(value, list):
        return [n for v in value for n in numbers(v)]
    return [value] if isinstance(value, (int, float)) and not isinstance(value, bool) else []


def without_sources(value):
    if isinstance(value, dict):
        return {k: without_sources(v) for k, v in value.items() if k != "source"}
    if isinstance(value, list):
        return [without_sources(v) for v in value]
    return value


try:
    # 1. The page, Chinese by default, English through its switch.
    driver.get(base + "/")
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "zh-CN"
    assert "把一个部门的文件拖到这里" in driver.find_element(By.ID, "drop").text
    assert driver.find_elements(By.CSS_SELECTOR, "link, script[src], img[src^=http], iframe") == []
    driver.find_element(By.ID, "lang-switch").click()
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
    assert "Drop the files of one department here" in driver.find_element(By.ID, "drop").text
    ok("upload page in Chinese, English through the switch, nothing external")
    if shots:
        driver.get(base + "/")
        driver.save_screenshot(os.path.join(shots, "serve-upload.png"))

    # 2. The sample: the workbook and the forms workbook.
    upload(plan["sample"])
    verdict = driver.find_element(By.ID, "verdict").text
    assert verdict == "错误 0，警告 0，尾差 2", verdict
    names = [li.text for li in driver.find_elements(By.CSS_SELECTOR, "#files-read li")]
    assert names == [os.path.basename(p) for p in plan["sample"]], names

    def sample_report():
        sections = [s.get_attribute("id") for s in driver.find_elements(By.CSS_SELECTOR, "section.page")]
        for n in range(1, 14):
            assert f"t{n}" in sections, (n, sections)
        assert "1,331.42" in driver.find_element(By.ID, "t1").text
        for cell in ["t6-C5", "t6-D5"]:
            classes = driver.find_element(By.ID, cell).get_attribute("class").split()
            assert "cell-rounding" in classes and "cell-error" not in classes, (cell, classes)
        assert driver.find_elements(By.CSS_SELECTOR, "td.cell-error") == []
        assert driver.find_element(By.ID, "form1")
        return len(sections)
    ok(f"sample: {in_report(sample_report)} tables shown, 表6 C5/D5 marked as rounding, no error")

    archive = download("gb18030", "disclosure")
    entries = archive.namelist()
    workbooks = [n for n in entries if n.endswith(".xlsx")]
    csvs = sorted(n for n in entries if n.startswith("csv/") and n.endswith(".csv"))
    assert len(workbooks) == 1 and "report.html" in entries and len(csvs) >= 13, entries
    book = openpyxl.load_workbook(io.BytesIO(archive.read(workbooks[0])))
    assert len(book.sheetnames) >= 13, book.sheetnames
    values = [c.value for row in book.worksheets[0].iter_rows() for c in row]
    assert any(isinstance(v, (int, float)) and abs(v - 1331.42) < 1e-9 for v in values), "表1 收入总计 1331.42 missing"
    table1 = archive.read(next(n for n in csvs if n.endswith("预算公开表01.csv")))
    assert not table1.startswith(b"\xef\xbb\xbf"), "GB18030 CSV has a UTF-8 BOM"
    text = table1.decode("gb18030")
    rows = list(csv.reader(io.StringIO(text)))
    assert any("1331.42" in row for row in rows), rows[:8]
    assert "收入总计" in text or "合计" in text
    model = json.loads(archive.read([n for n in entries if n.endswith(".json")][0]))
    reference = json.load(open(plan["reference_json"], encoding="utf-8"))
    assert without_sources(model["tables"]) == without_sources(reference["tables"]), "JSON tables differ from the fixture"
    files = {t["source"]["file"] for t in model["tables"] if t.get("source")}
    assert files == {os.path.basename(plan["sample"][0])}, files
    ok(f"sample download: {len(entries)} files; workbook read by openpyxl ({len(book.sheetnames)} sheets), "
       f"表1 CSV in GB18030 disclosure layout, JSON tables equal the fixture, sources named as uploaded")
    if shots:
        driver.save_screenshot(os.path.join(shots, "serve-result.png"))

    # 3. The broken copy: 13 CSV files, 表5 C5 changed.
    upload(plan["broken"])
    verdict = driver.find_element(By.ID, "verdict")
    assert not verdict.text.startswith("错误 0"), verdict.text
    assert "bad" in verdict.get_attribute("class").split()

    def broken_report():
        cell = driver.find_element(By.ID, "t5-C5")
        assert "cell-error" in cell.get_attribute("class").split(), cell.get_attribute("class")
        assert cell.text.startswith("1,000.00"), cell.text
        assert "1038.42" in cell.get_attribute("title")
        assert "cell-error" not in driver.find_element(By.ID, "t5-D5").get_attribute("class").split()
        items = [li for li in driver.find_elements(By.CSS_SELECTOR, "li.sev-error") if "T5.total-row" in li.text]
        assert items, "no T5.total-row finding listed"
        assert "预算公开表05.csv!C5" in items[0].text, items[0].text
        assert "upload-" not in driver.page_source, "the server's own file names leaked into the report"
    in_report(broken_report)
    if shots:
        driver.switch_to.frame(driver.find_element(By.ID, "report"))
        driver.find_element(By.ID, "t5").location_once_scrolled_into_view
        driver.switch_to.default_content()
        driver.execute_script("document.getElementById('report').scrollIntoView()")
        driver.save_screenshot(os.path.join(shots, "serve-broken.png"))
    archive = download("utf-8-bom", "tidy")
    first = archive.read("csv/预算公开表01.csv")
    assert first.startswith(b"\xef\xbb\xbf"), first[:8]
    model = json.loads(archive.read([n for n in archive.namelist() if n.endswith(".json")][0]))
    t5 = [t for t in model["tables"] if t["number"] == 5]
    assert 1000.0 in numbers(t5) and 1038.42 not in numbers(t5), "the broken amount is not in the JSON's 表5"
    ok("broken copy: 表5 C5 marked as an error with its finding naming 预算公开表05.csv; tidy UTF-8-BOM download")

    # 3b. The sample with its published 情况说明: the two figures that disagree, with their lines.
    upload(plan["sample"], narrative=plan["narrative"])
    text = driver.find_element(By.ID, "narrative-verdict").text
    assert text == "情况说明：核对 61 个数字，2 个与表不符，8 个无从核对", text
    names = [li.text for li in driver.find_elements(By.CSS_SELECTOR, "#files-read li")]
    assert names[-1] == os.path.basename(plan["narrative"]), names

    def narrative_rows():
        assert driver.find_element(By.ID, "summary-narrative").text == "核对 61 个数字，2 个与表不符，8 个无从核对"
        return [squash(row.text) for row in driver.find_elements(By.CSS_SELECTOR, "#narrative tbody tr")]
    rows = in_report(narrative_rows)
    assert len(rows) == 2, rows
    assert rows[0].startswith("91 ") and "0.96个百分比 0.97% 机关运行经费比上年增减幅度" in rows[0], rows[0]
    assert rows[1].startswith("109 ") and "879万元 66.07万元" in rows[1], rows[1]
    status, page = post([(os.path.basename(plan["sample"][0]), open(plan["sample"][0], "rb").read()),
                         ("说明.pdf", b"%PDF-1.4\n", "narrative")])
    assert status == 400 and "情况说明应为一个 .txt 文本文件：说明.pdf" in page, (status, page[:300])
    ok("sample with its narrative: lines 91 and 109 disagree with the tables; a PDF as narrative refused (400)")

    # 4. Hostile uploads: the browser sees the command line's refusal, urllib sees the status.
    for hostile in plan["hostile"]:
        upload([hostile["path"]])
        assert driver.find_elements(By.ID, "refusal"), (hostile["name"], driver.page_source[:400])
        reason = squash(driver.find_element(By.ID, "reason").text)
        assert reason == squash(hostile["expect"]), (hostile["name"], reason, hostile["expect"])
        status, _ = post([(hostile["name"], open(hostile["path"], "rb").read())])
        assert status == hostile["status"], (hostile["name"], status)
        ok(f"hostile {hostile['name']}: HTTP {status}, {reason[:70]}")

    status, page = post([("evil.exe", b"MZ\x90\x00")])
    assert status == 400 and "不支持的文件类型：evil.exe" in page, (status, page[:300])
    status, page = post([("../../../../tmp/yusuan-evil.xlsx", b"not a workbook")])
    assert status == 400 and "yusuan-evil.xlsx" in page and "../" not in page, (status, page[:600])
    assert not os.path.exists("/tmp/yusuan-evil.xlsx")
    status, page = post([("evil.exe", b"x")], lang="en")
    assert status == 400 and 'lang="en"' in page and "unsupported file type: evil.exe" in page, page[:300]
    ok("unsupported type and a path in the file name refused (400), in English with ?lang=en")

    upload([plan["too_large"]])
    assert "上传的文件太大" in driver.find_element(By.ID, "reason").text
    status, _ = post([("big.csv", open(plan["too_large"], "rb").read())])
    assert status == 413, status
    upload(plan["too_many"])
    assert "一次上传了" in driver.find_element(By.ID, "reason").text, driver.find_element(By.ID, "reason").text
    status, _ = post([(os.path.basename(p), open(p, "rb").read()) for p in plan["too_many"]])
    assert status == 400, status
    ok("too large (413) and too many files (400) refused with a page")

    # 5. And the server still serves.
    upload(plan["sample"])
    assert driver.find_element(By.ID, "verdict").text == "错误 0，警告 0，尾差 2"
    in_report(lambda: driver.find_element(By.ID, "t6-C5"))
    ok("a good upload after the hostile ones still works")
finally:
    driver.quit()
