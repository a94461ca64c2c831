"""What a staff member and parents do on the kiosk screen, and what a person can read there."""

import time

from selenium.common.exceptions import TimeoutException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import STAFF_NAME, STAFF_PASSWORD

START_HEADING = "Wat heeft u nodig van school?"


def unlock(driver, server) -> None:
    """A staff member unlocks the kiosk for "digitaal op school"."""
    driver.get(server.url + "/kiosk")
    driver.find_element(By.ID, "name").send_keys(STAFF_NAME)
    driver.find_element(By.ID, "password").send_keys(STAFF_PASSWORD)
    driver.find_element(By.CSS_SELECTOR, "form[action='/kiosk/unlock'] button[type=submit]").click()
    wait_for(driver, is_start_page, "the kiosk start page after unlocking")


def enter_code(driver, code: str) -> None:
    """A parent types the code from the letter and starts."""
    field = driver.find_element(By.ID, "code")
    field.clear()
    field.send_keys(code)
    driver.find_element(By.CSS_SELECTOR, "form[action='/kiosk/start'] button[type=submit]").click()
    wait_for(driver, is_form_page, "the first form page after the code")


def is_start_page(driver) -> bool:
    return bool(driver.find_elements(By.CSS_SELECTOR, "form[action='/kiosk/start'] input#code"))


def is_form_page(driver) -> bool:
    return bool(driver.find_elements(By.CSS_SELECTOR, "form[action^='/kiosk/form'] input[name=shown]"))


def wait_for(driver, condition, what: str, seconds: float = 10):
    """Waits until `condition(driver)` holds (a page may still be loading or reloading)."""
    try:
        return WebDriverWait(driver, seconds, poll_frequency=0.1).until(lambda d: _safely(condition, d))
    except TimeoutException:
        raise AssertionError(f"waited {seconds} s for {what}; the screen shows {driver.current_url}:\n"
                             f"{visible_text(driver)[:600]}") from None


def _safely(condition, driver):
    try:
        return condition(driver)
    except Exception:  # the page changed under the check (a reload): try again
        return False


def shows_nothing_of(secret: str):
    """A condition for `wait_for`: a kiosk page is on the screen, loaded and shown, and `secret` is neither
    in what a person can read nor in the page itself."""
    def condition(driver) -> bool:
        shown = driver.execute_script(
            "return document.readyState === 'complete' && !!document.body && !document.body.hidden;")
        return (shown and "/kiosk" in driver.current_url and secret not in visible_text(driver)
                and secret not in driver.page_source)
    return condition


def visible_text(driver) -> str:
    """What a person can read: the page's text and the values in its fields (a textarea's value is not in
    the page source, so it is read through JavaScript)."""
    return driver.execute_script(
        "var out = [document.body ? document.body.innerText : ''];"
        "document.querySelectorAll('input[type=text], textarea').forEach(function (f) { out.push(f.value); });"
        "return out.join('\\n');")


def field_value(driver, element_id: str) -> str:
    return driver.execute_script("var f = document.getElementById(arguments[0]); return f ? f.value : null;", element_id)


def hidden_value(driver, name: str) -> str:
    return driver.find_element(By.CSS_SELECTOR, f"form:not(.stop) input[type=hidden][name='{name}']").get_attribute("value")


def go_back(driver) -> None:
    """Presses the browser's Back button, then gives a page restored from the back/forward cache a moment to
    replace itself (the kiosk script reloads it)."""
    driver.back()
    time.sleep(0.5)
    WebDriverWait(driver, 10).until(lambda d: _safely(lambda x: x.execute_script("return document.readyState") == "complete", d))


def open_one_page_form(driver) -> None:
    """Switches to "Alle vragen op één pagina"."""
    driver.find_element(By.CSS_SELECTOR, "p.layout-switch a").click()
    wait_for(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "form[action^='/kiosk/form/all']"), "the one-page form")


def tick_first_option_of_every_question(driver) -> None:
    """Answers every choice question on the page that has no answer yet with its first option."""
    driver.execute_script(
        "var seen = {};"
        "document.querySelectorAll('form:not(.stop) input[type=radio], form:not(.stop) input[type=checkbox]').forEach("
        "  function (box) {"
        "    if (seen[box.name]) { return; }"
        "    seen[box.name] = true;"
        "    if (!document.querySelector('input[name=\"' + box.name + '\"]:checked')) { box.click(); }"
        "  });")


def type_answer(driver, element_id: str, text: str) -> None:
    field = driver.find_element(By.ID, element_id)
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", field)
    field.clear()
    field.send_keys(text)


def press(driver, label: str) -> None:
    """Presses the button of the answers form with this label, e.g. "Versturen"."""
    for button in driver.find_elements(By.CSS_SELECTOR, "form:not(.stop) button[type=submit]"):
        if button.text.strip() == label:
            driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", button)
            button.click()
            return
    raise AssertionError(f"no button '{label}' on {driver.current_url}")


def send_one_page_form(driver) -> None:
    """Presses Versturen on the one-page form until the thank-you page (a follow-up question that appears
    is answered first)."""
    for _ in range(5):
        press(driver, "Versturen")
        wait_for(driver, lambda d: "/thanks" in d.current_url or d.find_elements(By.CSS_SELECTOR, "form:not(.stop)"),
                 "the next page after Versturen")
        if "/thanks" in driver.current_url:
            return
        tick_first_option_of_every_question(driver)
    raise AssertionError(f"the one-page form was not accepted: {visible_text(driver)[:600]}")
