"""Reading framework definitions (YAML or their stored JSON form) into validated models.

Every problem is reported with its place, e.g.
``pillars[1].indicators[3].rubric: no text for level 4``, so an official who writes
their own framework file can find and fix it.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from itertools import pairwise
from pathlib import Path
from typing import Any

from . import limits
from .bounded_yaml import YamlTooLarge, safe_load_bounded
from .clean_text import TextError, clean_text
from .errors import UserError
from .framework import Band, Domain, Framework, Indicator, Metric, Pillar
from .text import ANY_LANGUAGE, Text

CODE_PATTERN = re.compile(r"^[a-z0-9-]+$")
ITEM_CODE_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")

FRAMEWORK_KEYS = {
    "code",
    "version",
    "title",
    "description",
    "legal_basis",
    "levels",
    "bands",
    "default_target",
    "domains",
    "pillars",
}
FRAMEWORK_REQUIRED = {"code", "version", "title", "levels", "bands", "pillars"}
PILLAR_KEYS = {"code", "name", "description", "weight", "domain", "indicators"}
DOMAIN_KEYS = {"code", "name"}
PILLAR_REQUIRED = {"code", "name", "weight", "indicators"}
INDICATOR_KEYS = {"code", "name", "question", "weight", "target", "rubric", "metric", "references"}
INDICATOR_REQUIRED = {"code", "name", "question", "rubric"}
METRIC_KEYS = {"unit", "thresholds", "higher_is_better", "min", "max"}
BAND_KEYS = {"min", "label"}


class FrameworkError(UserError):
    """A framework definition is invalid. `problems` lists every `place: problem` found."""

    def __init__(self, problems: list[str], source: str | None = None):
        self.problems = problems
        self.source = source
        first = problems[0] if problems else "invalid framework"
        more = len(problems) - 1
        suffix = f" (and {more} more problem{'s' if more > 1 else ''})" if more else ""
        prefix = f"{source}: " if source else ""
        super().__init__(f"{prefix}{first}{suffix}")


class _Checker:
    """Collects problems while walking the raw data, so one run reports them all."""

    def __init__(self) -> None:
        self.problems: list[str] = []
        self._missing: set[str] = set()  # places already reported missing: nothing more to say of them

    def fail(self, place: str, problem: str) -> None:
        if place in self._missing:
            return
        self.problems.append(f"{place}: {problem}" if place else problem)

    def keys(self, data: dict, place: str, allowed: set[str], required: set[str]) -> None:
        for key in data:
            if key not in allowed:
                self.fail(place, f"unknown key '{key}' (allowed: {', '.join(sorted(allowed))})")
        for key in sorted(required - set(data)):
            where = f"{place}.{key}" if place else key
            self.fail(where, "missing (required)")
            self._missing.add(where)

    def mapping(self, value: Any, place: str) -> dict | None:
        if not isinstance(value, dict):
            self.fail(place, f"must be a mapping, not {_kind(value)}")
            return None
        return value

    def text(self, value: Any, place: str, limit: int = limits.FRAMEWORK_NAME_MAX_CHARS) -> Text:
        """A text of at most `limit` characters, in one language or several; clean_text's rule applies."""
        if isinstance(value, str) and value.strip():
            cleaned = self.clean(value, place, limit)
            return {ANY_LANGUAGE: cleaned} if cleaned is not None else {}
        if isinstance(value, dict) and value:
            result = {}
            for lang, text in value.items():
                if not isinstance(lang, str) or not re.fullmatch(r"[a-z]{2,3}(-[A-Za-z]{2,4})?", lang):
                    self.fail(place, f"{_shown(lang)} is not a language code such as en or id")
                elif not isinstance(text, str) or not text.strip():
                    self.fail(f"{place}.{lang}", "must be a non-empty text")
                else:
                    cleaned = self.clean(text, f"{place}.{lang}", limit)
                    if cleaned is not None:
                        result[lang] = cleaned
            return result
        self.fail(place, "must be a text or a mapping of language to text (en, id)")
        return {}

    def long_text(self, value: Any, place: str) -> Text:
        return self.text(value, place, limits.FRAMEWORK_TEXT_MAX_CHARS)

    def clean(self, text: str, place: str, limit: int) -> str | None:
        try:
            return clean_text(text, place, limit)
        except TextError as exc:
            self.fail(place, exc.problem)
            return None

    def items(self, value: list, place: str, most: int, what: str) -> list:
        """The list, or its first `most` items with the excess reported: nothing walks a million entries."""
        if len(value) > most:
            self.fail(place, f"has {len(value):,} {what}; a framework may have at most {most:,}")
            return value[:most]
        return value

    def number(self, value: Any, place: str, *, positive: bool = False) -> float | None:
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
            self.fail(place, f"must be a number, not {_kind(value)}")
            return None
        if positive and value <= 0:
            self.fail(place, f"must be a positive number, not {value}")
            return None
        return float(value)

    def code(self, value: Any, place: str, pattern: re.Pattern, hint: str) -> str:
        if not isinstance(value, str) or not pattern.fullmatch(value):
            self.fail(place, f"{_shown(value)} is not a valid code ({hint})")
            return str(value)
        return value


