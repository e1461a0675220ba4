"""Learn kg's confidence on the real-text dev set, in two stages.

    python scripts/calibrate.py [tests/gold/real/batches]

1. **Weights, on the tune passages.** ``kg eval`` runs on the ``tune`` split with no model and
   judges each relation kg states right or wrong. A logistic regression (scikit-learn, L2 penalty
   ``C``) learns from each relation's features (``kg.extract.relation_features``: rule, event or
   role, relation, the kinds of its actors, hedged or negated, the words of its trigger) how
   likely such a relation is to be right. The penalty keeps a word seen a few times from swinging
   the figure.
2. **Level, on the calibrate passages.** kg's rules were improved by reading the tune passages, so
   what was right there is righter than on text kg has never seen. The ``calibrate`` split is text
   no one read while changing kg; ``kg eval`` runs on it with the stage-1 model, and one shift per
   kind (event, role) is fitted on the log-odds scale so that the mean confidence of its relations
   equals their share right. The shift keeps the order the weights give and moves their level.

Writes ``ontology/lexicon/confidence.tsv`` (feature, weight). The ``heldout`` passages are never
used here: ``kg eval --split heldout`` then measures the calibration (expected calibration error).
"""

from __future__ import annotations

import argparse
import math
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

C = 0.3  # L2 penalty: chosen on the tune passages before the heldout ones were scored
OUT = ROOT / "ontology" / "lexicon" / "confidence.tsv"


def _logit(p: float) -> float:
    p = min(max(p, 1e-4), 1 - 1e-4)
    return math.log(p / (1 - p))


def _sigmoid(x: float) -> float:
    return 1 / (1 + math.exp(-x))


def shift_for(confidences: list[float], share_right: float) -> float:
    """The log-odds shift b with mean(sigmoid(logit(c) + b)) == share_right (bisection)."""
    lo, hi = -6.0, 6.0
    for _ in range(60):
        mid = (lo + hi) / 2
        mean = sum(_sigmoid(_logit(c) + mid) for c in confidences) / len(confidences)
        lo, hi = (mid, hi) if mean < share_right else (lo, mid)
    return (lo + hi) / 2


def fit_weights(judged: list[tuple[list[str], bool]], c: float = C) -> dict[str, float]:
    """Feature -> weight (and "bias") of an L2-penalised logistic regression of right on features."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer()
    x = vec.fit_transform([dict.fromkeys(feats, 1) for feats, _ in judged])
    y = [bool(ok) for _, ok in judged]
    if len(set(y)) < 2:
        raise SystemExit("error: the tune passages gave only right (or only wrong) relations: nothing to learn")
    model = LogisticRegression(C=c, max_iter=5000).fit(x, y)
    weights = {name: float(w) for name, w in zip(vec.get_feature_names_out(), model.coef_[0]) if abs(w) >= 1e-4}
    weights["bias"] = float(model.intercept_[0])
    return weights


def write_model(weights: dict[str, float], note: str) -> None:
    with open(OUT, "w", encoding="utf-8") as f:
        f.write(
            "# kg's confidence model, written by scripts/calibrate.py (do not edit by hand): a relation's\n"
            "# confidence is sigmoid(bias + the weights of its features: kg.extract.relation_features).\n"
            "# Weights: logistic regression on the real-text tune passages; the kind= weights then moved by\n"
            f"# the log-odds shift fitted on the calibrate passages ({note}).\n"
        )
        f.write("#feature\tweight\n")
        for name in sorted(weights, key=lambda k: (k != "bias", k)):
            f.write(f"{name}\t{weights[name]:.4f}\n")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold", nargs="?", default=str(ROOT / "tests" / "gold" / "real" / "batches"))
    gold = ap.parse_args().gold
    if not Path(gold).exists():
        raise SystemExit(f"error: gold file {gold} not found")
    from kg.evaluate import evaluate
    from kg.rules.relation import _confidence_model

    if OUT.exists():
        OUT.unlink()  # judge the extractor with no model
    _confidence_model.cache_clear()
    tune = evaluate(gold, split="tune")
    weights = fit_weights(tune.judged)
    write_model(weights, "not yet fitted")
    _confidence_model.cache_clear()

    held = evaluate(gold, split="calibrate")
    by_kind: dict[str, list[tuple[float, bool]]] = defaultdict(list)
    for (feats, ok), (conf, _ok) in zip(held.judged, held.calibration.pairs, strict=True):
        by_kind[feats[0].split("=", 1)[1]].append((conf, ok))
    notes = []
    for kind, pairs in sorted(by_kind.items()):
        right = sum(ok for _, ok in pairs) / len(pairs)
        mean = sum(c for c, _ in pairs) / len(pairs)
        shift = shift_for([c for c, _ in pairs], right)
        weights[f"kind={kind}"] = weights.get(f"kind={kind}", 0.0) + shift
        notes.append(f"{kind} {shift:+.2f}: {len(pairs)} relations, mean {mean:.3f}, right {right:.3f}")
    write_model(weights, "; ".join(notes))
    _confidence_model.cache_clear()
    print(f"tune: {len(tune.judged)} relations judged, {len(weights)} weights; calibrate: {'; '.join(notes)} -> {OUT}")


if __name__ == "__main__":
    main()
