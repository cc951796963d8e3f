"""A relation the text denies ("the non-existent Russian hack of Ukraine", modality negated) is
kept in the store but joins no edge of the network and no timeline: it is not a thing done. The
network can also keep asserted relations alone, leaving out what was threatened or possible."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from corpus_docs import make_doc, modality_corpus
from presslens.cli.app import app
from presslens.corpus.network import ArticleFilter, build_network
from presslens.corpus.store import Store
from presslens.corpus.timeline import resolve_actor, timeline
from presslens.model import Document


def _docs() -> list[Document]:
    """Russia's attack on Ukraine done, feared and denied (one each), and NATO's on Moldova
    only denied."""
    only_denied = make_doc("NATO never attacked Moldova, the imaginary attack aside.",
                           published="2025-02-16", outlet="Eurasia Courier",
                           relations=[("Q7184", "Q217", "ASSAULT", -1, "imaginary attack")],
                           modality="negated")
    return [*modality_corpus(), only_denied]


def test_a_denied_relation_joins_no_edge(tmp_path: Path) -> None:
    with Store(tmp_path / "corpus.duckdb") as store:
        store.add(_docs())
        _, rows = store.query("SELECT count(*) FROM relations WHERE modality = 'negated'")
        assert rows[0][0] == 2  # kept in the store
        for level in ("actor", "state"):
            graph = build_network(store, level=level)
            assert graph.edges["Q159", "Q212"]["weight"] == 2, level  # done and feared
            assert not graph.has_edge("Q7184", "Q217"), level


def test_a_denied_relation_joins_no_timeline(tmp_path: Path) -> None:
    with Store(tmp_path / "corpus.duckdb") as store:
        store.add(_docs())
        russia, ukraine = resolve_actor(store, "Q159"), resolve_actor(store, "Q212")
        rows = timeline(store, russia, ukraine, by="month").rows
        assert sum(row.relations for row in rows) == 2  # done and feared


def test_asserted_relations_alone_leave_out_what_was_threatened(tmp_path: Path) -> None:
    with Store(tmp_path / "corpus.duckdb") as store:
        store.add(modality_corpus())
        assert build_network(store).edges["Q159", "Q212"]["weight"] == 2
        done = build_network(store, ArticleFilter(modalities=["asserted"]))
        assert done.edges["Q159", "Q212"]["weight"] == 1
        feared = build_network(store, ArticleFilter(modalities=["hypothetical"]))
        assert feared.edges["Q159", "Q212"]["weight"] == 1


def test_the_network_command_takes_a_modality(tmp_path: Path) -> None:
    db = tmp_path / "corpus.duckdb"
    with Store(db) as store:
        store.add(modality_corpus())
    out = tmp_path / "net.json"
    runner = CliRunner()
    result = runner.invoke(app, ["network", "--db", str(db), "-o", str(out), "-f", "json",
                                 "--modality", "asserted"])
    assert result.exit_code == 0, result.output
    links = json.loads(out.read_text())["edges"]
    assert [(link["source"], link["target"], link["weight"]) for link in links] == [
        ("Q159", "Q212", 1)]
    bad = runner.invoke(app, ["network", "--db", str(db), "-o", str(out), "--modality", "maybe"])
    assert bad.exit_code != 0
    assert "maybe" in bad.output


def test_the_timeline_takes_a_modality(tmp_path: Path) -> None:
    db = tmp_path / "corpus.duckdb"
    with Store(db) as store:
        store.add(modality_corpus())
        russia, ukraine = resolve_actor(store, "Q159"), resolve_actor(store, "Q212")
        every = timeline(store, russia, ukraine, by="month").rows
        done = timeline(store, russia, ukraine, by="month",
                        flt=ArticleFilter(modalities=["asserted"])).rows
    assert [row.relations for row in every] == [2]
    assert [row.relations for row in done] == [1]
    result = CliRunner().invoke(app, ["timeline", "Q159", "Q212", "--db", str(db), "-f", "json",
                                      "--modality", "hypothetical"])
    assert result.exit_code == 0, result.output
    assert [row["relations"] for row in json.loads(result.stdout)["rows"]] == [1]
