"""50 concurrent uploads of the sample to `yusuan serve` (argv: base URL, count, files...): a
bounded client on loopback, each request with a 300 s timeout. Every answer must be the sample's
result page (HTTP 200, its verdict, its report link). Prints "ok: N uploads in S s" or raises."""
import concurrent.futures
import re
import sys
import time
import urllib.request
import uuid

base, count, paths = sys.argv[1].rstrip("/"), int(sys.argv[2]), sys.argv[3:]
files = [(p.rsplit("/", 1)[-1], open(p, "rb").read()) for p in paths]


def one(_):
    boundary = "----yusuan" + uuid.uuid4().hex
    body = bytearray()
    for name, data in files:
        body += f'--{boundary}\r\nContent-Disposition: form-data; name="files"; filename="{name}"\r\n\r\n'.encode()
        body += data + b"\r\n"
    body += f"--{boundary}--\r\n".encode()
    request = urllib.request.Request(base + "/report", data=bytes(body), method="POST",
                                     headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})
    with urllib.request.urlopen(request, timeout=300) as response:
        page = response.read().decode("utf-8")
        assert response.status == 200, response.status
    assert '<p id="verdict" class="verdict warn">错误 0，警告 0，尾差 2</p>' in page, page[:500]
    token = re.search(r'src="/report/([0-9a-f]{32})', page).group(1)
    with urllib.request.urlopen(f"{base}/report/{token}", timeout=300) as response:
        report = response.read().decode("utf-8")
    assert 'id="t6-C5"' in report and "cell-rounding" in report
    return token


start = time.time()
with concurrent.futures.ThreadPoolExecutor(max_workers=count) as pool:
    tokens = list(pool.map(one, range(count)))
assert len(set(tokens)) == count, "two uploads got the same token"
print(f"ok: {count} concurrent uploads answered correctly in {time.time() - start:.1f} s", flush=True)
