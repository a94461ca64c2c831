"""Issue 10 in a real browser: the interview screen both people can read, read-aloud only where it can speak,
at most three choices, a follow-up question that appears at once, and axe-core 4.x on every kind of page."""

import json
import os
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By

from conftest import REPO, STAFF_NAME, STAFF_PASSWORD, Peiling, Server
from kiosk_screen import enter_code, unlock, visible_text, wait_for

ROSTER = Path(__file__).resolve().parent / "fixtures" / "roster-form.csv"
# axe-core 4.x, taken out of the axe-playwright-python wheel by `make setup-browser` (see README.md, "Tests").
AXE = Path(os.environ.get("AXE_JS", REPO / ".venv-browser" / "axe" / "axe.min.js"))


@pytest.fixture(scope="module")
def form_peiling(tmp_path_factory) -> Peiling:
    return Peiling(tmp_path_factory.mktemp("form"), roster=ROSTER,
                   settings=("--school", "Basisschool De Regenboog", "--contact", "juf Anna", "--contact-info",
                             "anna@deregenboog.nl", "--deadline", "2026-12-18"))


@pytest.fixture(scope="module")
def server(form_peiling):
    server = Server(form_peiling, kiosk_idle=180)
    yield server
    server.stop()


def log_in(driver, server) -> None:
    driver.get(server.url + "/staff/login")
    driver.find_element(By.ID, "name").send_keys(STAFF_NAME)
    driver.find_element(By.ID, "password").send_keys(STAFF_PASSWORD)
    driver.find_element(By.CSS_SELECTOR, "form[action='/staff/login'] button[type=submit]").click()
    wait_for(driver, lambda d: "/staff" in d.current_url and "login" not in d.current_url, "the dashboard")


def interview(driver, server, code: str, page: str = "") -> None:
    """Opens the interview screen in Arabic with a professional interpreter."""
    query = "method=oral_interpreter&interpreter=professional&lang=ar" + (f"&page={page}" if page else "")
    driver.get(f"{server.url}/staff/interview/{code.replace('-', '')}?{query}")
    wait_for(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "input[name=shown]"), "the interview form")


def parent_page(driver, server, code: str, page: str) -> None:
    driver.get(f"{server.url}/s/{code.replace('-', '')}?page={page}&lang=nl")
    wait_for(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "input[name=shown]"), f"the form page {page}")


def press(driver, value: str) -> None:
    driver.find_element(By.CSS_SELECTOR, f"form button[type=submit][value='{value}']").click()


def test_interview_screen_shows_dutch_interface_texts_beside_arabic(form_peiling, server, browser):
    driver = browser()
    log_in(driver, server)
    interview(driver, server, form_peiling.codes["F01"])
    text = visible_text(driver)
    for arabic, dutch in [("التالي", "Volgende"), ("الجزء 1 من", "Deel 1 van"), ("اختر إجابة واحدة.", "Kies één antwoord."),
                          ("(يمكنك تخطي هذا السؤال)", "(mag u overslaan)")]:
        assert arabic in text and dutch in text, f"'{arabic}' with '{dutch}' beside it"
    assert "Invullen kan tot en met vrijdag 18 december 2026." in text
    # A required question left open: the error in both languages, focus on the summary, the field marked invalid.
    press(driver, "next")
    wait_for(driver, lambda d: d.find_elements(By.ID, "errors"), "the error summary")
    text = visible_text(driver)
    assert "يُرجى الإجابة عن هذا السؤال." in text and "Vul dit in, alstublieft." in text
    assert driver.execute_script("return document.activeElement.id") == "errors"
    assert driver.find_elements(By.CSS_SELECTOR, "[aria-invalid=true]")
    # The staff banner is inside a landmark.
    assert driver.execute_script("return !!document.querySelector('header .staff-banner')")


def test_read_aloud_is_absent_when_its_script_is_blocked_or_the_browser_has_no_voice(form_peiling, server, browser):
    blocked = browser()
    blocked.execute_cdp_cmd("Network.enable", {})
    blocked.execute_cdp_cmd("Network.setBlockedURLs", {"urls": ["*/static/read-aloud.js"]})
    parent_page(blocked, server, form_peiling.codes["F02"], "informatie")
    assert blocked.find_elements(By.CSS_SELECTOR, "button.read-aloud")
    assert not [b for b in blocked.find_elements(By.CSS_SELECTOR, "button.read-aloud") if b.is_displayed()]
    assert "Lees voor" not in visible_text(blocked)

    driver = browser()
    parent_page(driver, server, form_peiling.codes["F02"], "informatie")
    voices = driver.execute_script("return speechSynthesis.getVoices().filter(v => v.lang.toLowerCase().startsWith('nl')).length")
    shown = [b for b in driver.find_elements(By.CSS_SELECTOR, "button.read-aloud") if b.is_displayed()]
    assert bool(shown) == bool(voices), f"{len(shown)} read-aloud buttons shown with {voices} Dutch voices"


