#!/usr/bin/env python3
"""The clerks' page in a real browser (Debian's chromium, headless, driven by
python3-selenium and chromium-driver).

Starts `vanban serve` on an index of the TXT samples, searches "dang uy khoi",
opens a document and checks that a deadline, once clicked, is highlighted in
its sentence, uploads a PDF of the samples and finds it by search, and opens
the agenda. A screenshot of each page goes under --out. Exits 77 (a skip
for ctest) when chromium or its driver is not installed.
"""
import argparse
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request

SKIP = 77


def find(*names):
    for name in names:
        path = shutil.which(name) or (name if os.path.exists(name) else None)
        if path:
            return path
    return None


def start_server(vanban, index):
    proc = subprocess.Popen(
        [vanban, "serve", "--index", index, "--listen", "127.0.0.1:0", "--quiet"],
        stdout=subprocess.PIPE, stderr=sys.stderr, text=True)
    line = proc.stdout.readline()
    if "serving http://" not in line:
        proc.kill()
        raise SystemExit("vanban serve did not start: " + line)
    return proc, line.split("serving ")[1].split()[0].rstrip("/")


def get_json(url):
    with urllib.request.urlopen(url, timeout=60) as r:
        return json.load(r)


class Page:
    def __init__(self, driver, base, out):
        self.d, self.base, self.out = driver, base, out

    def wait(self, css, timeout=60, all_of=False):
        from selenium.webdriver.common.by import By
        from selenium.webdriver.support import expected_conditions as EC
        from selenium.webdriver.support.ui import WebDriverWait
        cond = (EC.presence_of_all_elements_located if all_of else EC.presence_of_element_located)
        return WebDriverWait(self.d, timeout).until(cond((By.CSS_SELECTOR, css)))

    def shot(self, name):
        path = os.path.join(self.out, name + ".png")
        self.d.save_screenshot(path)
        print("screenshot", path)

    def css(self, sel):
        from selenium.webdriver.common.by import By
        return self.d.find_elements(By.CSS_SELECTOR, sel)


def check(cond, what):
    if not cond:
        raise AssertionError(what)
    print("ok:", what)


def search(page, words):
    box = page.css("#q")[0]
    box.clear()
    box.send_keys(words)
    page.css("#search-button")[0].click()
    return page.wait("#results li.hit", all_of=True)


def test_search(page):
    page.d.get(page.base + "/")
    page.wait("#q")
    hits = search(page, "dang uy khoi")
    check(len(hits) >= 3, "searching 'dang uy khoi' lists the documents (%d)" % len(hits))
    check(len(page.css("#results .snippet mark")) > 0, "the snippets highlight the matches")
    page.shot("browser-search")
    return hits


def pick_document_with_deadlines(page):
    for link in page.css("#results li.hit a.title"):
        doc_id = link.get_attribute("href").split("#/doc/")[1]
        plan = get_json(page.base + "/api/documents/" + doc_id)
        if plan.get("deadlines"):
            return link, plan
    raise AssertionError("no document with a deadline among the hits")


def test_document(page):
    link, plan = pick_document_with_deadlines(page)
    link.click()
    page.wait("#doc-text mark.v-deadline")
    page.wait("#doc-fields li.field-deadline")
    check(len(page.css("#doc-text mark.v")) > 3, "the text highlights the extracted values")
    page.css("#doc-fields li.field-deadline")[0].click()
    mark = page.wait("#doc-text mark.v-deadline.focus")
    sentence = page.d.execute_script(
        "const m = document.querySelector('#doc-text mark.v-deadline.focus');"
        "const s = m && m.closest('.sentence.focus'); return s ? s.textContent : null;")
    check(sentence is not None, "the clicked deadline is highlighted inside its sentence")
    check(mark.text.strip() in sentence and len(sentence) > len(mark.text),
          "the sentence holds the deadline (%r in %r)" % (mark.text, sentence[:120]))
    first = plan["deadlines"][0]
    text = plan["text"].encode("utf-8")
    check(mark.text.strip() == text[first["span"]["begin"]:first["span"]["end"]].decode().strip(),
          "the highlight is the deadline's own span (%r)" % mark.text)
    check(page.css("aside li.field-deadline.focus"), "its field is marked too")
    page.d.execute_script("window.scrollTo(0, 0)")
    page.shot("browser-document")