def _shown(value: Any, most: int = 60) -> str:
    """A value quoted for a message, shortened: an error must not repeat a megabyte of the file."""
    text = str(value) if not isinstance(value, list | dict) else type(value).__name__
    return f"'{text}'" if len(text) <= most else f"'{text[:most]}…'"


def _kind(value: Any) -> str:
    if value is None:
        return "nothing"
    return {
        bool: "true/false",
        int: "a number",
        float: "a number",
        str: f"the text {_shown(value)}",
        list: "a list",
        dict: "a mapping",
    }.get(type(value), type(value).__name__)


def _level_key(key: Any) -> int | None:
    """Level keys are integers in YAML and digit strings in the stored JSON form."""
    if isinstance(key, bool):
        return None
    if isinstance(key, int):
        return key
    if isinstance(key, str) and key.strip().lstrip("-").isdigit():
        return int(key)
    return None


def framework_from_data(data: Any, source: str | None = None) -> Framework:
    """Validate raw data (parsed YAML or stored JSON) into a Framework, or raise FrameworkError."""
    check = _Checker()
    framework = _parse_framework(data, check)
    if check.problems or framework is None:
        raise FrameworkError(check.problems or ["invalid framework"], source)
    return framework


def _parse_framework(data: Any, check: _Checker) -> Framework | None:
    if check.mapping(data, "framework") is None:
        return None
    check.keys(data, "", FRAMEWORK_KEYS, FRAMEWORK_REQUIRED)
    code = check.code(data.get("code", ""), "code", CODE_PATTERN, "lower-case letters, digits and -")
    version = data.get("version", "")
    if isinstance(version, float):
        # YAML reads 1.10 as the number 1.1: two different versions would collide.
        check.fail("version", f'must be quoted, as "{version}" or the version you meant: YAML reads it as a number')
        version = str(version)
    elif isinstance(version, int) and not isinstance(version, bool):
        version = str(version)
    elif "version" in data and (not isinstance(version, str) or not version.strip()):
        check.fail("version", 'must be a text such as "2026.1"')
        version = ""
    version = check.clean(version, "version", limits.FRAMEWORK_VERSION_MAX_CHARS) or ""
    title = check.text(data.get("title"), "title")
    description = check.long_text(data["description"], "description") if "description" in data else {}
    legal_basis = check.long_text(data["legal_basis"], "legal_basis") if "legal_basis" in data else {}
    domain_names = _parse_domains(data["domains"], check) if "domains" in data else {}

    levels = _parse_levels(data.get("levels"), check)
    level_numbers = tuple(sorted(levels))
    bands = _parse_bands(data.get("bands"), check)

    default_target = data.get("default_target", level_numbers[-1] if level_numbers else 0)
    if levels and (_level_key(default_target) not in levels or isinstance(default_target, str)):
        check.fail("default_target", f"{default_target!r} is not one of the levels {list(level_numbers)}")
    default_target = _level_key(default_target) or 0

    pillars_raw = data.get("pillars")
    pillars: list[Pillar] = []
    if not isinstance(pillars_raw, list) or not pillars_raw:
        check.fail("pillars", "must be a non-empty list of pillars")
    elif _indicator_count(pillars_raw) > limits.FRAMEWORK_MAX_INDICATORS:
        check.fail(
            "pillars",
            f"{_indicator_count(pillars_raw):,} indicators in all; a framework may have at most "
            f"{limits.FRAMEWORK_MAX_INDICATORS:,}",
        )
    else:
        seen_pillars: set[str] = set()
        seen_indicators: dict[str, str] = {}
        for i, raw in enumerate(check.items(pillars_raw, "pillars", limits.FRAMEWORK_MAX_PILLARS, "pillars")):
            pillar = _parse_pillar(raw, f"pillars[{i}]", check, levels, default_target, seen_indicators)
            if pillar is None:
                continue
            if pillar.code in seen_pillars:
                check.fail(f"pillars[{i}].code", f"duplicate pillar code '{pillar.code}'")
            seen_pillars.add(pillar.code)
            pillars.append(pillar)
            _check_pillar_domain(raw, f"pillars[{i}]", check, domain_names)

    domains = tuple(
        Domain(code, name, tuple(p.code for p in pillars if p.domain == code)) for code, name in domain_names.items()
    )
    for k, domain in enumerate(domains):
        if not domain.pillar_codes:
            check.fail(f"domains[{k}]", f"no pillar belongs to domain '{domain.code}'")

    return Framework(
        code=code,
        version=version,
        title=title,
        description=description,
        levels=levels,
        bands=bands,
        default_target=default_target,
        pillars=tuple(pillars),
        domains=domains,
        legal_basis=legal_basis,
    )


