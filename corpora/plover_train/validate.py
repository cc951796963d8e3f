"""Check corpora/plover_train/sentences.jsonl and print its counts.

Run: python corpora/plover_train/validate.py   (exit status 1 on any error)
"""
import collections
import json
import pathlib
import sys

POLARITY = {"AGREE": 1, "SUPPORT": 1, "CONCEDE": 1, "COOPERATE": 1, "AID": 1, "RETREAT": 1,
            "ALLY": 1, "CONSULT": 0, "REQUEST": 0, "ACCUSE": -1, "REJECT": -1, "THREATEN": -1,
            "PROTEST": -1, "SANCTION": -1, "MOBILIZE": -1, "COERCE": -1, "ASSAULT": -1,
            "ADVERSARY": -1, "CONTROL": -1}
MODALITIES = {"asserted", "negated", "hypothetical", "future"}


def main(path=pathlib.Path(__file__).with_name("sentences.jsonl")):
    errors, ids = [], set()
    events_by_type, sentences_by_type = collections.Counter(), collections.Counter()
    modalities, no_event, n = collections.Counter(), 0, 0
    for line_no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        def err(msg):
            errors.append(f"line {line_no}: {msg}")
        row, n = json.loads(line), n + 1
        if row["id"] in ids:
            err(f"duplicate id {row['id']}")
        ids.add(row["id"])
        text, actors, events = row["text"], row["actors"], row["events"]
        anchors = [a["anchor"] for a in actors]
        if len(set(anchors)) != len(anchors):
            err("anchors not distinct")
        for a in actors:
            if not a.get("state"):
                err(f"actor without state: {a}")
            if text.count(a["anchor"]) != 1:
                err(f"anchor {a['anchor']!r} occurs {text.count(a['anchor'])} times in the text")
        pairs = set()
        for e in events:
            s, t = e["source"], e["target"]
            if not (0 <= s < len(actors) and 0 <= t < len(actors)) or s == t:
                err(f"bad indices {e}")
            if e["type"] not in POLARITY:
                err(f"unknown type {e['type']}")
            elif e["polarity"] != POLARITY[e["type"]]:
                err(f"polarity {e['polarity']} does not match {e['type']}")
            if e["modality"] not in MODALITIES:
                err(f"bad modality {e['modality']}")
            if (s, t, e["type"]) in pairs:
                err(f"duplicate event {e}")
            pairs.add((s, t, e["type"]))
            events_by_type[e["type"]] += 1
            modalities[e["modality"]] += 1
        sentences_by_type.update({e["type"] for e in events})
        no_event += not events
    print(f"{n} sentences, {no_event} with no event, {sum(events_by_type.values())} events")
    print(f"{'type':<10} {'sentences':>9} {'events':>7}")
    for t in POLARITY:
        print(f"{t:<10} {sentences_by_type[t]:>9} {events_by_type[t]:>7}")
    print("modality: " + ", ".join(f"{m} {modalities[m]}" for m in sorted(MODALITIES)))
    for e in errors:
        print("ERROR", e)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
