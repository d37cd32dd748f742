"""Laptops of a field team in one test: each a database of its own (its own device id)."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from pathlib import Path

from smartcity_assess.services.assessments import new_assessment, record_response
from smartcity_assess.services.evidence import add_evidence
from smartcity_assess.services.frameworks import open_store
from smartcity_assess.services.merging import import_package
from smartcity_assess.services.packages import export_package
from tests.conftest import DATA, database_rows


class Laptop:
    """One assessor's database, used through the services as the app and the CLI use them."""

    def __init__(self, folder: Path, name: str):
        self.name = name
        self.path = folder / f"{name}.db"
        self.store = open_store(self.path)
        self.folder = folder

    def with_mini(self) -> Laptop:
        from smartcity_assess.core.framework_loader import load_framework_file

        self.store.add_framework(load_framework_file(DATA / "mini.yaml"), (DATA / "mini.yaml").read_text())
        return self

    def new(self, city="Bandung", year=2025):
        return new_assessment(self.store, city, year, framework_code="mini", assessor=self.name, actor=self.name)

    def answer(self, assessment_id, code, **fields):
        return record_response(self.store, assessment_id, code, actor=self.name, **fields)

    def attach(self, assessment_id, code, name, data: bytes):
        return add_evidence(self.store, assessment_id, code, name, data, actor=self.name)

    def export(self, assessment_id, pillars=None, name=None) -> Path:
        out = self.folder / (name or f"{self.name}.scapkg")
        return export_package(self.store, assessment_id, out, pillars=pillars, actor=self.name)

    def receive(self, package: Path, prefer=None):
        return import_package(self.store, package, prefer=prefer, actor=self.name)

    def rows(self):
        return database_rows(self.path)

    def close(self):
        self.store.close()


def members(package: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(package) as zf:
        return {i.filename: zf.read(i) for i in zf.infolist()}


def repack(
    members_: dict[str, bytes], *, manifest_edit=None, relist: bool = True, names: list[str] | None = None
) -> bytes:
    """A package rebuilt from members, its manifest's checksums recomputed (relist): only the intended defect left."""
    manifest = json.loads(members_["manifest.json"])
    if relist:
        manifest["members"] = {
            name: {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
            for name, data in members_.items()
            if name != "manifest.json"
        }
    if manifest_edit is not None:
        manifest_edit(manifest)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members_.items():
            if name != "manifest.json":
                zf.writestr(name, data)
        for name in names or ():
            zf.writestr(zipfile.ZipInfo(name), b"x")
        zf.writestr("manifest.json", json.dumps(manifest))
    return out.getvalue()
