"""Issue 9.1: on a shared school device nothing of the previous parent is reachable by Back, and a page the
browser restored from its back/forward cache can never be sent."""

import pytest
from selenium.webdriver.common.by import By

from conftest import Server
from kiosk_screen import (enter_code, field_value, go_back, hidden_value, is_form_page, is_start_page,
                          open_one_page_form, press, send_one_page_form, shows_nothing_of, tick_first_option_of_every_question,
                          type_answer, unlock, visible_text, wait_for)


@pytest.fixture(scope="module")
def server(peiling):
    server = Server(peiling, kiosk_idle=180)
    yield server
    server.stop()


def finish(driver, code: str, text: str) -> None:
    """A parent types the code, answers everything on the one-page form with `text` as the open answer, sends
    it, and the next parent presses "Start" on the thank-you page."""
    enter_code(driver, code)
    open_one_page_form(driver)
    tick_first_option_of_every_question(driver)
    type_answer(driver, "q-school-doen", text)
    send_one_page_form(driver)
    driver.find_element(By.CSS_SELECTOR, "main a.button").click()
    wait_for(driver, is_start_page, "the start page for the next parent")


def back_to_the_previous_parents_page(driver, check=None) -> None:
    """The next parent presses Back past their own start page and the thank-you page to the previous parent's
    one-page form. With `check` (run after every press) all four presses are made, as far back as the
    paged form; without it, the pressing stops on the one-page form (one press fewer when follow-up.js
    showed the follow-up question on the same page, so no second page was needed)."""
    for _ in range(4):
        go_back(driver)
        if check:
            check()
        elif "/kiosk/form/all" in driver.current_url:
            return


def test_back_after_the_next_parent_started_shows_nothing_of_the_previous_parent(peiling, server, browser):
    driver = browser()
    unlock(driver, server)
    text_a = "Ouder A: graag een gesprek over de overstap naar groep 6."
    finish(driver, peiling.codes["K01"], text_a)
    enter_code(driver, peiling.codes["K02"])

    # Whatever page Back lands on, parent A's answer is not on the screen: not restored from the browser's
    # cache, and not filled in by the browser into a page it fetched again.
    back_to_the_previous_parents_page(driver, lambda: wait_for(
        driver, shows_nothing_of(text_a), "a kiosk page without the previous parent's answer"))

    a = peiling.response("K01")
    assert a["complete"] and a["answers"]["school-doen"] == text_a
    b = peiling.response("K02")
    assert b is None or text_a not in b["answers"].values()


def test_a_page_restored_from_the_browser_cache_cannot_be_sent(peiling, server, browser):
    # A browser on which the kiosk script does not run: only the server's one-time token protects.
    driver = browser(block_kiosk_script=True)
    unlock(driver, server)
    text_a = "Ouder C: mijn kind wordt gepest op het plein."
    finish(driver, peiling.codes["K03"], text_a)
    enter_code(driver, peiling.codes["K04"])
    back_to_the_previous_parents_page(driver)
    # This is the reported situation: Chromium shows parent A's page again, with A's typed answer
    # (restored from the back/forward cache although every page is sent with Cache-Control: no-store).
    assert "/kiosk/form/all" in driver.current_url
    assert field_value(driver, "q-school-doen") == text_a

    press(driver, "Versturen")
    wait_for(driver, is_start_page, "the start page after sending a restored page")
    assert "verlopen" in visible_text(driver), "the parent is told why the page was not sent"

    # Nothing of parent A went into parent B's response, and A's own response is as A sent it.
    b = peiling.response("K04")
    assert b is None or text_a not in b["answers"].values()
    assert peiling.all_answer_texts().count(text_a) == 1
    assert peiling.response("K03")["answers"]["school-doen"] == text_a


def test_the_code_field_is_empty_after_stoppen_and_after_back(peiling, server, browser):
    driver = browser()
    unlock(driver, server)
    code = peiling.codes["K05"]
    enter_code(driver, code)
    driver.find_element(By.CSS_SELECTOR, "form.stop button").click()
    wait_for(driver, is_start_page, "the start page after Stoppen")
    assert field_value(driver, "code") == ""

    for _ in range(2):
        go_back(driver)
        wait_for(driver, shows_nothing_of(code), "a kiosk page without the previous parent's code")
        if is_start_page(driver):
            assert field_value(driver, "code") == ""
    assert code not in driver.page_source


def test_every_parent_gets_a_fresh_csrf_token(peiling, server, browser):
    driver = browser()
    unlock(driver, server)
    tokens = [hidden_value(driver, "csrf")]
    enter_code(driver, peiling.codes["K06"])
    tokens.append(hidden_value(driver, "csrf"))
    driver.find_element(By.CSS_SELECTOR, "form.stop button").click()
    wait_for(driver, is_start_page, "the start page after Stoppen")
    tokens.append(hidden_value(driver, "csrf"))
    enter_code(driver, peiling.codes["K02"])
    tokens.append(hidden_value(driver, "csrf"))
    # The start screen before parent A, A's form, the start screen after A, and parent B's form: four tokens.
    assert len(set(tokens)) == 4, tokens