def _indicator_count(pillars: list) -> int:
    return sum(len(p["indicators"]) for p in pillars if isinstance(p, dict) and isinstance(p.get("indicators"), list))


def _parse_domains(raw: Any, check: _Checker) -> dict[str, Text]:
    if not isinstance(raw, list) or not raw:
        check.fail("domains", "must be a non-empty list of {code, name}")
        return {}
    domains: dict[str, Text] = {}
    # a domain groups pillars, so there can be no more domains than pillars
    for k, item in enumerate(check.items(raw, "domains", limits.FRAMEWORK_MAX_PILLARS, "domains")):
        place = f"domains[{k}]"
        if check.mapping(item, place) is None:
            continue
        check.keys(item, place, DOMAIN_KEYS, DOMAIN_KEYS)
        code = check.code(item.get("code", ""), f"{place}.code", ITEM_CODE_PATTERN, "letters, digits, - _ .")
        name = check.text(item.get("name"), f"{place}.name")
        if code in domains:
            check.fail(f"{place}.code", f"duplicate domain code '{code}'")
        domains[code] = name
    return domains


def _check_pillar_domain(raw: Any, place: str, check: _Checker, domain_names: dict[str, Text]) -> None:
    """With domains, every pillar names one of them; without, no pillar may name one."""
    domain = raw.get("domain")
    if domain is None:
        if domain_names:
            check.fail(f"{place}.domain", f"missing: the framework has domains ({', '.join(domain_names)})")
    elif not isinstance(domain, str):  # a list or mapping here cannot even be looked up
        check.fail(f"{place}.domain", f"must be the code of one domain, not {_kind(domain)}")
    elif not domain_names:
        check.fail(f"{place}.domain", f"{_shown(domain)} names a domain, but the framework has no 'domains' list")
    elif domain not in domain_names:
        check.fail(f"{place}.domain", f"{_shown(domain)} is not one of the domains ({', '.join(domain_names)})")


def _parse_levels(raw: Any, check: _Checker) -> dict[int, Text]:
    if check.mapping(raw, "levels") is None:
        return {}
    levels: dict[int, Text] = {}
    if len(raw) > limits.FRAMEWORK_MAX_LEVELS:
        check.fail("levels", f"has {len(raw)} levels; a scale may have at most {limits.FRAMEWORK_MAX_LEVELS}")
        return {}
    for key, value in raw.items():
        number = _level_key(key)
        if number is None:
            check.fail("levels", f"level '{key}' is not a whole number")
            continue
        levels[number] = check.text(value, f"levels.{number}")
    numbers = sorted(levels)
    if len(numbers) < 2:
        check.fail("levels", "needs at least two levels")
    elif numbers != list(range(numbers[0], numbers[0] + len(numbers))):
        check.fail("levels", f"must be consecutive whole numbers, not {numbers}")
    return {n: levels[n] for n in numbers}


