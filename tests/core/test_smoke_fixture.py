def test_mini_framework_loads(mini_framework):
    assert [p.code for p in mini_framework.pillars] == ["GOV", "WIFI"]
