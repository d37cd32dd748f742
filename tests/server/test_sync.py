"""`smartcity-assess sync --server URL`: both ways, merged as packages are, evidence once, idempotent."""

import hashlib
import uuid

import pytest
from sqlalchemy import create_engine, text

from smartcity_assess.cli import main
from smartcity_assess.services import assessments, server
from smartcity_assess.services.conflicts import open_conflicts, resolve
from smartcity_assess.services.frameworks import open_store
from smartcity_assess.services.sync import sync
from tests.server.sync_helpers import Laptop, as_login, server_rows


@pytest.fixture
def central(pg_url):
    server.init(pg_url)
    return pg_url


@pytest.fixture
def laptops(tmp_path):
    made = []

    def make(name):
        made.append(Laptop(tmp_path, name))
        return made[-1]

    yield make
    for laptop in made:
        laptop.close()


def test_push_then_pull_then_nothing_to_do(central, laptops, capsys):
    ani, budi = laptops("ani"), laptops("budi")
    aid = ani.new()
    codes = ani.codes(aid)
    for code in codes[:5]:
        ani.answer(aid, code, level=3, note=f"seen {code}")
    photo = b"\x89PNG field photo " * 50_000
    ani.attach(aid, codes[0], "bcc.png", photo)

    code, out, err = ani.sync(central, capsys=capsys)
    assert (code, err) == (0, "")
    assert out.splitlines()[0] == "pushed 5, pulled 0, conflicts 0"
    assert "(new on the server)" in out

    code, out, _ = budi.sync(central, capsys=capsys)
    assert out.splitlines()[0] == "pushed 0, pulled 5, conflicts 0"
    got = budi.store.responses(aid)
    assert {c: (r.level, r.note) for c, r in got.items()} == {c: (3, f"seen {c}") for c in codes[:5]}
    [evidence] = budi.store.evidence(aid)
    assert budi.store.evidence_data(evidence.id) == photo

    # a second sync in a row on either laptop: nothing to do, and not one row written on any side
    before = (ani.rows(), budi.rows(), server_rows(central))
    for laptop in (ani, budi, ani):
        code, out, _ = laptop.sync(central, capsys=capsys)
        assert out.splitlines() == [
            "pushed 0, pulled 0, conflicts 0",
            "nothing to do: this database and the server hold the same",
        ]
    assert (ani.rows(), budi.rows(), server_rows(central)) == before


def test_both_sides_changed_a_response_is_a_conflict_until_someone_decides(central, laptops, capsys):
    ani, budi = laptops("ani"), laptops("budi")
    aid = ani.new()
    code = ani.codes(aid)[0]
    ani.answer(aid, code, level=2)
    ani.sync(central, capsys=capsys)
    budi.sync(central, capsys=capsys)
    ani.answer(aid, code, level=4, note="ani saw the SOP")
    budi.answer(aid, code, level=1, note="budi found none")
    other = ani.codes(aid)[1]
    budi.answer(aid, other, level=5)  # and one change only budi made

    assert ani.sync(central, capsys=capsys)[1].splitlines()[0] == "pushed 1, pulled 0, conflicts 0"
    out = budi.sync(central, capsys=capsys)[1]
    assert out.splitlines()[0] == "pushed 1, pulled 0, conflicts 1"
    assert "conflicts list" in out
    # kept on the side that merged each way, as an import does: here and on the server
    [mine] = open_conflicts(budi.store, aid)
    assert (mine.indicator, mine.mine.level, mine.theirs.level) == (code, 1, 4)
    central_store = open_store(central)
    [there] = open_conflicts(central_store, aid)
    assert (there.mine.level, there.theirs.level) == (4, 1)
    assert budi.sync(central, capsys=capsys)[1].splitlines()[0] == "pushed 0, pulled 0, conflicts 0"

    # budi decides; the decision travels and settles the server's conflict too
    resolve(budi.store, aid, code, take="theirs", actor="budi")
    # the server already holds that answer: its decision is news to the server only as a settled conflict
    assert budi.sync(central, capsys=capsys)[1].splitlines() == ["pushed 0, pulled 0, conflicts 0"]
    assert open_conflicts(central_store, aid) == []
    assert ani.sync(central, capsys=capsys)[1].splitlines()[0] == "pushed 0, pulled 1, conflicts 0"
    for store in (ani.store, budi.store, central_store):
        assert store.response(aid, code).level == 4
        assert store.response(aid, other).level == 5
        assert open_conflicts(store, aid) == []
    central_store.close()
    for laptop in (ani, budi):
        assert laptop.sync(central, capsys=capsys)[1].splitlines()[0] == "pushed 0, pulled 0, conflicts 0"