def _parse_bands(raw: Any, check: _Checker) -> tuple[Band, ...]:
    if not isinstance(raw, list) or not raw:
        check.fail("bands", "must be a non-empty list of {min, label}")
        return ()
    bands: list[Band] = []
    for i, item in enumerate(check.items(raw, "bands", limits.FRAMEWORK_MAX_BANDS, "bands")):
        place = f"bands[{i}]"
        if check.mapping(item, place) is None:
            continue
        check.keys(item, place, BAND_KEYS, BAND_KEYS)
        minimum = check.number(item.get("min"), f"{place}.min")
        label = check.text(item.get("label"), f"{place}.label")
        if minimum is None:
            continue
        if bands and minimum <= bands[-1].min:
            check.fail(f"{place}.min", f"bands must be sorted by ascending min ({minimum:g} after {bands[-1].min:g})")
        bands.append(Band(min=minimum, label=label))
    return tuple(bands)


def _parse_pillar(
    raw: Any, place: str, check: _Checker, levels: dict[int, Text], default_target: int, seen_indicators: dict[str, str]
) -> Pillar | None:
    if check.mapping(raw, place) is None:
        return None
    check.keys(raw, place, PILLAR_KEYS, PILLAR_REQUIRED)
    code = check.code(raw.get("code", ""), f"{place}.code", ITEM_CODE_PATTERN, "letters, digits, - _ .")
    name = check.text(raw.get("name"), f"{place}.name")
    description = check.long_text(raw["description"], f"{place}.description") if "description" in raw else {}
    weight = check.number(raw.get("weight"), f"{place}.weight", positive=True) or 0.0
    domain = raw.get("domain") if isinstance(raw.get("domain"), str) else None
    indicators: list[Indicator] = []
    raw_indicators = raw.get("indicators")
    if not isinstance(raw_indicators, list) or not raw_indicators:
        check.fail(f"{place}.indicators", "must be a non-empty list of indicators")
    else:
        for j, item in enumerate(raw_indicators):
            ind_place = f"{place}.indicators[{j}]"
            indicator = _parse_indicator(item, ind_place, code, check, levels, default_target)
            if indicator is None:
                continue
            if indicator.code in seen_indicators:
                check.fail(
                    f"{ind_place}.code",
                    f"duplicate indicator code '{indicator.code}' (first at {seen_indicators[indicator.code]})",
                )
            else:
                seen_indicators[indicator.code] = ind_place
            indicators.append(indicator)
    return Pillar(
        code=code, name=name, weight=weight, indicators=tuple(indicators), description=description, domain=domain
    )


def _parse_indicator(
    raw: Any, place: str, pillar_code: str, check: _Checker, levels: dict[int, Text], default_target: int
) -> Indicator | None:
    if check.mapping(raw, place) is None:
        return None
    check.keys(raw, place, INDICATOR_KEYS, INDICATOR_REQUIRED)
    code = check.code(raw.get("code", ""), f"{place}.code", ITEM_CODE_PATTERN, "letters, digits, - _ .")
    name = check.text(raw.get("name"), f"{place}.name")
    question = check.long_text(raw.get("question"), f"{place}.question")
    weight = 1.0
    if "weight" in raw:
        weight = check.number(raw["weight"], f"{place}.weight", positive=True) or 0.0

    target = default_target
    if "target" in raw:
        target_key = raw["target"] if isinstance(raw["target"], int) else None
        if target_key is None or isinstance(target_key, bool) or (levels and target_key not in levels):
            check.fail(f"{place}.target", f"{raw['target']!r} is not one of the levels {sorted(levels)}")
        else:
            target = target_key

    rubric: dict[int, Text] = {}
    raw_rubric = raw.get("rubric")
    if check.mapping(raw_rubric, f"{place}.rubric") is not None:
        for key, value in raw_rubric.items():
            number = _level_key(key)
            if number is None or (levels and number not in levels):
                check.fail(f"{place}.rubric", f"'{key}' is not one of the levels {sorted(levels)}")
                continue
            rubric[number] = check.long_text(value, f"{place}.rubric.{number}")
        for number in levels:
            if number not in rubric:
                check.fail(f"{place}.rubric", f"no text for level {number}")
        rubric = {n: rubric[n] for n in sorted(rubric)}

    metric = _parse_metric(raw["metric"], f"{place}.metric", check, levels) if "metric" in raw else None

    references: tuple[str, ...] = ()
    if "references" in raw:
        refs = raw["references"]
        if not isinstance(refs, list) or not all(isinstance(r, str) and r.strip() for r in refs):
            check.fail(f"{place}.references", "must be a list of texts")
        else:
            refs = check.items(refs, f"{place}.references", limits.FRAMEWORK_MAX_REFERENCES, "references")
            most = limits.FRAMEWORK_TEXT_MAX_CHARS
            cleaned = [check.clean(r, f"{place}.references[{k}]", most) for k, r in enumerate(refs)]
            references = tuple(r for r in cleaned if r is not None)

    return Indicator(
        code=code,
        pillar_code=pillar_code,
        name=name,
        question=question,
        weight=weight,
        target=target,
        target_is_explicit="target" in raw,
        rubric=rubric,
        metric=metric,
        references=references,
    )


