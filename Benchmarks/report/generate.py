#!/usr/bin/env python3
"""Fills an initialised Ouderstem database with a roster and N responses to its survey, fast.

Usage: generate.py DB N [--seed S]
The database must come from `ouderstem init` (so the definition and its content hash are the tool's own).
Writes the schema of Sources/SurveyStore/Migrations.swift directly: one `response` row per response,
one `answer` row per (response, question); kind choice/choices/number/text, choices space-separated.
A realistic mix: six response methods, diversity tags, 40 groups, skipped optional questions,
show_if conditions respected, open answers (some starting with '=' or '-'), some anonymous kiosk responses.
"""
import random, sqlite3, sys, datetime, re

def load_questions(yaml_text):
    """A minimal reader for the shipped survey shape (no PyYAML needed): question id, type, option ids, show_if."""
    questions, current, in_options, scales, scale_name = [], None, False, {}, None
    in_scales = False
    for line in yaml_text.splitlines():
        stripped = line.strip()
        if line.startswith("scales:"): in_scales = True; continue
        if in_scales:
            if line and not line.startswith(" "): in_scales = False
            else:
                m = re.match(r"^  ([a-z0-9-]+):\s*$", line)
                if m: scale_name = m.group(1); scales[scale_name] = []; continue
                m = re.match(r"^\s+- \{ id: ([a-z0-9-]+)", line)
                if m and scale_name: scales[scale_name].append(m.group(1))
                continue
        m = re.match(r"^      - id: ([a-z0-9-]+)\s*$", line)
        if m:
            current = {"id": m.group(1), "type": None, "options": [], "scale": None, "show_if": None, "other": False, "required": False}
            questions.append(current); in_options = False; continue
        if current is None: continue
        m = re.match(r"^        type: (\w+)", line)
        if m: current["type"] = m.group(1); continue
        m = re.match(r"^        scale: ([\w-]+)", line)
        if m: current["scale"] = m.group(1); continue
        if stripped.startswith("other: true"): current["other"] = True
        if stripped.startswith("required: true"): current["required"] = True
        m = re.match(r"^        show_if: \{ question: ([\w-]+), answered: \[([^\]]*)\] \}", line)
        if m: current["show_if"] = (m.group(1), [x.strip() for x in m.group(2).split(",")])
        m = re.match(r"^          - \{ id: ([a-z0-9-]+)", line)
        if m: current["options"].append(m.group(1))
        if re.match(r"^  - id: ", line): current = None
    for q in questions:
        if q["type"] == "scale": q["options"] = scales[q["scale"]]
        if q["other"]: q["options"].append("anders")
    return questions

OPEN = ["Meer informatie over wat mijn kind leert.", "Vaker een kort gesprek bij de deur.", "Niets, het gaat goed.",
        "Brieven in makkelijk Nederlands graag.", "Een tolk bij het tienminutengesprek.", "Berichten via de app zijn fijn.",
        "=1+1 is wat mijn kind nu leert", "-- geen opmerkingen --", "Graag avondgesprekken, ik werk overdag.",
        "Meer uitleg over het rapport.", "Dank jullie wel voor alles!", "Ik zou graag helpen bij uitstapjes."]
METHODS = [("digital", 45), ("paper_home", 20), ("at_school_conversation", 15), ("digital_at_school", 10), ("oral", 6), ("oral_interpreter", 4)]
TAGS = [("tweeverdieners", 0.40), ("gescheiden", 0.12), ("samengesteld", 0.08), ("alleenstaand", 0.10), ("nt2", 0.18)]
LANGS = [("nl", 80), ("ar", 8), ("en", 6), ("tr", 6)]

def weighted(rng, pairs):
    total = sum(w for _, w in pairs); x = rng.uniform(0, total)
    for value, w in pairs:
        x -= w
        if x <= 0: return value
    return pairs[-1][0]

