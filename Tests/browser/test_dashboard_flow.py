"""Issue 14 in a real browser: a teacher runs the whole peiling from the dashboard on a new database, without
a terminal: first account, start, class list, sample, letters, one paper form typed in, status, report,
close and forget; and the error paths (a broken survey, a damaged class list, a wrong code). The paper form
is typed from the same input file the CLI reads (`Surveys/demo/entry-paper.txt`), and the keystrokes of both
are counted (README.md, "Dashboard")."""

import csv
import io
import os
import sqlite3
import subprocess
import urllib.request
import zipfile
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from conftest import BINARY, REPO, Server
from kiosk_screen import wait_for

DEMO_ROSTER = REPO / "Surveys" / "demo" / "roster-groep5.csv"
PAPER_ENTRY = REPO / "Surveys" / "demo" / "entry-paper.txt"
NAME, PASSWORD = "juf-anna", "geheim-wachtwoord"
# Screenshots of every dashboard page at laptop width, for a person to look at (set SCREENSHOTS=folder).
SCREENSHOTS = os.environ.get("SCREENSHOTS")


class NewDatabase:
    """Where `ouderstem serve` makes a new database: nothing prepared with the CLI."""

    def __init__(self, directory: Path):
        self.directory = directory
        self.db = directory / "ouderstem.sqlite"


class DashboardServer(Server):
    def __init__(self, place: NewDatabase):
        # The shipped surveys are found in ./Surveys, as when a teacher starts it in the installation folder.
        cwd = os.getcwd()
        os.chdir(REPO)
        try:
            super().__init__(place, kiosk_idle=180)
        finally:
            os.chdir(cwd)


@pytest.fixture(scope="module")
def place(tmp_path_factory) -> NewDatabase:
    assert BINARY.exists(), f"build the CLI first ({BINARY} is missing): swift build --product ouderstem"
    return NewDatabase(tmp_path_factory.mktemp("dashboard"))


@pytest.fixture(scope="module")
def server(place):
    server = DashboardServer(place)
    yield server
    server.stop()


def shoot(driver, name: str) -> None:
    if SCREENSHOTS:
        Path(SCREENSHOTS).mkdir(parents=True, exist_ok=True)
        driver.save_screenshot(str(Path(SCREENSHOTS) / f"{name}.png"))


def text(driver) -> str:
    return driver.find_element(By.TAG_NAME, "body").text


def submit(driver, form_action: str) -> None:
    driver.find_element(By.CSS_SELECTOR, f"form[action='{form_action}'] button[type=submit]").click()


def download(driver, server, path: str) -> bytes:
    """A file as the logged-in browser would download it (same session cookie)."""
    cookie = "; ".join(f"{c['name']}={c['value']}" for c in driver.get_cookies())
    request = urllib.request.Request(server.url + path, headers={"Cookie": cookie})
    with urllib.request.urlopen(request, timeout=60) as response:
        assert response.status == 200
        return response.read()


def type_paper_form(driver, lines: list[str]) -> int:
    """Types a paper form on the entry screen as the CLI reads it: one line per question (and per "other"
    text), Enter after each, then Enter on the summary. Returns the keystrokes typed after the code."""
    keys = 0
    position = 0
    while driver.find_elements(By.CSS_SELECTOR, "input#line, input#other"):
        field = driver.find_element(By.CSS_SELECTOR, "input#line, input#other")
        assert field == driver.switch_to.active_element, "the answer field has the focus: no mouse, no Tab needed"
        field.clear()
        field.send_keys(lines[position] + Keys.ENTER)
        keys += len(lines[position]) + 1
        position += 1
        wait_for(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "input#line, input#other, button#save"), "the next question")
        if position == 12:
            assert driver.find_elements(By.CSS_SELECTOR, ".entry-running li"), "the answers so far are in view"
            shoot(driver, "12a-entry-running")
    # The summary: the save button has the focus, Enter saves.
    shoot(driver, "12b-entry-summary")
    assert driver.switch_to.active_element == driver.find_element(By.ID, "save")
    driver.switch_to.active_element.send_keys(Keys.ENTER)
    keys += 1
    assert lines[position:] == ["j"], f"the CLI's input has the same questions: left over {lines[position:]}"
    return keys


