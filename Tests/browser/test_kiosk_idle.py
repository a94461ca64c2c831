"""Issue 9.2: the kiosk's idle time counts from the parent's last input, not from the page load, and what a
parent typed is saved as a draft under their code before the screen returns to the start."""

import time

import pytest
from selenium.webdriver.common.by import By

from conftest import Server, chromium
from kiosk_screen import (enter_code, go_back, hidden_value, is_form_page, is_start_page, open_one_page_form,
                          shows_nothing_of, tick_first_option_of_every_question, type_answer, unlock, wait_for)

# The smallest idle time `serve` accepts.
IDLE = 30


@pytest.fixture(scope="module")
def server(peiling):
    server = Server(peiling, kiosk_idle=IDLE)
    yield server
    server.stop()


@pytest.fixture(scope="module", autouse=True)
def one_page_parent_left_idle(peiling, server):
    """A parent on a second kiosk answers part of the one-page form and then only reads. Started before the
    other tests of this file so that its idle time passes while they run (the suite stays short)."""
    driver = chromium()
    unlock(driver, server)
    enter_code(driver, peiling.codes["K05"])
    open_one_page_form(driver)
    tick_first_option_of_every_question(driver)
    text = "Ouder E: ik lees alles rustig door, het is een lange lijst."
    type_answer(driver, "q-school-doen", text)
    yield driver, text
    driver.quit()


def test_a_parent_who_keeps_answering_stays_and_what_they_typed_is_saved_when_they_stop(peiling, server, browser):
    driver = browser()
    unlock(driver, server)
    enter_code(driver, peiling.codes["K01"])
    driver.get(server.url + "/kiosk/form?page=tot-slot")
    wait_for(driver, is_form_page, "the last page of the form")
    words = "Wij willen graag meer horen over de overstap naar groep zes en over het huiswerk".split()
    typed = []
    started = time.monotonic()
    # One click and one word every two seconds, for longer than the idle time.
    while time.monotonic() - started < IDLE + 6:
        field = driver.find_element(By.ID, "q-school-doen")
        field.click()
        word = words[len(typed) % len(words)]
        field.send_keys(word + " ")
        typed.append(word)
        time.sleep(2)
        assert is_form_page(driver) and hidden_value(driver, "page") == "tot-slot", \
            f"the parent was sent away after {time.monotonic() - started:.0f} s of answering"
    text = " ".join(typed)

    # Then the parent walks away: after the idle time the page is saved as a draft and the start screen returns.
    wait_for(driver, is_start_page, "the start screen after the idle time", seconds=IDLE + 20)
    stored = peiling.response("K01")
    assert stored is not None, "what the parent typed was saved"
    assert stored["answers"]["school-doen"] == text
    assert not stored["complete"], "a draft is not a sent form"


def test_the_one_page_form_saves_a_draft_when_left_idle(peiling, one_page_parent_left_idle):
    driver, text = one_page_parent_left_idle
    wait_for(driver, is_start_page, "the start screen after the idle time", seconds=IDLE + 20)
    stored = peiling.response("K05")
    assert stored is not None, "what the parent typed on the one-page form was saved"
    assert stored["answers"]["school-doen"] == text
    assert len(stored["answers"]) > 1, "the ticked answers were saved too"
    assert not stored["complete"]

    # Nothing of this parent is on the screen again after Back.
    go_back(driver)
    wait_for(driver, shows_nothing_of(text), "a kiosk page without the previous parent's answer")
