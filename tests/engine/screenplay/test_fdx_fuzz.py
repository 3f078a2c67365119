"""parse_fdx on hostile input: XML bombs, external entities, arbitrary and mutated bytes.

Whatever the bytes, the result is a Script or an InputError, never another exception.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lynchpin.engine.errors import InputError
from lynchpin.engine.screenplay.fdx import parse_fdx
from lynchpin.engine.screenplay.model import Script

FIXTURES = Path(__file__).parent / "fixtures" / "fdx"
SEEDS = [(FIXTURES / name).read_bytes() for name in ("features.fdx", "tagged.fdx", "multicam.fdx")]

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<FinalDraft Version="1"><Content><Paragraph Type="Action"><Text>&lol9;</Text></Paragraph>
</Content></FinalDraft>"""

EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE FinalDraft [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<FinalDraft Version="1"><Content><Paragraph Type="Action"><Text>&secret;</Text></Paragraph>
</Content></FinalDraft>"""

EXTERNAL_DTD = b"""<?xml version="1.0"?>
<!DOCTYPE FinalDraft SYSTEM "http://example.invalid/fdx.dtd">
<FinalDraft Version="1"><Content/></FinalDraft>"""

PARAMETER_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE FinalDraft [<!ENTITY % remote SYSTEM "http://example.invalid/x.dtd"> %remote;]>
<FinalDraft Version="1"><Content/></FinalDraft>"""

QUADRATIC = (
    b'<?xml version="1.0"?><!DOCTYPE FinalDraft [<!ENTITY a "' + b"x" * 50_000 + b'">]>'
    b'<FinalDraft Version="1"><Content><Paragraph Type="Action"><Text>'
    + b"&a;" * 50_000
    + b"</Text></Paragraph></Content></FinalDraft>"
)


@pytest.mark.parametrize(
    "data",
    [BILLION_LAUGHS, EXTERNAL_ENTITY, EXTERNAL_DTD, PARAMETER_ENTITY, QUADRATIC],
    ids=["billion-laughs", "external-entity", "external-dtd", "parameter-entity", "quadratic"],
)
def test_xml_attacks_are_refused(data: bytes) -> None:
    with pytest.raises(InputError) as caught:
        parse_fdx(data, source="evil.fdx")
    assert caught.value.source == "evil.fdx"
    assert caught.value.line in {1, 2}


def test_undefined_entity_is_malformed() -> None:
    with pytest.raises(InputError):
        parse_fdx(b'<FinalDraft Version="1"><Content>&nope;</Content></FinalDraft>')


def test_deeply_nested_dual_dialogue_does_not_recurse() -> None:
    depth = 5000
    inner = "<Paragraph><DualDialogue>" * depth + "</DualDialogue></Paragraph>" * depth
    data = f'<FinalDraft Version="1"><Content>{inner}</Content></FinalDraft>'.encode()
    # Only the outermost group is read (one empty untyped paragraph); deeper ones are ignored.
    assert len(parse_fdx(data).elements) == 1


def _parse(data: bytes) -> Script | None:
    try:
        return parse_fdx(data, source="fuzz.fdx")
    except InputError:
        return None


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400))
def test_arbitrary_bytes(data: bytes) -> None:
    result = _parse(data)
    assert result is None or isinstance(result, Script)


@st.composite
def mutated_fdx(draw: st.DrawFn) -> bytes:
    """A seed document with a few byte-level insertions, deletions and replacements."""
    data = bytearray(draw(st.sampled_from(SEEDS)))
    snippets = st.sampled_from(
        [
            b"<",
            b">",
            b"/",
            b'"',
            b"&",
            b"&amp;",
            b"<Text>",
            b"</Paragraph>",
            b"<DualDialogue>",
            b'Type="Character"',
            b'Length="x/0"',
            b'StartsNewPage="Yes"',
            b'TagNumber="1"',
            b'Spacing="nan"',
            b"\x00",
            b"\xff",
            b"]]>",
            b"<!--",
            b"\xc3",
        ]
    )
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(data)))
        action = draw(st.sampled_from(["insert", "delete", "replace"]))
        if action == "insert":
            data[at:at] = draw(snippets)
        elif action == "delete":
            data[at : at + draw(st.integers(1, 40))] = b""
        else:
            data[at : at + 1] = draw(snippets)
    return bytes(data)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_fdx())
def test_mutated_documents(data: bytes) -> None:
    result = _parse(data)
    if result is not None:
        assert all(0 <= s.start < s.end <= len(result.elements) for s in result.scenes)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=60), st.sampled_from(["Action", "Character", "Scene Heading", "Weird"]))
def test_any_paragraph_text(text: str, paragraph_type: str) -> None:
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    data = (
        f'<FinalDraft Version="4"><Content><Paragraph Type="{paragraph_type}">'
        f"<Text>{escaped}</Text></Paragraph></Content></FinalDraft>"
    ).encode("utf-8", "surrogatepass")
    result = _parse(data)
    assert result is None or isinstance(result, Script)
