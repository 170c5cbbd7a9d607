import json

from click.testing import CliRunner

from eventwire.cli import main


def test_geoparse_prints_toponyms_with_raw_offsets(tmp_path):
    text = "Shells landed in Aleppo on Friday. Damascus said it would respond."
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "n1", "text": text}) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["-q", "geoparse", str(src)])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout.splitlines()[0])
    assert record["document_id"] == "n1"
    aleppo = next(t for t in record["toponyms"] if t["text"] == "Aleppo")
    assert text[aleppo["start"]:aleppo["end"]] == "Aleppo"
    assert aleppo["country"] == "SY" and aleppo["geonameid"] and aleppo["feature"] == "PPL"
    assert set(aleppo) >= {"start", "end", "text", "geonameid", "name", "lat", "lon", "country", "admin1", "feature"}
