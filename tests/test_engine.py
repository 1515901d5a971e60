"""The engines: the same report, byte for byte, whether the articles are read and matched here
or on a Dask cluster (two local workers on loopback, as the README's set-up installs)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import click
import distributed  # the [dask] extra, which .ci/setup installs
import pytest
from click.testing import CliRunner

from framing import engine as engine_module
from framing.cli.main import cli
from framing.engine import DaskEngine, InProcess, ProcessPool

from .helpers import DEMO
from .test_profile import write_events


def run(*args: str) -> click.testing.Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """A cluster of two worker processes on 127.0.0.1, for the module's tests."""
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  host="127.0.0.1", dashboard_address=":0") as cluster:
        yield cluster.scheduler_address


def _triple(shared: int, item: int) -> int:
    return shared * item


def test_every_engine_maps_in_order(scheduler: str) -> None:
    items = list(range(20))
    expected = [3 * i for i in items]
    assert list(InProcess().map(_triple, 3, items)) == expected
    assert list(ProcessPool(2).map(_triple, 3, items)) == expected
    with DaskEngine(scheduler, chunk=3) as engine:
        assert list(engine.map(_triple, 3, items)) == expected


@pytest.mark.parametrize(("command", "fmt"), [
    ("report", "json"), ("report", "html"), ("profile", "json")])
def test_dask_output_is_the_local_one_byte_for_byte(
    scheduler: str, tmp_path: Path, command: str, fmt: str
) -> None:
    corpus = DEMO if command == "report" else write_events(tmp_path / "events")
    local, dask = tmp_path / f"local.{fmt}", tmp_path / f"dask.{fmt}"
    assert run(command, str(corpus), "-o", str(local)).exit_code == 0
    result = run(command, str(corpus), "-o", str(dask), "--engine", "dask",
                 "--scheduler", scheduler)
    assert result.exit_code == 0, result.output
    assert dask.read_bytes() == local.read_bytes()


def test_a_scheduler_that_does_not_answer_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(engine_module, "CONNECT_SECONDS", 1)
    result = CliRunner().invoke(cli, [
        "report", str(DEMO), "-o", str(tmp_path / "r.html"), "--engine", "dask",
        "--scheduler", "tcp://127.0.0.1:9"])
    assert result.exit_code != 0
    assert "no Dask scheduler answers at tcp://127.0.0.1:9" in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "r.html").exists()


def test_dask_options_need_the_dask_engine(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["report", str(DEMO), "--scheduler", "tcp://x:1"])
    assert result.exit_code == 2
    assert "--scheduler and --workers go with --engine dask" in result.output


def test_a_scheduler_without_workers_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(engine_module, "WORKERS_SECONDS", 1)
    with distributed.LocalCluster(n_workers=0, processes=True, host="127.0.0.1",
                                  dashboard_address=":0") as empty:
        result = CliRunner().invoke(cli, [
            "report", str(DEMO), "-o", str(tmp_path / "r.html"), "--engine", "dask",
            "--scheduler", empty.scheduler_address])
    assert result.exit_code != 0
    assert f"the Dask scheduler at {empty.scheduler_address} has no worker" in result.output
    assert not (tmp_path / "r.html").exists()