def test_upload(page, pdf):
    page.d.get(page.base + "/#/upload")
    page.wait("#upload-file").send_keys(pdf)
    page.css("#upload-button")[0].click()
    link = page.wait("#uploaded-link", timeout=240)
    doc_id = link.get_attribute("href").split("#/doc/")[1]
    page.shot("browser-upload")
    plan = get_json(page.base + "/api/documents/" + doc_id)
    paths = [s["path"] for s in plan.get("sources") or [plan["source"]]]
    check(any(p.endswith(os.path.basename(pdf)) for p in paths),
          "the PDF was ingested (a source of document %s)" % doc_id[:12])
    page.d.get(page.base + "/#/search")
    page.wait("#q")
    words = " ".join((plan["document"].get("subject") or "dang uy khoi").split()[:6])
    search(page, words)
    # The PDF of a directive already indexed as text is one more source of
    # that document: the search finds the document, read from its primary.
    primary = next((s["sha256"] for s in plan.get("sources", []) if s.get("primary")), doc_id)
    check(any(s["path"].endswith(os.path.basename(pdf)) for s in plan.get("sources", [])),
          "the PDF is listed among the document's sources")
    found = page.css('#results a[href="#/doc/%s"]' % primary)
    check(found, "the uploaded PDF's document is found by searching %r" % words)
    page.shot("browser-search-upload")


def test_agenda(page):
    page.css("#nav-agenda")[0].click()
    groups = page.wait("#agenda .lead-group", all_of=True)
    check(len(groups) >= 1, "the agenda groups the tasks by lead body (%d groups)" % len(groups))
    check(page.css("#agenda tr"), "the agenda lists dated tasks")
    page.shot("browser-agenda")
    from selenium.webdriver.support.ui import Select
    Select(page.css("#agenda-when")[0]).select_by_value("overdue")
    badges = page.css("#agenda tr")
    check(all(r.get_attribute("class") == "overdue" for r in badges),
          "the overdue filter keeps overdue tasks only (%d)" % len(badges))
    Select(page.css("#agenda-when")[0]).select_by_value("all")
    page.css("#agenda tr a")[0].click()
    page.wait("#doc-text .sentence.focus")
    check(True, "an agenda row opens its task in the document")


def make_driver(chromium, driver_path):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    opts = webdriver.ChromeOptions()
    opts.binary_location = chromium
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1400,1000", "--lang=vi"):
        opts.add_argument(arg)
    return webdriver.Chrome(service=Service(driver_path), options=opts)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--vanban", required=True)
    ap.add_argument("--source", required=True)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    chromium = find("chromium", "chromium-browser", "/usr/bin/chromium")
    driver_path = find("chromedriver", "/usr/bin/chromedriver")
    if not chromium or not driver_path:
        print("skipped: chromium or chromedriver is not installed")
        return SKIP
    os.makedirs(args.out, exist_ok=True)
    scratch = tempfile.mkdtemp(prefix="vanban-browser-")
    index = os.path.join(scratch, "index.sqlite")
    samples = sorted(glob.glob(os.path.join(args.source, "samples", "*.txt")))
    subprocess.run([args.vanban, "ingest", "--index", index, "--no-progress"] + samples,
                   check=True, stdout=subprocess.DEVNULL)
    pdf = os.path.abspath(sorted(glob.glob(os.path.join(args.source, "samples", "0*.pdf")))[0])
    server, base = start_server(args.vanban, index)
    driver = None
    try:
        driver = make_driver(chromium, driver_path)
        page = Page(driver, base, args.out)
        test_search(page)
        test_document(page)
        test_upload(page, pdf)
        test_agenda(page)
        errors = [e for e in driver.get_log("browser") if e.get("level") == "SEVERE"]
        check(not errors, "no script errors in the page (%s)" % errors[:3])
    finally:
        if driver:
            driver.quit()
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(scratch, ignore_errors=True)
    print("browser test passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
