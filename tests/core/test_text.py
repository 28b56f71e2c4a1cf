from hypothesis import given
from hypothesis import strategies as st

from nextround.text import escape_markdown


def test_images_links_html_and_streamlit_directives_are_escaped():
    escaped = escape_markdown("![x](http://evil.example/p.png) <script>alert(1)</script> :red[big] $x$")
    assert "](" not in escaped.replace("\\](", "")
    assert "\\!\\[x\\]\\(http\\:" in escaped
    assert "\\<script\\>" in escaped
    assert "\\:red\\[big\\]" in escaped
    assert "\\$x\\$" in escaped


def test_none_is_empty_and_whitespace_is_folded():
    assert escape_markdown(None) == ""
    assert escape_markdown("  Acme \n Ltd ") == "Acme Ltd"


@given(st.text())
def test_no_markdown_special_character_survives_unescaped(text):
    escaped = escape_markdown(text)
    i = 0
    while i < len(escaped):
        if escaped[i] == "\\":
            i += 2
            continue
        assert escaped[i] not in "\\`*_{}[]()#+-.!|<>~$:=&"
        i += 1