def main():
    db, n = sys.argv[1], int(sys.argv[2])
    seed = int(sys.argv[sys.argv.index("--seed") + 1]) if "--seed" in sys.argv else 2026
    rng = random.Random(seed)
    con = sqlite3.connect(db)
    con.execute("PRAGMA synchronous = OFF"); con.execute("PRAGMA journal_mode = WAL")
    peiling, definition_hash = con.execute("SELECT id, definition_hash FROM peiling").fetchone()
    yaml_text, = con.execute("SELECT yaml FROM definition WHERE hash = ?", (definition_hash,)).fetchone()
    questions = load_questions(yaml_text)
    roster_size = int(n / 0.85) + 1
    # About 28 families per class, at most 40 classes (a large school board's worth at 100,000).
    count = max(1, min(40, roster_size // 28))
    groups = ["Groep %d%s" % (g, s) for s in "ABCDE" for g in range(1, 9)][:count]
    now = datetime.datetime(2026, 10, 1, 8, 0, 0)
    respondents = []
    for i in range(roster_size):
        tags = sorted(t for t, p in TAGS if rng.random() < p)
        lang = weighted(rng, LANGS) if "nt2" in tags else "nl"
        respondents.append((peiling, "R%06d" % i, rng.choice(groups), "Kind %d" % i, "Ouder %d" % i, lang, None, " ".join(tags)))
    con.executemany("INSERT INTO respondent (peiling_id, id, group_name, child_name, parent_names, language, contact, tags, forgotten) VALUES (?,?,?,?,?,?,?,?,0)", respondents)
    responses, answers = [], []
    anonymous = n // 50
    order = rng.sample(range(roster_size), n - anonymous)
    for rid in range(1, n + 1):
        who = respondents[order[rid - 1]] if rid <= n - anonymous else None
        method = weighted(rng, METHODS) if who else "digital_at_school"
        tags = who[7] if who else ""
        lean = rng.random()  # a respondent's general mood, so answers correlate a little
        chosen = {}
        for q in questions:
            if q["show_if"]:
                target, allowed = q["show_if"]
                if not set(chosen.get(target, [])) & set(allowed): continue
            if not q["required"] and rng.random() < (0.6 if q["type"] == "text" else 0.08): continue
            kind, choices, number, text, other = None, None, None, None, None
            opts = q["options"]
            if q["type"] == "scale":
                k = len(opts); pos = min(k - 1, max(0, int(rng.gauss(lean * (k - 1) + 0.5, 1.0))))
                kind, choices = "choice", opts[pos]; chosen[q["id"]] = [opts[pos]]
            elif q["type"] == "single":
                pick = rng.choice(opts); kind, choices = "choice", pick; chosen[q["id"]] = [pick]
            elif q["type"] == "multiple":
                picks = [o for o in opts if rng.random() < 0.3] or [rng.choice(opts)]
                kind, choices = "choices", " ".join(picks); chosen[q["id"]] = picks
            elif q["type"] == "number":
                kind, number = "number", float(rng.choice([1, 1, 1, 2, 2, 3]))
            elif q["type"] == "text":
                kind, text = "text", rng.choice(OPEN)
            if choices and "anders" in choices.split(" "): other = rng.choice(["Via de mentor", "Op het schoolplein", "@school account"])
            answers.append((rid, q["id"], kind, choices, number, text, other))
        self_tags = set(tags.split()) if tags else set()
        if chosen.get("gezin") == ["een-ouder"]: self_tags.add("alleenstaand")
        created = now + datetime.timedelta(minutes=rid % 40000)
        interpreter = "professional" if method == "oral_interpreter" else None
        lang = who[5] if who else "nl"
        responses.append((rid, peiling, who[1] if who else None, None if who else "kiosk-%d" % rid, definition_hash, method, lang, interpreter,
                          "juf Anna" if method in ("paper_home", "oral", "oral_interpreter") else None,
                          who[2] if who else None, " ".join(sorted(self_tags)), 1, None, created.isoformat(sep=" "), created.isoformat(sep=" ")))
        if len(answers) > 200000:
            flush(con, responses, answers); responses, answers = [], []
    flush(con, responses, answers)
    con.commit()
    print("generated %d responses, %d on the roster" % (n, roster_size))

def flush(con, responses, answers):
    con.executemany("INSERT INTO response (id, peiling_id, respondent_id, submission_key, definition_hash, method, language, interpreter, entered_by, group_name, tags, complete, verified_by, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", responses)
    con.executemany("INSERT INTO answer (response_id, question_id, kind, choices, number, text, other_text) VALUES (?,?,?,?,?,?,?)", answers)

main()
