"""The HTML report in a real browser: headless Chromium driven by selenium.

Clicking a finding highlights its bead row on both sides, the type filters hide and show findings,
the page runs under its Content-Security-Policy without violations, and hostile text stays text.
A screenshot is saved to artifacts/browser-report.png for people to look at.
"""
from __future__ import annotations

import os
import shutil
import time
from pathlib import Path
from typing import Iterator

import pytest

from conftest import ROOT, UDHR, run_cli_inprocess

CHROMIUM = next((p for p in (shutil.which("chromium"), shutil.which("chromium-browser"), "/usr/bin/chromium")
                 if p and os.path.exists(p)), None)
CHROMEDRIVER = next((p for p in (shutil.which("chromedriver"), "/usr/bin/chromedriver") if p and os.path.exists(p)),
                    None)
if CHROMIUM is None or CHROMEDRIVER is None:
    pytest.skip("no chromium/chromedriver binary (Debian: apt-get install chromium chromium-driver)",
                allow_module_level=True)
webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed (pip install selenium)")
from selenium.common.exceptions import NoAlertPresentException  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

ARTIFACTS = ROOT / "artifacts"
HIGHLIGHT = "rgba(227, 242, 253, 1)"  # #e3f2fd, tr.bead.active td.src / td.tgt in report/html.py
REMOVED_SENTENCE = "Everyone has the right to life, liberty and the security of person."
ADDED_SENTENCE = "Every person shall also receive a free bicycle on the first Monday of each month."


@pytest.fixture(scope="module")
def browser(tmp_path_factory) -> Iterator["webdriver.Chrome"]:
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    profile = tmp_path_factory.mktemp("chromium-profile")
    for argument in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync",
                     "--disable-dev-shm-usage", f"--user-data-dir={profile}", "--window-size=1400,1000"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    service = webdriver.ChromeService(executable_path=CHROMEDRIVER)
    driver = webdriver.Chrome(options=options, service=service)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Path:
    """UDHR with Article 3 removed from the English and a sentence added: several findings."""
    folder = tmp_path_factory.mktemp("browser-report")
    english = (UDHR / "en.txt").read_text(encoding="utf-8")
    assert REMOVED_SENTENCE in english
    english = english.replace(REMOVED_SENTENCE + "\n", "").replace(
        "Article 5\n", f"Article 5\n{ADDED_SENTENCE}\n")
    en_path = folder / "en-edited.txt"
    en_path.write_text(english, encoding="utf-8")
    out = folder / "report.html"
    # The test is about the page, not detection: a low threshold makes sure the one-sentence omission and
    # addition are listed whatever their calibrated confidence.
    run = run_cli_inprocess(["compare", UDHR / "zh.txt", en_path, "--format", "html", "--min-confidence", "0.05",
                             "-o", out])
    assert run.code == 0, run.stderr
    return out


def visible(elements) -> list:
    return [element for element in elements if element.is_displayed()]


def csp_violations(driver) -> list[str]:
    return [entry["message"] for entry in driver.get_log("browser")
            if "Content Security Policy" in entry["message"] or "Refused to" in entry["message"]]


