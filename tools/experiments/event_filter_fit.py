# Experiment (coder6, held): score a learned event filter on the dump of event_filter_dump.py.
# python tools/experiments/event_filter_fit.py type 1.0 0,0.3 --val ; ... full 1.0 0.25 --gate --val
# (coder8, grown set: full 1.0 0.10 --gate, declared by the CV rule in docs/evaluation.md; not adopted)
import pickle
import sys

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parents[2]))
from redline.eval.scoring import Predicted, score_events, score_record  # noqa: E402

data = pickle.load(open("/tmp/event_filter_dump.pkl", "rb"))
LABEL = sys.argv[1] if len(sys.argv) > 1 else "full"


def labels(kind, expected, rows):
    blank = kind == "plover"
    def agree(e, p):
        return e is None or e == p if blank else e == p
    free = list(range(len(rows)))
    lab = [0] * len(rows)
    for exp in sorted(expected, key=lambda e: (e.source is None, e.target is None)):
        j = next((j for j in free if rows[j][0] == exp.type and agree(exp.source, rows[j][1])
                  and agree(exp.target, rows[j][2])), None)
        if j is not None:
            free.remove(j)
            lab[j] = 1
    if LABEL == "type":
        for exp in expected:
            j = next((j for j in free if rows[j][0] == exp.type), None)
            if j is not None:
                free.remove(j)
                lab[j] = 1
    return lab


def scores(kind, half, keep=lambda r: True):
    res, none = [], []
    for k, h, rid, exp, rows, en in data:
        if k != kind or h != half:
            continue
        pred = [Predicted(r[0], r[1], r[2]) for r in rows if keep(r)]
        res.append(score_record(rid, "", exp, pred, blank_matches_any=(kind == "plover")))
        none.append(en)
    s = score_events(res, none).scores
    return {k: round(s[k], 4) for k in ("full_precision", "full_recall", "full_f1", "type_f1", "false_event_rate")
            if k in s}


X_rows, y, grp, meta = [], [], [], []
for n, (k, h, rid, exp, rows, _en) in enumerate(data):
    lab = labels(k, exp, rows)
    for r, lb in zip(rows, lab, strict=True):
        if r[3] is None:
            continue
        f = dict(r[3])
        f["set=" + k] = 1
        f["type=" + r[0]] = 1
        X_rows.append(f)
        y.append(lb)
        grp.append(n)
        meta.append((k, h, rid, r))
names = sorted({n for f in X_rows for n in f})
if '--generic' in sys.argv:
    names = [n for n in names if not n.startswith(('root=', 'type=', 'tag=', 'cmod=', 'mod='))]
X = np.array([[f.get(n, 0.0) for n in names] for f in X_rows])
y = np.array(y)
grp = np.array(grp)
tune = np.array([m[1] == "tune" for m in meta])
news = np.array([m[0] == "news" for m in meta])
print("events with feats", len(y), "tune", tune.sum(), "pos rate tune news", y[tune & news].mean(),
      "val news", y[~tune & news].mean(), "plover tune", y[tune & ~news].mean())

if "--bins" in sys.argv:
    for n in names:
        col = X[:, names.index(n)]
        sel = tune & news & (col > 0)
        if sel.sum() >= 5:
            print(f"{n:28s} n={sel.sum():3d} prec={y[sel].mean():.2f}")
    sys.exit()

C = float(sys.argv[2]) if len(sys.argv) > 2 else 1.0
# CV on tune only: out-of-fold probabilities
oof = np.zeros(len(y))
Xt, yt, gt = X[tune], y[tune], grp[tune]
idx = np.where(tune)[0]
for tr, te in GroupKFold(5).split(Xt, yt, gt):
    m = LogisticRegression(C=C, max_iter=2000).fit(Xt[tr], yt[tr])
    oof[idx[te]] = m.predict_proba(Xt[te])[:, 1]
model = LogisticRegression(C=C, max_iter=2000).fit(Xt, yt)
pv = model.predict_proba(X)[:, 1]
prob = {}
ART = {}
GATE = '--gate' in sys.argv
for i, mt in enumerate(meta):
    prob[(mt[2], id(mt[3]))] = (oof[i] if tune[i] and "--insample" not in sys.argv else pv[i])
    ART[(mt[2], id(mt[3]))] = mt[3][3].get('article', 0) > 0


def keeper(rid, t):
    def keep(r):
        p = prob.get((rid, id(r)))
        if GATE and p is not None and not ART.get((rid, id(r))):
            return True
        return p is None or p >= t
    return keep


def scores_t(kind, half, t):
    res, none = [], []
    for k, h, rid, exp, rows, en in data:
        if k != kind or h != half:
            continue
        kp = keeper(rid, t)
        pred = [Predicted(r[0], r[1], r[2]) for r in rows if kp(r)]
        res.append(score_record(rid, "", exp, pred, blank_matches_any=(kind == "plover")))
        none.append(en)
    s = score_events(res, none).scores
    keys = ("full_precision", "full_recall", "full_f1", "type_recall", "type_f1", "false_event_rate")
    return {k[:8]: round(s[k], 3) for k in keys if k in s}


show_val = "--val" in sys.argv
GRID = "0,0.05,0.1,0.15,0.2,0.25,0.3,0.35,0.4"
ARG = sys.argv[3] if len(sys.argv) > 3 and not sys.argv[3].startswith("-") else GRID
for t in [float(x) for x in ARG.split(",")]:
    line = f"t={t:.2f} news/tune(oof) {scores_t('news', 'tune', t)}"
    line += f" plover/tune(oof) {scores_t('plover', 'tune', t)}"
    if show_val:
        line += f"\n        news/VAL {scores_t('news', 'validation', t)}"
        line += f" plover/VAL {scores_t('plover', 'validation', t)}"
    print(line)
coef = sorted(zip(model.coef_[0], names, strict=True))
print("most negative", [(round(c, 2), n) for c, n in coef[:12]])
print("most positive", [(round(c, 2), n) for c, n in coef[-12:]])
