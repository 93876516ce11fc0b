"""`casetrack schema`: a draft-07 JSON Schema generated from the models, for yaml-language-server.

The schema is checked with `jsonschema`'s draft-07 meta-schema, against the bundled dataset and
what `casetrack init` writes, read the way an editor reads YAML (YAML 1.2 core schema: `true`
is a boolean, `12` a number, a bare date is text), and for a description on every field.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from click.testing import CliRunner

from casetrack.cli import cli
from casetrack.commands.init import init_files
from casetrack.export.schema import dataset_schema, render_schema
from casetrack.options import bundled_data_dir
from casetrack.validation import DatasetFile

# The keywords of JSON Schema draft-07 (validation and core), plus annotations.
DRAFT_07_KEYWORDS = {
    "$schema", "$id", "$ref", "$comment", "title", "description", "default", "examples",
    "readOnly", "writeOnly", "type", "enum", "const", "multipleOf", "maximum",
    "exclusiveMaximum", "minimum", "exclusiveMinimum", "maxLength", "minLength", "pattern",
    "items", "additionalItems", "maxItems", "minItems", "uniqueItems", "contains",
    "maxProperties", "minProperties", "required", "properties", "patternProperties",
    "additionalProperties", "dependencies", "propertyNames", "if", "then", "else", "allOf",
    "anyOf", "oneOf", "not", "format", "contentMediaType", "contentEncoding", "definitions",
}  # fmt: skip


class EditorYamlLoader(yaml.SafeLoader):
    """YAML 1.2 core schema, as yaml-language-server reads files: only null, booleans and
    numbers are typed; `2025-01-15`, `no` and `1:24` stay text."""


EditorYamlLoader.yaml_implicit_resolvers = {}
for tag, pattern, first in (
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    ("tag:yaml.org,2002:int", r"^[-+]?[0-9]+$", list("-+0123456789")),
    (
        "tag:yaml.org,2002:float",
        r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$",
        list("-+0123456789."),
    ),
):
    EditorYamlLoader.add_implicit_resolver(tag, re.compile(pattern), first)


def editor_read(text: str) -> Any:
    return yaml.load(text, Loader=EditorYamlLoader)


def schemas(node: Any, at: str = "#") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every subschema (not property names, not enum values) with its JSON pointer."""
    if not isinstance(node, dict):
        return
    yield at, node
    for key in ("properties", "definitions"):
        for name, sub in node.get(key, {}).items():
            yield from schemas(sub, f"{at}/{key}/{name}")
    for key in ("items", "additionalProperties", "not", "if", "then", "else"):
        if isinstance(node.get(key), dict):
            yield from schemas(node[key], f"{at}/{key}")
    for key in ("allOf", "anyOf", "oneOf"):
        for i, sub in enumerate(node.get(key, [])):
            yield from schemas(sub, f"{at}/{key}/{i}")


def messages_of(error: jsonschema.ValidationError) -> Iterator[str]:
    """An error's message and those of the branches of an anyOf it failed."""
    yield error.message
    for sub in error.context or ():
        yield from messages_of(sub)


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    return dataset_schema()


def test_command_prints_the_generated_schema() -> None:
    result = CliRunner().invoke(cli, ["schema"])
    assert result.exit_code == 0
    assert result.stdout == render_schema()
    assert json.loads(result.stdout)["$schema"] == "http://json-schema.org/draft-07/schema#"


def test_it_is_valid_draft_07_and_uses_only_draft_07_keywords(schema: dict[str, Any]) -> None:
    jsonschema.Draft7Validator.check_schema(schema)
    for pointer, sub in schemas(schema):
        unknown = set(sub) - DRAFT_07_KEYWORDS
        assert not unknown, f"{pointer}: {unknown}"
        if "$ref" in sub:
            # draft-07 ignores every keyword beside $ref: descriptions must not sit there.
            assert set(sub) == {"$ref"}, pointer
            name = sub["$ref"].removeprefix("#/definitions/")
            assert name in schema["definitions"], pointer
    assert "$defs" not in json.dumps(schema)


def test_it_is_generated_from_the_models(schema: dict[str, Any]) -> None:
    generated = DatasetFile.model_json_schema()
    assert set(schema["definitions"]) == set(generated["$defs"])
    for name, definition in generated["$defs"].items():
        assert set(schema["definitions"][name]["properties"]) == set(definition["properties"])


def test_every_field_has_a_description(schema: dict[str, Any]) -> None:
    for pointer, sub in schemas(schema):
        for name, prop in sub.get("properties", {}).items():
            assert prop.get("description", "").strip(), f"{pointer}/properties/{name}"


def test_bundled_dataset_validates_as_an_editor_reads_it(schema: dict[str, Any]) -> None:
    validator = jsonschema.Draft7Validator(schema)
    files = sorted(bundled_data_dir().rglob("*.yaml"))
    assert files
    for path in files:
        errors = list(validator.iter_errors(editor_read(path.read_text(encoding="utf-8"))))
        assert not errors, f"{path}: {[e.message for e in errors[:3]]}"


def test_init_files_validate_as_an_editor_reads_them(schema: dict[str, Any]) -> None:
    validator = jsonschema.Draft7Validator(schema)
    for name, text in init_files().items():
        if name.endswith(".yaml"):
            errors = list(validator.iter_errors(editor_read(text)))
            assert not errors, f"{name}: {[e.message for e in errors[:3]]}"


@pytest.mark.parametrize(
    ("text", "complaint"),
    [
        ("events: [{id: e1, date: 2025-01-02, kind: hearin, title: T}]", "'hearin' is not one of"),
        ("events: [{id: e1, date: 2025-01-02, kind: hearing, titel: T, title: T}]", "'titel'"),
        ("events: [{id: e1, date: 2025-1-2, kind: hearing, title: T}]", "does not match"),
        ("events: [{id: e1, date: 2025-01-02, title: T}]", "'kind' is a required property"),
        ("filings: [{id: f1, date: 2025, kind: order, title: T, docket_entry: x}]", "'x'"),
        ("sources: [{id: s1, kind: blog, title: T, published: 25}]", "less than the minimum"),
    ],
)
def test_an_editor_would_flag_mistakes(schema: dict[str, Any], text: str, complaint: str) -> None:
    errors = list(jsonschema.Draft7Validator(schema).iter_errors(editor_read(text)))
    messages = [m for e in errors for m in messages_of(e)]
    assert any(complaint in m for m in messages), messages


def test_bare_years_are_dates(schema: dict[str, Any]) -> None:
    # `date: 2025` is a number to an editor and the year 2025 to casetrack.
    data = editor_read("filings: [{id: f1, case: null, date: 2025, kind: order, title: T}]")
    assert data["filings"][0]["date"] == 2025
    assert list(jsonschema.Draft7Validator(schema).iter_errors(data)) == []


def test_output_file(tmp_path: Path) -> None:
    out = tmp_path / "casetrack.schema.json"
    assert CliRunner().invoke(cli, ["schema", "-o", str(out)]).exit_code == 0
    assert out.read_text(encoding="utf-8") == render_schema()
    again = CliRunner().invoke(cli, ["schema", "-o", str(out)])
    assert again.exit_code == 1
    assert again.stderr == f"Error: {out} exists; use --force to overwrite\n"
    assert CliRunner().invoke(cli, ["schema", "-o", str(out), "--force"]).exit_code == 0