def _parse_metric(raw: Any, place: str, check: _Checker, levels: dict[int, Text]) -> Metric | None:
    if check.mapping(raw, place) is None:
        return None
    check.keys(raw, place, METRIC_KEYS, {"unit", "thresholds"})
    raw_unit = raw.get("unit", "")
    unit = {} if raw_unit == "" else check.text(raw_unit, f"{place}.unit")  # "" for a bare count
    higher = raw.get("higher_is_better", True)
    if not isinstance(higher, bool):
        check.fail(f"{place}.higher_is_better", "must be true or false")
        higher = True
    raw_thresholds = raw.get("thresholds")
    if not isinstance(raw_thresholds, list):
        check.fail(f"{place}.thresholds", "must be a list of numbers")
        return None
    thresholds = [check.number(t, f"{place}.thresholds[{k}]") for k, t in enumerate(raw_thresholds)]
    if any(t is None for t in thresholds):
        return None
    if levels and len(thresholds) != len(levels) - 1:
        check.fail(
            f"{place}.thresholds",
            f"needs {len(levels) - 1} thresholds (one fewer than the levels), not {len(thresholds)}",
        )
    if any(b <= a for a, b in pairwise(thresholds)):
        check.fail(f"{place}.thresholds", f"must be strictly ascending, not {[f'{t:g}' for t in thresholds]}")
    minimum = check.number(raw["min"], f"{place}.min") if "min" in raw else None
    maximum = check.number(raw["max"], f"{place}.max") if "max" in raw else None
    metric = Metric(unit=unit, thresholds=tuple(thresholds), higher_is_better=higher, minimum=minimum, maximum=maximum)
    low, high = metric.bounds
    if low is not None and high is not None and low >= high:
        check.fail(f"{place}.max", f"must be greater than the minimum {low:g}, not {high:g}")
    return metric


def load_framework_text(text: str, source: str | None = None) -> Framework:
    """Parse YAML (JSON is YAML too) safely, within the caps of core.limits, and validate it."""
    import yaml  # only a file being read needs it; stored frameworks are JSON

    if len(text) > limits.FRAMEWORK_FILE_MAX_BYTES:
        raise FrameworkError([_too_large(len(text), "characters")], source)
    try:
        data = safe_load_bounded(text)
    except YamlTooLarge as exc:
        raise FrameworkError([str(exc)], source) from None
    except RecursionError:
        raise FrameworkError(["nested too deeply to be a framework"], source) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        problem = getattr(exc, "problem", None) or "not valid YAML"
        if "nesting depth" in problem:  # libyaml's own cap, met before ours on "[[[[…"
            raise FrameworkError(["nested too deeply to be a framework"], source) from None
        raise FrameworkError([f"{where}{problem}"], source) from None
    return framework_from_data(data, source)


def _too_large(size: int, unit: str) -> str:
    most = limits.FRAMEWORK_FILE_MAX_BYTES // limits.MIB
    return f"is {size:,} {unit} long; a framework file may have at most {most} MB"


