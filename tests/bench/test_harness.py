"""`python -m bench` writes docs/benchmarks.md itself: newest first, older sections kept; the
smoke run leaves it alone."""

import bench.__main__ as harness

OLD = "# Benchmarks\n\nWhat this page is.\n\n## Run of yesterday\n\nold figures\n"


def fake_run(name, scenario, quick):
    return f"bench/{scenario.script}", "| measure | value |\n| --- | ---: |\n| x | 1 |", 0


def test_a_full_run_puts_its_dated_section_first_and_keeps_the_older_ones(tmp_path, monkeypatch):
    docs = tmp_path / "benchmarks.md"
    docs.write_text(OLD)
    monkeypatch.setattr(harness, "DOCS", docs)
    monkeypatch.setattr(harness, "run", fake_run)
    monkeypatch.setattr(harness, "machine", lambda: "Machine: a test box.")
    monkeypatch.setattr("sys.argv", ["bench", "registrations", "pages"])

    assert harness.main() == 0

    text = docs.read_text()
    assert text.startswith("# Benchmarks\n\nWhat this page is.\n\n## Run of ")
    assert text.index("## Run of ") < text.index("### registrations") < text.index("### pages")
    assert text.index("### pages") < text.index("## Run of yesterday")
    assert "Machine: a test box." in text
    assert "```sh\nbench/bench_registrations.py\n```" in text  # the command
    assert text.endswith("old figures\n")


def test_the_smoke_run_does_not_touch_the_docs_unless_asked(tmp_path, monkeypatch):
    docs = tmp_path / "benchmarks.md"
    docs.write_text(OLD)
    monkeypatch.setattr(harness, "DOCS", docs)
    monkeypatch.setattr(harness, "run", fake_run)
    monkeypatch.setattr(harness, "machine", lambda: "Machine: a test box.")
    monkeypatch.setattr("sys.argv", ["bench", "--quick"])

    assert harness.main() == 0
    assert docs.read_text() == OLD

    monkeypatch.setattr("sys.argv", ["bench", "registrations", "--quick", "--write-docs"])
    assert harness.main() == 0
    assert "--quick`)" in docs.read_text()


def test_a_failed_benchmark_is_recorded_and_fails_the_run(tmp_path, monkeypatch):
    docs = tmp_path / "benchmarks.md"
    docs.write_text(OLD)
    monkeypatch.setattr(harness, "DOCS", docs)
    monkeypatch.setattr(harness, "run", lambda name, scenario, quick: ("cmd", "boom", 3))
    monkeypatch.setattr(harness, "machine", lambda: "Machine: a test box.")
    monkeypatch.setattr("sys.argv", ["bench", "centers"])

    assert harness.main() == 1
    text = docs.read_text()
    assert "**Failed with exit code 3.**" in text
    assert "```text\nboom\n```" in text  # not markdown: quoted as text