def test_click_finding_highlights_its_bead_on_both_sides(browser, report):
    browser.get(report.as_uri())
    findings = browser.find_elements(By.CSS_SELECTOR, "li.finding")
    types = {item.get_attribute("data-type") for item in findings}
    assert len(findings) >= 3 and {"omission", "addition"} <= types, types
    # The omitted Article 3 is the finding to click.
    target = next(item for item in findings
                  if item.get_attribute("data-type") == "omission" and "人人有权享有生命" in item.text)
    bead = target.get_attribute("data-bead")
    assert bead and bead.isdigit()
    row = browser.find_element(By.ID, f"bead-{bead}")
    assert "active" not in row.get_attribute("class").split()
    target.click()
    WebDriverWait(browser, 5).until(lambda d: "active" in row.get_attribute("class").split())
    assert "active" in target.get_attribute("class").split()
    source_cell = row.find_element(By.CSS_SELECTOR, "td.src")
    target_cell = row.find_element(By.CSS_SELECTOR, "td.tgt")
    assert "人人有权享有生命" in source_cell.text
    assert "(no counterpart)" in target_cell.text
    for cell in (source_cell, target_cell):
        assert cell.value_of_css_property("background-color") == HIGHLIGHT
    assert len(browser.find_elements(By.CSS_SELECTOR, "tr.bead.active")) == 1
    # The row was scrolled into view (smoothly): wait until it is inside the viewport.
    WebDriverWait(browser, 5).until(lambda d: d.execute_script(
        "var r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight;", row))
    time.sleep(0.3)
    ARTIFACTS.mkdir(exist_ok=True)
    assert browser.save_screenshot(str(ARTIFACTS / "browser-report.png"))
    # Clicking another finding moves the highlight.
    addition = next(item for item in findings if item.get_attribute("data-type") == "addition")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'});", addition)
    addition.click()
    other = browser.find_element(By.ID, f"bead-{addition.get_attribute('data-bead')}")
    WebDriverWait(browser, 5).until(lambda d: "active" in other.get_attribute("class").split())
    assert "active" not in row.get_attribute("class").split()
    assert ADDED_SENTENCE in other.find_element(By.CSS_SELECTOR, "td.tgt").text
    assert csp_violations(browser) == []


def test_type_filters_hide_and_show_findings(browser, report):
    browser.get(report.as_uri())
    all_findings = browser.find_elements(By.CSS_SELECTOR, "li.finding")
    omissions = [item for item in all_findings if item.get_attribute("data-type") == "omission"]
    others = [item for item in all_findings if item.get_attribute("data-type") != "omission"]
    assert omissions and others
    assert len(visible(all_findings)) == len(all_findings)
    box = browser.find_element(By.CSS_SELECTOR, 'input[data-filter="omission"]')
    assert box.is_selected()
    box.click()
    WebDriverWait(browser, 5).until(lambda d: not any(item.is_displayed() for item in omissions))
    assert len(visible(others)) == len(others)
    box.click()
    WebDriverWait(browser, 5).until(lambda d: all(item.is_displayed() for item in omissions))
    # "only beads with findings" hides the rows without findings, and only those.
    rows = browser.find_elements(By.CSS_SELECTOR, "tr.bead")
    flagged = [row for row in rows if row.get_attribute("data-findings")]
    assert 0 < len(flagged) < len(rows)
    browser.find_element(By.ID, "only-findings").click()
    WebDriverWait(browser, 5).until(lambda d: len(visible(rows)) == len(flagged))
    assert all(row.is_displayed() for row in flagged)
    assert csp_violations(browser) == []


def test_hostile_report_runs_no_injected_code(browser, tmp_path, udhr_zh, udhr_en):
    from test_bad_input import HOSTILE, hostile_pair

    zh_path, en_path = hostile_pair(tmp_path, udhr_zh, udhr_en)
    out = tmp_path / "hostile.html"
    assert run_cli_inprocess(["compare", zh_path, en_path, "--format", "html", "-o", out]).code == 0
    browser.get(out.as_uri())
    with pytest.raises(NoAlertPresentException):
        browser.switch_to.alert.text  # noqa: B018 - an alert would mean injected script ran
    assert browser.find_elements(By.TAG_NAME, "img") == []
    assert len(browser.find_elements(By.TAG_NAME, "script")) == 1
    page_text = browser.find_element(By.TAG_NAME, "body").text
    for hostile in HOSTILE:
        assert hostile in page_text
    hovered = browser.execute_script(
        "return Array.from(document.querySelectorAll('*')).filter(e => e.hasAttribute('onmouseover')).length")
    assert hovered == 0
    # The report's own script still works under the CSP: clicking a finding activates it.
    item = browser.find_element(By.CSS_SELECTOR, "li.finding")
    item.click()
    WebDriverWait(browser, 5).until(lambda d: "active" in item.get_attribute("class").split())
    assert csp_violations(browser) == []
