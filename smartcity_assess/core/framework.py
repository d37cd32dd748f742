"""The model of an assessment framework: pillars, indicators, rubrics, levels and bands.

Instances are immutable and come only from `framework_loader`, which validates them.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cached_property

from .text import Text


@dataclass(frozen=True)
class Metric:
    """A measured value whose thresholds decide the level."""

    unit: Text  # e.g. {"en": "% of kelurahan", "id": "% kelurahan"}
    thresholds: tuple[float, ...]
    higher_is_better: bool = True
    minimum: float | None = None  # as the framework states them; see `bounds`
    maximum: float | None = None

    @property
    def is_percentage(self) -> bool:
        return any("%" in text or "percent" in text.lower() or "persen" in text.lower() for text in self.unit.values())

    @property
    def bounds(self) -> tuple[float | None, float | None]:
        """The plausible range of a value: as stated, else 0–100 for a percentage, else unbounded."""
        default_low, default_high = (0.0, 100.0) if self.is_percentage else (None, None)
        return (
            self.minimum if self.minimum is not None else default_low,
            self.maximum if self.maximum is not None else default_high,
        )

    def level_for(self, value: float, level_numbers: tuple[int, ...]) -> int:
        """The level a measured value earns.

        Higher is better: level index = number of thresholds <= value.
        Lower is better: level index = (levels - 1) - number of thresholds < value.
        """
        if self.higher_is_better:
            index = bisect_right(self.thresholds, value)
        else:
            index = len(self.thresholds) - bisect_left(self.thresholds, value)
        return level_numbers[index]


@dataclass(frozen=True)
class Indicator:
    code: str
    pillar_code: str
    name: Text
    question: Text
    weight: float
    target: int
    target_is_explicit: bool
    rubric: dict[int, Text]
    metric: Metric | None = None
    references: tuple[str, ...] = ()


@dataclass(frozen=True)
class Pillar:
    code: str
    name: Text
    weight: float
    indicators: tuple[Indicator, ...]
    description: Text = field(default_factory=dict)
    domain: str | None = None  # the code of the domain it belongs to, when the framework has domains


@dataclass(frozen=True)
class Domain:
    """A grouping above pillars (SPBE's domains above its aspects); its figures are its pillars' weighted means."""

    code: str
    name: Text
    pillar_codes: tuple[str, ...]


@dataclass(frozen=True)
class Band:
    """A predicate of a score: applies from `min` up to the next band's min."""

    min: float
    label: Text


@dataclass(frozen=True)
class Framework:
    code: str
    version: str
    title: Text
    levels: dict[int, Text]
    bands: tuple[Band, ...]
    default_target: int
    pillars: tuple[Pillar, ...]
    description: Text = field(default_factory=dict)
    domains: tuple[Domain, ...] = ()
    legal_basis: Text = field(default_factory=dict)  # the regulations the framework rests on, for the report

    @cached_property
    def level_numbers(self) -> tuple[int, ...]:
        return tuple(sorted(self.levels))

    @cached_property
    def indicators(self) -> tuple[Indicator, ...]:
        """All indicators in framework order (pillar by pillar)."""
        return tuple(ind for pillar in self.pillars for ind in pillar.indicators)

    @cached_property
    def _indicator_by_code(self) -> dict[str, Indicator]:
        return {ind.code: ind for ind in self.indicators}

    @cached_property
    def _pillar_by_code(self) -> dict[str, Pillar]:
        return {p.code: p for p in self.pillars}

    def indicator(self, code: str) -> Indicator | None:
        return self._indicator_by_code.get(code)

    def pillar(self, code: str) -> Pillar | None:
        return self._pillar_by_code.get(code)

    def domain(self, code: str) -> Domain | None:
        return next((d for d in self.domains if d.code == code), None)

    def band_for(self, score: float | None) -> Band | None:
        """The last band whose min <= score; None for no score or a score below every band."""
        if score is None:
            return None
        found = None
        for band in self.bands:
            if band.min <= score:
                found = band
        return found

    def level_for_value(self, indicator: Indicator, value: float) -> int | None:
        if indicator.metric is None:
            return None
        return indicator.metric.level_for(value, self.level_numbers)