def test_a_teacher_runs_the_whole_peiling_from_the_dashboard(place, server, browser):
    driver = browser()
    driver.set_window_size(1366, 900)

    # 1. First run: no account, so the dashboard offers to make one (this is the machine itself).
    driver.get(server.url + "/staff")
    wait_for(driver, lambda d: "Welkom bij Ouderstem" in text(d), "the first-run page")
    shoot(driver, "01-setup")
    driver.find_element(By.ID, "name").send_keys(NAME)
    driver.find_element(By.ID, "password").send_keys(PASSWORD)
    driver.find_element(By.ID, "again").send_keys(PASSWORD)
    submit(driver, "/staff/setup")
    wait_for(driver, lambda d: "Een peiling starten" in text(d), "the start page")
    shoot(driver, "02-start")

    # A broken survey file: its line and message are shown, nothing starts.
    broken = place.directory / "kapot.yaml"
    broken.write_text("id: kapot\nversion: 1\ntitle: { nl: \"Kapot\" }\nthemes:\n  - id: a\n    questions: [\n", encoding="utf-8")
    driver.find_element(By.ID, "survey-upload").click()
    driver.find_element(By.ID, "upload").send_keys(str(broken))
    submit(driver, "/staff/start")
    wait_for(driver, lambda d: d.find_elements(By.ID, "errors"), "the survey's problems")
    assert "kapot.yaml, regel 7: YAML syntax" in driver.find_element(By.ID, "errors").text
    shoot(driver, "03-start-broken-yaml")

    # 2. Start from the shipped survey, with the settings the letter needs.
    driver.find_element(By.ID, "survey-behoeften-ouders.yaml").click()
    for field, value in [("name", "Groep 5, najaar 2026"), ("school", "Basisschool De Regenboog"), ("groups", "groep 5A en 5B"),
                         ("contact", "juf Anna de Vries"), ("contactInfo", "anna@deregenboog.nl"), ("deadline", "18-12-2026")]:
        element = driver.find_element(By.ID, field)
        element.clear()
        element.send_keys(value)
    submit(driver, "/staff/start")
    wait_for(driver, lambda d: "Klassenlijst" in text(d), "the class list page")

    # 3. A damaged class list: the row is named, nothing is imported.
    damaged = place.directory / "kapot.csv"
    damaged.write_text("id;kind;groep\nL01;Sara;5A\n;Daan;5A\n", encoding="utf-8")
    driver.find_element(By.ID, "roster").send_keys(str(damaged))
    submit(driver, "/staff/roster/preview")
    wait_for(driver, lambda d: d.find_elements(By.ID, "errors"), "the roster's errors")
    errors = driver.find_element(By.ID, "errors").text
    assert "Rij 3: de id is leeg" in errors and "Er is niets ingelezen" in errors
    shoot(driver, "04-roster-damaged")

    # The demo class list: a preview of what changes, then confirmed.
    driver.find_element(By.ID, "roster").send_keys(str(DEMO_ROSTER))
    submit(driver, "/staff/roster/preview")
    wait_for(driver, lambda d: d.find_elements(By.ID, "summary"), "the preview")
    assert "30 nieuw, 0 gewijzigd, 0 ongewijzigd" in driver.find_element(By.ID, "summary").text
    shoot(driver, "05-roster-preview")
    submit(driver, "/staff/roster/import")
    wait_for(driver, lambda d: d.find_elements(By.ID, "note"), "the import's result")
    assert "Ingelezen: 30 nieuw" in driver.find_element(By.ID, "note").text
    shoot(driver, "06-roster")

    # 4. The sample: 8 with seed 2026 and 3 reserves; the coverage table; one parent declines.
    driver.get(server.url + "/staff/sample")
    driver.find_element(By.ID, "size").send_keys("8")
    driver.find_element(By.ID, "reserve").clear()
    driver.find_element(By.ID, "reserve").send_keys("3")
    driver.find_element(By.ID, "seed").send_keys("2026")
    submit(driver, "/staff/sample")
    wait_for(driver, lambda d: d.find_elements(By.ID, "coverage"), "the coverage table")
    assert "8 van 30 gezinnen getrokken met startgetal 2026" in driver.find_element(By.ID, "note").text
    first = driver.find_elements(By.CSS_SELECTOR, "#members tbody tr")[0].find_elements(By.TAG_NAME, "td")[1].text
    driver.find_elements(By.CSS_SELECTOR, "form[action='/staff/sample/decline'] button")[0].click()
    wait_for(driver, lambda d: f"{first} wil niet meedoen" in d.find_element(By.ID, "note").text, "the reserve taking the place")
    shoot(driver, "07-sample")

    # 5. Letters: codes for the sample, then the letters and the links CSV open from the browser.
    driver.get(server.url + "/staff/letters")
    shoot(driver, "08-letters-before")
    submit(driver, "/staff/invite")
    wait_for(driver, lambda d: "8 van 30 gezinnen hebben een code" in text(d), "the codes")
    links = list(csv.DictReader(io.StringIO(download(driver, server, "/staff/links.csv").decode("utf-8-sig")), delimiter=";"))
    assert len(links) == 8
    driver.find_element(By.CSS_SELECTOR, "a[href='/staff/letters.html']").click()
    driver.switch_to.window(driver.window_handles[-1])
    wait_for(driver, lambda d: f"Voor / For: {links[0]['respondent']}" in text(d), "the letters with the codes")
    assert links[0]["link"] in driver.page_source, "the personal link is in the letter"
    shoot(driver, "09-letters")
    driver.close()
    driver.switch_to.window(driver.window_handles[0])

    # 6. Paper entry: a wrong code first, then one whole paper form typed from the keyboard only.
    driver.get(server.url + "/staff/entry")
    shoot(driver, "10-entry-code")
    code_field = driver.switch_to.active_element
    assert code_field.get_attribute("id") == "code"
    code_field.send_keys("ABC-DEF-GHJ-KMN-PQR-STV" + Keys.ENTER)
    wait_for(driver, lambda d: d.find_elements(By.ID, "errors"), "the wrong code's message")
    assert "code" in driver.find_element(By.ID, "errors").text.lower()
    shoot(driver, "11-entry-wrong-code")
    code = links[0]["code"]
    field = driver.switch_to.active_element
    field.clear()
    field.send_keys(code + Keys.ENTER)
    wait_for(driver, lambda d: d.find_elements(By.ID, "line"), "the first question")
    shoot(driver, "12-entry-question")
    lines = PAPER_ENTRY.read_text(encoding="utf-8").split("\n")
    lines = lines[:-1] if lines[-1] == "" else lines
    # Halfway, the running summary shows what was typed.
    browser_keys = type_paper_form(driver, lines)
    wait_for(driver, lambda d: "Opgeslagen" in text(d), "the saved message")
    shoot(driver, "13-entry-saved")

    # The CLI types the same file for another family; both stored responses must be the same answers.
    other = links[1]
    cli = subprocess.run([str(BINARY), "enter", other["code"], "--method", "paper_home", "--db", str(place.db), "--entered-by", "cli"],
                         input=PAPER_ENTRY.read_text(encoding="utf-8"), capture_output=True, text=True, timeout=60)
    assert cli.returncode == 0, cli.stderr
    cli_keys = sum(len(line) + 1 for line in lines)
    with sqlite3.connect(place.db) as connection:
        def answers(respondent):
            (response_id,) = connection.execute("SELECT id FROM response WHERE respondent_id = ?", (respondent,)).fetchone()
            return sorted(connection.execute("SELECT question_id, text, choices, number FROM answer WHERE response_id = ?", (response_id,)).fetchall())
        assert answers(links[0]["respondent"]) == answers(other["respondent"]), "the browser stored what the CLI stores for the same typing"
        (entered_by,) = connection.execute("SELECT entered_by FROM response WHERE respondent_id = ?", (links[0]["respondent"],)).fetchone()
        assert entered_by == NAME
    report = f"paper form keystrokes after the code: browser {browser_keys}, CLI {cli_keys}"
    print(report)
    (place.directory / "keystrokes.txt").write_text(report + "\n")
    if SCREENSHOTS:
        (Path(SCREENSHOTS) / "keystrokes.txt").write_text(report + "\n")
    assert browser_keys <= cli_keys

    # 7. Status: two of 30 answered, both in the sample.
    driver.get(server.url + "/staff")
    assert "2 van 30 ouders hebben geantwoord" in text(driver)
    shoot(driver, "14-status")

    # 8. The report, downloaded and read back (the workbook is a zip of sheet XML).
    driver.get(server.url + "/staff/report")
    shoot(driver, "15-report")
    workbook = zipfile.ZipFile(io.BytesIO(download(driver, server, "/staff/report.xlsx")))
    sheets = workbook.read("xl/workbook.xml").decode("utf-8")
    assert "<sheet " in sheets
    shared = workbook.read("xl/sharedStrings.xml").decode("utf-8")
    assert "Groep 5, najaar 2026" in shared or "Wat heeft u nodig van school?" in shared
    assert "Sara" not in shared and "Fatima" not in shared, "no names in the report"
    export = zipfile.ZipFile(io.BytesIO(download(driver, server, "/staff/export.xlsx?k=2")))
    assert "xl/workbook.xml" in export.namelist()

    # 9. Close (after the page that says what happens), then forget the names.
    driver.get(server.url + "/staff/close")
    assert "werken de codes niet meer" in driver.find_element(By.ID, "what").text
    shoot(driver, "16-close")
    submit(driver, "/staff/close")
    wait_for(driver, lambda d: "Gesloten" in text(d), "the closed badge")
    driver.get(server.url + "/staff/forget")
    assert "voorgoed" in driver.find_element(By.ID, "what").text
    shoot(driver, "17-forget")
    submit(driver, "/staff/forget")
    wait_for(driver, lambda d: "Namen gewist" in text(d), "the names deleted")
    with sqlite3.connect(place.db) as connection:
        assert connection.execute("SELECT COUNT(*) FROM respondent WHERE child_name IS NOT NULL OR parent_names IS NOT NULL").fetchone()[0] == 0

    # English is one click away and remembered.
    driver.get(server.url + "/staff/report?lang=en")
    assert "Report" in driver.find_element(By.TAG_NAME, "h1").text
    driver.get(server.url + "/staff/entry")
    assert "Enter a paper form" in driver.find_element(By.TAG_NAME, "h1").text
    shoot(driver, "18-entry-english")