def read_framework_source(path: str | Path) -> str:
    """The text of a framework file, refused unread when it is larger than a framework may be."""
    path = Path(path)
    try:
        with path.open("rb") as handle:
            data = handle.read(limits.FRAMEWORK_FILE_MAX_BYTES + 1)
        if len(data) > limits.FRAMEWORK_FILE_MAX_BYTES:
            raise FrameworkError([_too_large(path.stat().st_size, "bytes")], str(path))
        return data.decode("utf-8")
    except FileNotFoundError:
        raise FrameworkError(["file not found"], str(path)) from None
    except (OSError, UnicodeDecodeError) as exc:
        reason = "not UTF-8 text" if isinstance(exc, UnicodeDecodeError) else (exc.strerror or str(exc))
        raise FrameworkError([f"cannot read the file ({reason})"], str(path)) from None


def load_framework_file(path: str | Path) -> Framework:
    return load_framework_text(read_framework_source(path), str(path))


def _text_out(text: Text) -> Any:
    if not text:
        return ""  # an optional text left empty (a metric without a unit) is written as it was read
    if set(text) == {ANY_LANGUAGE}:
        return text[ANY_LANGUAGE]
    return dict(text)


def framework_to_data(framework: Framework) -> dict[str, Any]:
    """The canonical plain-data form: what is stored, checksummed and re-validated on load."""
    data: dict[str, Any] = {
        "code": framework.code,
        "version": framework.version,
        "title": _text_out(framework.title),
        "levels": {str(n): _text_out(t) for n, t in framework.levels.items()},
        "bands": [{"min": b.min, "label": _text_out(b.label)} for b in framework.bands],
        "default_target": framework.default_target,
        "pillars": [],
    }
    if framework.description:
        data["description"] = _text_out(framework.description)
    if framework.legal_basis:
        data["legal_basis"] = _text_out(framework.legal_basis)
    if framework.domains:
        data["domains"] = [{"code": d.code, "name": _text_out(d.name)} for d in framework.domains]
    for pillar in framework.pillars:
        pillar_data: dict[str, Any] = {
            "code": pillar.code,
            "name": _text_out(pillar.name),
            "weight": pillar.weight,
            "indicators": [],
        }
        if pillar.description:
            pillar_data["description"] = _text_out(pillar.description)
        if pillar.domain is not None:
            pillar_data["domain"] = pillar.domain
        for ind in pillar.indicators:
            ind_data: dict[str, Any] = {
                "code": ind.code,
                "name": _text_out(ind.name),
                "question": _text_out(ind.question),
                "weight": ind.weight,
                "rubric": {str(n): _text_out(t) for n, t in ind.rubric.items()},
            }
            if ind.target_is_explicit:
                ind_data["target"] = ind.target
            if ind.metric:
                ind_data["metric"] = {
                    "unit": _text_out(ind.metric.unit),
                    "thresholds": list(ind.metric.thresholds),
                    "higher_is_better": ind.metric.higher_is_better,
                }
                # only when stated, so frameworks stored before min/max existed keep their checksums
                if ind.metric.minimum is not None:
                    ind_data["metric"]["min"] = ind.metric.minimum
                if ind.metric.maximum is not None:
                    ind_data["metric"]["max"] = ind.metric.maximum
            if ind.references:
                ind_data["references"] = list(ind.references)
            pillar_data["indicators"].append(ind_data)
        data["pillars"].append(pillar_data)
    return data


def canonical_json(framework: Framework) -> str:
    return json.dumps(framework_to_data(framework), sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def framework_checksum(framework: Framework) -> str:
    """SHA-256 of the canonical form: equal for equal content whatever the YAML layout."""
    return hashlib.sha256(canonical_json(framework).encode("utf-8")).hexdigest()


def framework_from_json(text: str, source: str | None = None) -> Framework:
    """A stored definition, validated as strictly as a file (stored rows are not trusted either)."""
    try:
        data = json.loads(text)
    except (TypeError, ValueError, RecursionError):
        raise FrameworkError(["the stored definition is not valid JSON"], source) from None
    return framework_from_data(data, source)