def test_evidence_moves_once_by_hash(central, laptops):
    ani = laptops("ani")
    data = b"%PDF-1.4 " + bytes(range(256)) * 4096
    first, second = ani.new(year=2025), ani.new(year=2026)
    ani.attach(first, ani.codes(first)[0], "sop.pdf", data)
    ani.attach(second, ani.codes(second)[3], "sop-copy.pdf", data)  # the same file twice
    seen = []
    result = sync(ani.store, central, progress=lambda done, total: seen.append((done, total)))
    assert result.evidence_bytes == len(data)  # one blob for two attachments
    assert seen[-1][0] == seen[-1][1] and [d for d, _ in seen] == sorted(d for d, _ in seen)
    engine = create_engine(central)
    with engine.connect() as conn:
        blobs = conn.execute(text("SELECT sha256, length(data) FROM evidence_blobs")).all()
    engine.dispose()
    assert blobs == [(hashlib.sha256(data).hexdigest(), len(data))]
    budi = laptops("budi")
    assert sync(budi.store, central).evidence_bytes == len(data)
    assert sync(ani.store, central).evidence_bytes == 0  # nothing to move the second time
    assert sync(budi.store, central).evidence_bytes == 0


def test_ids_choose_and_a_deleted_assessment_stays_deleted(central, laptops, capsys):
    ani, budi = laptops("ani"), laptops("budi")
    bandung, cimahi = ani.new(), ani.new(city="Kota Cimahi")
    ani.answer(bandung, ani.codes(bandung)[0], level=3)
    ani.answer(cimahi, ani.codes(cimahi)[0], level=2)
    assert ani.sync(central, bandung.hex[:6], capsys=capsys)[1].splitlines()[0] == "pushed 1, pulled 0, conflicts 0"
    central_store = open_store(central)
    assert {a.city for a in central_store.list_assessments()} == {"Kota Bandung"}
    central_store.close()
    assert budi.sync(central, "--city", "Kota Cimahi", capsys=capsys)[1].startswith("pushed 0, pulled 0")
    # or by city, written as a person writes it
    assert main(["--db", str(ani.path), "sync", "--server", central, "--city", "kota  cimahi"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == "pushed 1, pulled 0, conflicts 0"
    # an id only the server has is pulled on its own
    assert budi.sync(central, bandung.hex[:6], capsys=capsys)[1].splitlines()[0] == "pushed 0, pulled 1, conflicts 0"
    assert main(["--db", str(budi.path), "sync", "--server", central, "deadbeef"]) == 2
    assert "no assessment with id deadbeef here or on the server" in capsys.readouterr().err
    # deleted here: not brought back by the next sync (the server keeps its copy)
    assessments.delete(budi.store, bandung)
    assert budi.sync(central, bandung.hex[:6], capsys=capsys)[1].splitlines()[0] == "pushed 0, pulled 0, conflicts 0"
    assert budi.store.list_assessments() == []
    assert budi.sync(central, capsys=capsys)[1].splitlines()[0] == "pushed 0, pulled 1, conflicts 0"  # Cimahi only
    assert [a.city for a in budi.store.list_assessments()] == ["Kota Cimahi"]


def test_a_final_on_the_server_is_pulled_and_never_pushed_into(central, laptops, capsys):
    ani, budi = laptops("ani"), laptops("budi")
    aid = ani.new()
    code = ani.codes(aid)[0]
    ani.answer(aid, code, level=3)
    ani.sync(central, capsys=capsys)
    budi.sync(central, capsys=capsys)
    central_store = open_store(central)
    assessments.finalize(central_store, aid, actor="reviewer")
    central_store.close()

    budi.answer(aid, code, level=5)  # a change made after the approval, on a laptop
    before = (budi.rows(), server_rows(central))
    code_, out, err = budi.sync(central, capsys=capsys)
    assert (code_, out) == (2, "")
    assert err == (
        "error: Kota Bandung 2026 is final on the server but was changed here since; nothing was synced "
        "(a reviewer reopens it on the server to take these changes)\n"
    )
    assert (budi.rows(), server_rows(central)) == before

    assert ani.sync(central, capsys=capsys)[1].splitlines()[0] == "pushed 0, pulled 0, conflicts 0"
    assert ani.store.assessment(aid).status == "final"  # the approval came with it
    assert main(["--db", str(ani.path), "assessments", "verify", aid.hex]) == 0
    assert capsys.readouterr().out == "intact\n"
    assert ani.sync(central, capsys=capsys)[1].splitlines()[0] == "pushed 0, pulled 0, conflicts 0"


def test_access_rules_of_the_server_refuse_a_sync_whole(central, laptops, capsys):
    suffix = uuid.uuid4().hex[:6]
    viewer, assessor = f"cici_{suffix}", f"ana_{suffix}"
    admin = create_engine(central, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        for login in (viewer, assessor):
            conn.execute(text(f"CREATE ROLE {login} LOGIN"))
    try:
        server.grant(central, viewer, "viewer")
        server.grant(central, assessor, "assessor", ["Kota Bandung"])
        lead = laptops("lead")
        aid = lead.new()
        lead.answer(aid, lead.codes(aid)[0], level=2)
        lead.sync(central, capsys=capsys)

        cici = laptops("cici")
        assert cici.sync(as_login(central, viewer), capsys=capsys)[1].splitlines()[0].startswith("pushed 0, pulled 1")
        cici.answer(aid, cici.codes(aid)[1], level=4)  # a viewer's change has nowhere to go
        before = (cici.rows(), server_rows(central))
        code, _, err = cici.sync(as_login(central, viewer), capsys=capsys)
        assert (code, err) == (2, "error: you may not change Kota Bandung's assessments on this server\n")
        assert (cici.rows(), server_rows(central)) == before

        ana = laptops("ana")
        cimahi = ana.new(city="Kota Cimahi")
        ana.answer(cimahi, ana.codes(cimahi)[0], level=3)
        before = (ana.rows(), server_rows(central))
        code, _, err = ana.sync(as_login(central, assessor), capsys=capsys)
        assert (code, err) == (2, "error: you may not change Kota Cimahi's assessments on this server\n")
        assert (ana.rows(), server_rows(central)) == before  # Bandung, which ana may pull, was not pulled either
        assessments.delete(ana.store, cimahi)
        assert ana.sync(as_login(central, assessor), capsys=capsys)[0] == 0
    finally:
        with admin.connect() as conn:
            conn.execute(text(f"DROP OWNED BY {viewer}, {assessor}"))
            conn.execute(text(f"DROP ROLE {viewer}"))
            conn.execute(text(f"DROP ROLE {assessor}"))
        admin.dispose()


def _closed_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.parametrize(
    "bad, sentence",
    [
        ("postgresql+psycopg://nobody_{u}@{host}/{db}", "refused the login; check the user name and password"),
        ("postgresql+psycopg://postgres@127.0.0.1:{closed}/{db}", "cannot be reached; check the address"),
        ("postgresql+psycopg://postgres@{host}/no_such_db_{u}", "has no database as named in"),
        ("postgresql+nodriver://postgres@{host}/{db}", "is not a database this installation can open"),
        ("mysql://root@{host}/{db}", "sync needs the server's PostgreSQL URL"),
        ("/tmp/not-a-server.db", "sync needs the server's PostgreSQL URL"),
        ("{empty}", "is not set up for this version of Smart City Assess"),
    ],
)
def test_no_server_no_login_no_driver_one_sentence_nothing_changed(central, pg_url, laptops, capsys, bad, sentence):
    from sqlalchemy.engine import make_url

    url = make_url(central)
    empty = url.set(database=f"sca_empty_{uuid.uuid4().hex[:6]}")
    admin = create_engine(central.rsplit("/", 1)[0] + "/postgres", isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{empty.database}"'))
    try:
        target = bad.format(
            u=uuid.uuid4().hex[:6],
            host=f"{url.host}:{url.port}",
            db=url.database,
            closed=_closed_port(),
            empty=empty.render_as_string(hide_password=False),
        )
        ani = laptops("ani")
        aid = ani.new()
        ani.answer(aid, ani.codes(aid)[0], level=3)
        before = (ani.rows(), server_rows(central), server_rows(empty.render_as_string(hide_password=False)))
        code, out, err = ani.sync(target, capsys=capsys)
        assert (code, out) == (2, "")
        assert err.startswith("error: ") and sentence in err and err.count("\n") == 1
        after = (ani.rows(), server_rows(central), server_rows(empty.render_as_string(hide_password=False)))
        assert after == before
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{empty.database}" WITH (FORCE)'))
        admin.dispose()


def test_json_counts(central, laptops, capsys):
    import json

    ani = laptops("ani")
    aid = ani.new()
    ani.answer(aid, ani.codes(aid)[0], level=3)
    assert main(["--db", str(ani.path), "sync", "--server", central, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {k: data[k] for k in ("pushed", "pulled", "conflicts")} == {"pushed": 1, "pulled": 0, "conflicts": 0}
    assert data["assessments"][0]["id"] == str(aid) and data["assessments"][0]["created_on_server"] is True


def test_an_evidence_removal_and_an_open_conflict_travel_through_the_server(central, laptops, capsys):
    """What package format 2 carries (removals, open conflicts) a sync carries too."""
    from smartcity_assess.services.evidence import remove_evidence

    ani, budi, cici = laptops("ani"), laptops("budi"), laptops("cici")
    aid = ani.new()
    first, second = ani.codes(aid)[:2]
    ani.answer(aid, first, level=2)
    ani.attach(aid, first, "old-sop.pdf", b"%PDF old SOP")
    ani.sync(central, capsys=capsys)
    budi.sync(central, capsys=capsys)

    [old] = ani.store.evidence(aid)
    remove_evidence(ani.store, old.id, actor="ani")  # ani removes the file; nobody else touches it
    ani.answer(aid, second, level=4)
    budi.answer(aid, second, level=1)  # and both answer the same indicator differently
    ani.sync(central, capsys=capsys)
    assert budi.sync(central, capsys=capsys)[1].splitlines()[0].endswith("conflicts 1")
    assert budi.store.evidence(aid) == []  # removed on budi's laptop too, not brought back

    budi.sync(central, capsys=capsys)  # budi leaves the conflict open and syncs again
    cici.sync(central, capsys=capsys)
    assert cici.store.evidence(aid) == []
    assert [c.indicator for c in open_conflicts(cici.store, aid)] == [second]  # the open one came along


def test_a_granted_assessor_syncs_conflicts_and_removals_under_the_servers_rules(central, laptops, capsys):
    """Row-level security lets an assessor write every table a merge writes, for a granted city's draft."""
    from smartcity_assess.services.evidence import remove_evidence

    login = f"ana_{uuid.uuid4().hex[:6]}"
    admin = create_engine(central, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"CREATE ROLE {login} LOGIN"))
    try:
        server.grant(central, login, "assessor", ["Kota Bandung"])
        url = as_login(central, login)
        lead, ana = laptops("lead"), laptops("ana")
        aid = lead.new()
        code = lead.codes(aid)[0]
        lead.answer(aid, code, level=2)
        lead.attach(aid, code, "sop.pdf", b"%PDF draft")
        lead.sync(central, capsys=capsys)
        assert ana.sync(url, capsys=capsys)[0] == 0

        lead.answer(aid, code, level=4)
        lead.sync(central, capsys=capsys)
        ana.answer(aid, code, level=1)
        [pdf] = ana.store.evidence(aid)
        remove_evidence(ana.store, pdf.id, actor="ana")
        code_, out, err = ana.sync(url, capsys=capsys)  # the conflict is kept on both sides, the removal moves
        assert (code_, err) == (0, "") and "conflicts 1" in out.splitlines()[0]
        assert [c.indicator for c in open_conflicts(ana.store, aid)] == [code]
        lead.sync(central, capsys=capsys)
        assert [c.indicator for c in open_conflicts(lead.store, aid)] == [code]
        assert lead.store.evidence(aid) == []
    finally:
        with admin.connect() as conn:
            conn.execute(text(f"DROP OWNED BY {login}"))
            conn.execute(text(f"DROP ROLE {login}"))
        admin.dispose()
