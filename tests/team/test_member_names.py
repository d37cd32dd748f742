"""A member name with a line end or a control character (a damaged zip's) is refused in one line."""

import pytest

from smartcity_assess.core.errors import UserError
from tests.team.helpers import members, repack


@pytest.mark.parametrize("name", ["evidence/\nx", "a\x00b.json", "line\u2028end"])
def test_a_member_name_with_control_characters_is_one_line(lead_package, laptops, name):
    _lead, _aid, package = lead_package
    ani = laptops("ani")
    path = package.with_name("odd-names.scapkg")
    path.write_bytes(repack(members(package), names=[name]))
    before = ani.rows()
    with pytest.raises(UserError) as refused:
        ani.receive(path)
    text = refused.value.text("en")
    assert "\n" not in text and "\x00" not in text and "\u2028" not in text
    assert ani.rows() == before