def test_a_fourth_choice_is_refused_with_a_message(form_peiling, server, browser):
    driver = browser()
    parent_page(driver, server, form_peiling.codes["F03"], "samenwerken")
    boxes = driver.find_elements(By.CSS_SELECTOR, "input[name='q-samen-belangrijk']")
    for box in boxes[:4]:
        driver.execute_script("arguments[0].click();", box)
    press(driver, "save")
    wait_for(driver, lambda d: d.find_elements(By.ID, "errors"), "the error summary")
    assert "U koos er te veel. Kies er hoogstens 3." in visible_text(driver)
    assert len(driver.find_elements(By.CSS_SELECTOR, "input[name='q-samen-belangrijk']:checked")) == 4
    assert (form_peiling.response("F03") or {"answers": {}})["answers"].get("samen-belangrijk") is None


def test_a_follow_up_question_appears_without_a_reload_and_is_saved_in_one_go(form_peiling, server, browser):
    driver = browser()
    parent_page(driver, server, form_peiling.codes["F05"], "meedoen")
    follow_up = driver.find_element(By.ID, "q-meedoen-wat")
    assert not follow_up.is_displayed()
    yes = driver.find_element(By.CSS_SELECTOR, "input[name='q-meedoen-wil'][value='ja-graag']")
    driver.execute_script("arguments[0].click();", yes)
    wait_for(driver, lambda d: d.find_element(By.ID, "q-meedoen-wat").is_displayed(), "the follow-up question")
    url = driver.current_url
    driver.execute_script("arguments[0].click();", driver.find_element(By.CSS_SELECTOR, "input[name='q-meedoen-wat']"))
    for name in driver.execute_script(
            "return Array.from(document.querySelectorAll('section.question:not([hidden]) input[type=radio], section.question:not([hidden]) input[type=checkbox]'))"
            ".map(b => b.name).filter((n, i, all) => all.indexOf(n) === i)"):
        if not driver.find_elements(By.CSS_SELECTOR, f"input[name='{name}']:checked"):
            driver.execute_script("arguments[0].click();", driver.find_element(By.CSS_SELECTOR, f"input[name='{name}']"))
    press(driver, "next")
    wait_for(driver, lambda d: d.current_url != url, "the next page")
    stored = form_peiling.response("F05")
    assert stored and stored["answers"].get("meedoen-wat"), "the follow-up was saved with the first press"


def axe_violations(driver) -> list:
    driver.execute_script(AXE.read_text(encoding="utf-8"))
    result = driver.execute_async_script(
        "var done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}})"
        ".then(function (r) { done(JSON.stringify({version: axe.version, violations: r.violations.map(function (v) {"
        "  return {id: v.id, nodes: v.nodes.map(function (n) { return n.target.join(' '); })}; })})); });")
    return json.loads(result)


@pytest.mark.skipif(not AXE.exists(), reason="axe.min.js is missing: run `make setup-browser`")
def test_axe_core_finds_no_violation_on_the_parent_form_kiosk_interview_and_dashboard(form_peiling, server, browser):
    driver = browser()
    driver.set_script_timeout(30)
    pages = {}
    parent_page(driver, server, form_peiling.codes["F02"], "informatie")
    pages["parent form"] = axe_violations(driver)
    press(driver, "next")
    wait_for(driver, lambda d: d.find_elements(By.ID, "errors"), "the error summary")
    pages["parent form with errors"] = axe_violations(driver)
    log_in(driver, server)
    pages["dashboard"] = axe_violations(driver)
    interview(driver, server, form_peiling.codes["F04"])
    pages["interview screen"] = axe_violations(driver)
    kiosk = browser()
    unlock(kiosk, server)
    pages["kiosk start"] = axe_violations(kiosk)
    enter_code(kiosk, form_peiling.codes["F06"])
    pages["kiosk form"] = axe_violations(kiosk)
    for name, result in pages.items():
        assert result["version"].startswith("4."), result["version"]
    found = {name: result["violations"] for name, result in pages.items() if result["violations"]}
    assert not found, json.dumps(found, indent=1, ensure_ascii=False)
