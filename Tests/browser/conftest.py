"""Real-browser tests of the kiosk: the real `ouderstem` binary serving a real SQLite file that the real
CLI prepared, driven by a headless Debian Chromium through Selenium (see README.md, "Tests")."""

import csv
import os
import socket
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

REPO = Path(__file__).resolve().parents[2]
BINARY = Path(os.environ.get("OUDERSTEM_BIN", REPO / ".build" / "debug" / "ouderstem"))
SURVEY = REPO / "Surveys" / "behoeften-ouders.yaml"
ROSTER = Path(__file__).resolve().parent / "fixtures" / "roster.csv"
STAFF_NAME = "juf-anna"
STAFF_PASSWORD = "geheim-wachtwoord"


class Peiling:
    """A peiling in a temporary SQLite file, prepared with the CLI: init, roster import, invite, staff add."""

    def __init__(self, directory: Path, roster: Path = ROSTER, settings: tuple[str, ...] = ()):
        self.directory = directory
        self.db = directory / "ouderstem.sqlite"
        self.cli("init", "--survey", str(SURVEY), "--name", "Kiosk browser test", *settings)
        self.cli("roster", "import", str(roster))
        self.cli("invite", "--base-url", "http://localhost:8080", "--out", str(directory / "uitnodigingen"))
        with open(directory / "uitnodigingen" / "links.csv", encoding="utf-8-sig", newline="") as file:
            rows = list(csv.DictReader(file, delimiter=";"))
        #: respondent id -> the code as printed on the letter (with dashes)
        self.codes = {row["respondent"]: row["code"] for row in rows}
        self.cli("staff", "add", STAFF_NAME, input=f"{STAFF_PASSWORD}\n{STAFF_PASSWORD}\n")

    def cli(self, *args: str, input: str | None = None) -> str:
        result = subprocess.run([str(BINARY), *args, "--db", str(self.db)], input=input, capture_output=True, text=True,
                                timeout=60)
        assert result.returncode == 0, f"ouderstem {' '.join(args)} failed: {result.stderr}"
        return result.stdout

    def response(self, respondent: str) -> dict | None:
        """The stored response of `respondent`: whether it is complete, and its answers (question id -> text
        or choices), or None when there is none."""
        with sqlite3.connect(self.db) as connection:
            row = connection.execute("SELECT id, complete FROM response WHERE respondent_id = ?", (respondent,)).fetchone()
            if row is None:
                return None
            answers = {question: text if text is not None else choices for question, text, choices in connection.execute(
                "SELECT question_id, text, choices FROM answer WHERE response_id = ?", (row[0],))}
        return {"complete": bool(row[1]), "answers": answers}

    def all_answer_texts(self) -> list[str]:
        """Every stored text answer of every response."""
        with sqlite3.connect(self.db) as connection:
            return [text for (text,) in connection.execute("SELECT text FROM answer WHERE text IS NOT NULL")]


class Server:
    """`ouderstem serve` on a free loopback port; stopped with SIGTERM at the end."""

    def __init__(self, peiling: Peiling, kiosk_idle: int):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = open(peiling.directory / f"serve-{self.port}.log", "w+")
        self.process = subprocess.Popen(
            [str(BINARY), "serve", "--db", str(peiling.db), "--port", str(self.port), "--kiosk-idle", str(kiosk_idle)],
            stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            with socket.socket() as client:
                if client.connect_ex(("127.0.0.1", self.port)) == 0:
                    return
            assert self.process.poll() is None, f"ouderstem serve stopped: {Path(self.log.name).read_text()}"
            time.sleep(0.1)
        raise AssertionError("ouderstem serve did not start listening within 30 s")

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()


def chromium(block_kiosk_script: bool = False) -> webdriver.Chrome:
    """Debian's Chromium, headless, tablet-sized. `block_kiosk_script` makes /static/kiosk.js fail to load,
    as on a browser where the script does not run: then only the server's checks protect the kiosk."""
    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=900,1200",
                     "--disable-gpu", "--no-first-run", "--password-store=basic"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")), options=options)
    driver.set_page_load_timeout(30)
    if block_kiosk_script:
        driver.execute_cdp_cmd("Network.enable", {})
        driver.execute_cdp_cmd("Network.setBlockedURLs", {"urls": ["*/static/kiosk.js"]})
    return driver


@pytest.fixture(scope="module")
def peiling(tmp_path_factory) -> Peiling:
    assert BINARY.exists(), f"build the CLI first ({BINARY} is missing): swift build --product ouderstem"
    return Peiling(tmp_path_factory.mktemp("peiling"))


@pytest.fixture
def browser():
    """A fresh headless Chromium, quit after the test."""
    drivers = []

    def start(block_kiosk_script: bool = False) -> webdriver.Chrome:
        driver = chromium(block_kiosk_script)
        drivers.append(driver)
        return driver

    yield start
    for driver in drivers:
        driver.quit()
