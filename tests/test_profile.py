"""`framing profile`: outlets across events, on three small events written here and counted
by hand, and through the command line as a user runs it."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from framing.cli.main import cli
from framing.lexicon.files import bundled_lexicon_files, load_lexicons
from framing.model import AnalysisConfig, ReadingLimits
from framing.profile.events import Profile, Setup, find_events, profile_corpus
from framing.profile.figures import Figure, figure_map

# Three events. Hand counts (words: every word of headline and body):
#   e1 alpha 24 words: "reportedly" (hedge), "slammed" (loaded), "said" (verb of saying)
#   e1 beta  17 words: "said"
#   e2 alpha 19 words: "allegedly" (hedge), "claimed" (a verb of saying that judges: loaded)
#   e2 beta  17 words: "said"
#   e3 beta  17 words: "said";  e3 gamma 12 words: "reportedly"
EVENTS = {
    "e1": {
        "alpha.txt": "Council approves the budget\n\nThe city council approved the budget on "
                     "Monday. The mayor reportedly opposed it. Critics slammed the plan, the "
                     "newspaper said.\n",
        "beta.txt": "Budget passes\n\nThe city council approved the budget on Monday, officials "
                    "said. The mayor voted against it.\n",
    },
    "e2": {
        "alpha.txt": "Bridge closes for repairs\n\nThe old bridge closed on Tuesday for repairs. "
                     "Engineers allegedly found cracks, a spokesman claimed.\n",
        "beta.txt": "Bridge shut\n\nThe old bridge closed on Tuesday. Engineers found cracks in "
                    "two supports, the city said.\n",
    },
    "e3": {
        "beta.txt": "School opens\n\nA new school opened on Wednesday in the north of the city, "
                    "the council said.\n",
        "gamma.txt": "New school\n\nA new school opened on Wednesday. Parents reportedly "
                     "welcomed it.\n",
    },
}


def write_events(root: Path, events: dict[str, dict[str, str]] = EVENTS) -> Path:
    for event, files in events.items():
        (root / event).mkdir(parents=True)
        for name, text in files.items():
            (root / event / name).write_text(text, encoding="utf-8")
    return root


def write_feed(path: Path) -> Path:
    """The same events as a JSONL feed, one row per article with its event."""
    rows = []
    for event, files in EVENTS.items():
        for name, text in files.items():
            title, body = text.split("\n\n", 1)
            rows.append({"event": event, "outlet": name.removesuffix(".txt"), "title": title,
                         "text": body})
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def run(*args: str) -> click.testing.Result:
    return CliRunner().invoke(cli, list(args))


@pytest.fixture(scope="module")
def profile(tmp_path_factory: pytest.TempPathFactory) -> Profile:
    root = write_events(tmp_path_factory.mktemp("events"))
    setup = Setup(lexicons=tuple(load_lexicons(bundled_lexicon_files())), config=AnalysisConfig(),
                  limits=ReadingLimits(), render=None)
    return profile_corpus("events", find_events(root), setup)


def figures(profile: Profile, outlet: str) -> dict[tuple[str, str | None, str | None], Figure]:
    chosen = next(p for p in profile.profiles if p.outlet == outlet)
    return dict(figure_map(chosen))


def test_each_outlet_is_profiled_over_the_events_it_covered(profile: Profile) -> None:
    covered = {p.outlet: p.events for p in profile.profiles}
    assert covered == {"alpha": ("e1", "e2"), "beta": ("e1", "e2", "e3"), "gamma": ("e3",)}
    words = {p.outlet: p.words for p in profile.profiles}
    assert words == {"alpha": 24 + 19, "beta": 17 * 3, "gamma": 12}


def test_a_rate_pools_the_events_and_resamples_them(profile: Profile) -> None:
    alpha = figures(profile, "alpha")
    loaded = alpha["loaded_per_1000_words", None, None]
    # 2 loaded words ("slammed", "claimed") in 43 words; resampling e1 twice gives 2 in 48,
    # e2 twice 2 in 38: the interval's ends.
    assert (loaded.value, loaded.low, loaded.high, loaded.events) == (46.5116, 41.6667, 52.6316, 2)
    assert alpha["hedges_per_1000_words", None, None].value == 46.5116  # reportedly, allegedly
    assert alpha["loaded_attribution_share", None, None].value == 0.5  # claimed of said, claimed
    beta = figures(profile, "beta")
    assert beta["loaded_per_1000_words", None, None].value == 0.0
    assert beta["attribution_verbs_per_1000_words", None, None].value == 58.8235  # 3 in 51


def test_a_figure_on_one_event_is_flagged_as_few(profile: Profile) -> None:
    gamma = figures(profile, "gamma")
    hedges = gamma["hedges_per_1000_words", None, None]
    assert (hedges.value, hedges.events, hedges.few) == (83.3333, 1, True)
    # gamma introduces no statement: no share of verbs of saying to give
    assert ("loaded_attribution_share", None, None) not in gamma


def test_profiles_are_the_same_every_run(profile: Profile, tmp_path: Path) -> None:
    root = write_events(tmp_path / "again")
    assert run("profile", str(root), "-o", str(tmp_path / "a.json")).exit_code == 0
    assert run("profile", str(root), "-o", str(tmp_path / "b.json")).exit_code == 0
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()


def test_the_json_holds_events_and_profiles_as_documented(tmp_path: Path) -> None:
    root = write_events(tmp_path / "events")
    assert run("profile", str(root), "-o", str(tmp_path / "p.json")).exit_code == 0
    data = json.loads((tmp_path / "p.json").read_text(encoding="utf-8"))
    assert [(e["id"], e["outlets"]) for e in data["events"]] == [
        ("e1", ["alpha", "beta"]), ("e2", ["alpha", "beta"]), ("e3", ["beta", "gamma"])]
    alpha = next(p for p in data["profiles"] if p["outlet"] == "alpha")
    assert alpha["events"] == ["e1", "e2"]
    assert set(alpha["figures"][0]) == {"name", "referent", "category", "value", "low", "high",
                                        "events"}
    rows = {(r["event"], r["outlet"]): (r["words"], r["loaded"], r["hedges"], r["attribution"])
            for r in data["outlet_events"]}
    assert rows["e1", "alpha"] == (24, 1, 1, 1)
    assert rows["e2", "alpha"] == (19, 1, 1, 1)
    assert rows["e3", "gamma"] == (12, 0, 1, 0)


def test_the_page_links_each_event_report_written_beside_it(tmp_path: Path) -> None:
    root = write_events(tmp_path / "events")
    out = tmp_path / "out" / "profile.html"
    out.parent.mkdir()
    result = run("profile", str(root), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert "Wrote 3 event reports" in result.output
    page = out.read_text(encoding="utf-8")
    for event in EVENTS:
        assert f'href="profile-events/{event}.html"' in page
        assert (out.parent / "profile-events" / f"{event}.html").is_file()
    assert "<script" not in page and "http://" not in page.replace(
        "http://www.w3.org", "") and "https://" not in page
    assert "⚠" in page  # gamma rests on one event


def test_names_from_the_folder_are_escaped(tmp_path: Path) -> None:
    events = {'<b class="x">e1' if k == "e1" else k: v for k, v in EVENTS.items()}
    root = write_events(tmp_path / "events", events)
    assert run("profile", str(root), "-o", str(tmp_path / "p.html")).exit_code == 0
    page = (tmp_path / "p.html").read_text(encoding="utf-8")
    assert '<b class="x">' not in page
    assert "&lt;b class=&#34;x&#34;&gt;e1" in page
    assert 'href="p-events/b-class-x-e1.html"' in page  # the page's file name: a slug
    assert (tmp_path / "p-events" / "b-class-x-e1.html").is_file()


def test_an_event_framing_cannot_read_is_skipped_with_its_reason(tmp_path: Path) -> None:
    events = {**EVENTS, "e4": {"alpha.txt": "Only one outlet\n\nNothing to compare here.\n"}}
    root = write_events(tmp_path / "events", events)
    result = run("profile", str(root), "-o", str(tmp_path / "p.json"))
    assert result.exit_code == 0
    assert "not analysed: e4: only one outlet (alpha)" in result.output
    data = json.loads((tmp_path / "p.json").read_text(encoding="utf-8"))
    assert [s["event"] for s in data["skipped"]] == ["e4"]
    assert len(data["events"]) == 3


@pytest.mark.parametrize(("make", "message"), [
    (lambda p: p / "missing", "not a folder"),
    (lambda p: p, "no event folders"),
])
def test_a_corpus_that_is_no_folder_of_events_is_a_clear_error(
    tmp_path: Path, make: Callable[[Path], Path], message: str
) -> None:
    result = run("profile", str(make(tmp_path)), "-o", str(tmp_path / "p.html"))
    assert result.exit_code != 0
    assert message in result.output
    assert "Traceback" not in result.output


def test_a_file_framing_did_not_write_is_kept(tmp_path: Path) -> None:
    root = write_events(tmp_path / "events")
    mine = tmp_path / "profile-events" / "e1.html"
    mine.parent.mkdir()
    mine.write_text("my notes", encoding="utf-8")
    result = run("profile", str(root), "-o", str(tmp_path / "profile.html"))
    assert result.exit_code != 0
    assert "was not written by framing" in result.output
    assert mine.read_text(encoding="utf-8") == "my notes"
    assert not (tmp_path / "profile.html").exists()


def test_the_exports_hold_the_same_figures(tmp_path: Path) -> None:
    root = write_events(tmp_path / "events")
    for name in ("p.json", "p.csv", "p.sqlite"):
        assert run("profile", str(root), "-o", str(tmp_path / name)).exit_code == 0
    data = json.loads((tmp_path / "p.json").read_text(encoding="utf-8"))
    count = sum(len(p["figures"]) for p in data["profiles"])
    lines = (tmp_path / "p.csv").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "outlet,name,referent,category,value,low,high,events"
    assert len(lines) == count + 1
    with sqlite3.connect(tmp_path / "p.sqlite") as db:
        assert db.execute("SELECT count(*) FROM figures").fetchone()[0] == count
        assert db.execute("SELECT value FROM figures WHERE outlet = 'alpha' AND name = "
                          "'loaded_per_1000_words'").fetchone()[0] == 46.5116


def test_a_feed_with_an_event_field_is_profiled_as_folders_are(tmp_path: Path) -> None:
    folders = write_events(tmp_path / "events")
    feed = write_feed(tmp_path / "feed.jsonl")
    assert run("profile", str(folders), "-o", str(tmp_path / "a.json")).exit_code == 0
    result = run("profile", str(feed), "-o", str(tmp_path / "b.json"))
    assert result.exit_code == 0, result.output
    a, b = (json.loads((tmp_path / n).read_text(encoding="utf-8")) for n in ("a.json", "b.json"))
    assert a["profiles"] == b["profiles"]
    assert [e["id"] for e in b["events"]] == ["e1", "e2", "e3"]


def test_a_feed_row_without_an_event_is_a_clear_error(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"outlet": "a", "title": "T", "text": "Some text."}) + "\n",
                    encoding="utf-8")
    result = run("profile", str(feed), "-o", str(tmp_path / "p.json"))
    assert result.exit_code != 0
    assert "feed.jsonl#1: no 'event' field" in result.output
