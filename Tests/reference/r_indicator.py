# Reference for Tests/SurveyCoreTests/RIndicatorTests.swift (see the command in its comment); needs numpy and statsmodels.
# Independent R-indicator for the demo class (Surveys/demo/roster-groep5.csv) with a fixed response pattern:
# logistic regression (statsmodels GLM, Binomial) on tags, home-language group (nl, ar, overig: languages
# with fewer than 5 families) and group; R = 1 - 2 SD (ddof=1); partial P_U(Z,k) = sqrt(N_k/N)(mean_k - mean).
import csv, sys, numpy as np, statsmodels.api as sm
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8-sig"), delimiter=";"))
responded = set(sys.argv[2].split(","))
tags = sorted({t.strip() for r in rows for t in r["kenmerken"].split(",") if t.strip()})
counts = {}
for r in rows: counts[r["taal"]] = counts.get(r["taal"], 0) + 1
lang = [r["taal"] if r["taal"] == "nl" or counts[r["taal"]] >= 5 else "overig" for r in rows]
langs = sorted(set(lang)); groups = sorted({r["groep"] for r in rows})
cols = {}
for t in tags: cols["kenmerk " + t] = [1.0 if t in [x.strip() for x in r["kenmerken"].split(",")] else 0.0 for r in rows]
for l in langs: cols["taal " + l] = [1.0 if x == l else 0.0 for x in lang]
for g in groups: cols["groep " + g] = [1.0 if r["groep"] == g else 0.0 for r in rows]
# reference categories dropped: the first language group and the first group
names = [c for c in cols if c not in ("taal " + langs[0], "groep " + groups[0])]
X = sm.add_constant(np.column_stack([cols[c] for c in names]))
y = np.array([1.0 if r["id"] in responded else 0.0 for r in rows])
fit = sm.GLM(y, X, family=sm.families.Binomial()).fit(tol=1e-12)
rho = fit.fittedvalues
print("converged", fit.converged)
print("R = %.10f" % (1 - 2 * rho.std(ddof=1)))
for c in cols:
    m = np.array(cols[c]) == 1
    print("%-22s %.10f" % (c, np.sqrt(m.mean()) * (rho[m].mean() - rho.mean())))
