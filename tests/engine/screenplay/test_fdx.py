"""parse_fdx: headers, paragraph text, kinds, speeches, dual dialogue and scenes."""

from __future__ import annotations

from pathlib import Path

import pytest

from lynchpin.engine.errors import InputError
from lynchpin.engine.screenplay.fdx import parse_fdx
from lynchpin.engine.screenplay.model import DualSide, ElementKind, IntExt, Script, SourceFormat

FIXTURES = Path(__file__).parent / "fixtures" / "fdx"

BODY = (
    '<Content><Paragraph Type="Scene Heading"><Text>INT. CABIN - NIGHT</Text></Paragraph>'
    '<Paragraph Type="Character"><Text>NELL</Text></Paragraph>'
    '<Paragraph Type="Dialogue"><Text>Hello.</Text></Paragraph></Content>'
)


def fdx(body: str = BODY, *, version: str = "1", declaration: str = "") -> bytes:
    """A minimal FDX document around `body` (the <Content> element and any siblings)."""
    root = (
        f'<FinalDraft DocumentType="Script" Template="No" Version="{version}">{body}</FinalDraft>'
    )
    return (declaration + root).encode("utf-8")


def fixture(name: str) -> Script:
    return parse_fdx((FIXTURES / name).read_bytes(), source=name)


def kinds(script: Script) -> list[ElementKind]:
    return [element.kind for element in script.elements]


@pytest.mark.parametrize("version", ["1", "2", "3", "4", "5", "6"])
def test_every_known_version_reads_the_same(version: str) -> None:
    script = parse_fdx(fdx(version=version), source="v.fdx")
    assert script.source_format is SourceFormat.FDX
    assert script.source_name == "v.fdx"
    assert kinds(script) == [ElementKind.SCENE_HEADING, ElementKind.CHARACTER, ElementKind.DIALOGUE]
    assert script.warnings == ()


def test_unknown_version_is_read_with_a_warning() -> None:
    script = parse_fdx(fdx(version="9"))
    assert len(script.scenes) == 1
    assert any("Version 9" in warning for warning in script.warnings)


@pytest.mark.parametrize(
    "declaration",
    [
        "",
        '<?xml version="1.0" encoding="UTF-8" standalone="no" ?>\n',
        "<?xml version='1.0' encoding='utf-8'?>\n",
        '\ufeff<?xml version="1.0" encoding="UTF-8"?>\r\n',
        "\ufeff",
    ],
)
def test_declaration_quotes_and_bom(declaration: str) -> None:
    script = parse_fdx(fdx(declaration=declaration))
    assert [e.text for e in script.elements] == ["INT. CABIN - NIGHT", "NELL", "Hello."]


def test_whole_file_on_one_line_numbers_every_paragraph_line_one() -> None:
    data = fdx(declaration='<?xml version="1.0"?>')
    assert b"\n" not in data
    script = parse_fdx(data)
    assert [e.line for e in script.elements] == [1, 1, 1]


def test_line_is_where_the_paragraph_starts() -> None:
    script = fixture("features.fdx")
    text = (FIXTURES / "features.fdx").read_text(encoding="utf-8").splitlines()
    for element in script.elements:
        assert "<Paragraph" in text[element.line - 1]
    assert script.elements[0].line == 4


def test_runs_are_joined_with_all_caps_hidden_and_notes_handled() -> None:
    script = fixture("features.fdx")
    heading, action = script.elements[1], script.elements[2]
    assert heading.text == "EXT. HARBOUR - DAWN"  # runs styled AllCaps upper-cased
    assert action.text == "Gulls wheel over the quay."  # hidden run and ScriptNote skipped
    assert all("SECRET" not in e.text and "tide" not in e.text for e in script.elements)
    assert all("hidden paragraph" not in e.text for e in script.elements)
    assert all(e.text != "Not printed." for e in script.elements)  # Note type dropped


def test_type_all_caps_from_element_settings_and_defaults() -> None:
    script = fixture("multicam.fdx")
    by_kind = {e.kind: e.text for e in script.elements}
    assert by_kind[ElementKind.SCENE_HEADING] == "INT. DINER - DAY"
    assert by_kind[ElementKind.CHARACTER] == "RITA"
    assert by_kind[ElementKind.DIALOGUE] == "coffee's cold."
    # This file's Transition font is not AllCaps, so the text stays as typed.
    assert by_kind[ElementKind.TRANSITION] == "cut to:"
    # Without ElementSettings, Final Draft's defaults upper-case transitions.
    assert fixture("features.fdx").elements[12].text == "CUT TO:"


def test_every_paragraph_type_maps_to_a_kind() -> None:
    assert kinds(fixture("features.fdx")) == [
        ElementKind.NEW_ACT,
        ElementKind.SCENE_HEADING,
        ElementKind.ACTION,
        ElementKind.CHARACTER,
        ElementKind.PARENTHETICAL,
        ElementKind.DIALOGUE,
        ElementKind.CHARACTER,
        ElementKind.DIALOGUE,
        ElementKind.CHARACTER,
        ElementKind.PARENTHETICAL,
        ElementKind.DIALOGUE,
        ElementKind.LYRIC,
        ElementKind.TRANSITION,
        ElementKind.SCENE_HEADING,
        ElementKind.SECTION,
        ElementKind.SYNOPSIS,
        ElementKind.SHOT,
        ElementKind.CAST_LIST,
        ElementKind.CENTERED,
        ElementKind.END_OF_ACT,
        ElementKind.ACTION,
    ]


def test_custom_type_paginated_as_scene_heading_is_a_shot_not_a_scene() -> None:
    script = fixture("multicam.fdx")
    insert = [e for e in script.elements if e.text == "THE MENU"]
    assert insert and insert[0].kind is ElementKind.SHOT
    assert len(script.scenes) == 1
    assert any("'Insert'" in warning for warning in script.warnings)


def test_unknown_type_without_settings_is_general() -> None:
    body = '<Content><Paragraph Type="Widget"><Text>odd</Text></Paragraph></Content>'
    script = parse_fdx(fdx(body))
    assert kinds(script) == [ElementKind.GENERAL]
    assert script.warnings


def test_cue_padding_stripped_and_empty_cue_dropped() -> None:
    script = fixture("features.fdx")
    cues = [e for e in script.elements if e.kind is ElementKind.CHARACTER]
    assert [c.text for c in cues] == ["NELL (V.O.)", "NELL", "TOM (CONT'D)"]


def test_speakers_cover_the_whole_speech_only() -> None:
    script = fixture("features.fdx")
    speakers = [(e.kind, e.speaker) for e in script.elements[:7]]
    assert speakers[2] == (ElementKind.ACTION, "")
    assert speakers[3:6] == [
        (ElementKind.CHARACTER, "NELL"),
        (ElementKind.PARENTHETICAL, "NELL"),
        (ElementKind.DIALOGUE, "NELL"),
    ]
    lyric = script.elements[11]
    assert lyric.kind is ElementKind.LYRIC and lyric.speaker == ""  # no speech leaves a dual group


def test_dual_dialogue_sides() -> None:
    script = fixture("features.fdx")
    dual = [(e.text, e.speaker, e.dual) for e in script.elements if e.dual is not None]
    assert dual == [
        ("NELL", "NELL", DualSide.LEFT),
        ("Now!", "NELL", DualSide.LEFT),
        ("TOM (CONT'D)", "TOM", DualSide.RIGHT),
        ("(shouting)", "TOM", DualSide.RIGHT),
        ("Never!", "TOM", DualSide.RIGHT),
    ]
    assert {c.name: c.dialogue_blocks for c in script.characters} == {"NELL": 2, "TOM": 1}


def test_dual_dialogue_directly_in_content() -> None:
    body = (
        "<Content><DualDialogue>"
        '<Paragraph Type="Character"><Text>A</Text></Paragraph>'
        '<Paragraph Type="Dialogue"><Text>One.</Text></Paragraph>'
        '<Paragraph Type="Character"><Text>B</Text></Paragraph>'
        '<Paragraph Type="Dialogue"><Text>Two.</Text></Paragraph>'
        "</DualDialogue></Content>"
    )
    sides = [e.dual for e in parse_fdx(fdx(body)).elements]
    assert sides == [DualSide.LEFT, DualSide.LEFT, DualSide.RIGHT, DualSide.RIGHT]


def test_starts_new_page_from_paragraph_or_style() -> None:
    script = fixture("features.fdx")
    assert [e.kind for e in script.elements if e.starts_new_page] == [
        ElementKind.NEW_ACT,
        ElementKind.SHOT,
    ]
    body = '<Content><Paragraph Type="New Act"><Text>ACT TWO</Text></Paragraph></Content>'
    settings = (
        '<ElementSettings Type="New Act"><FontSpec Style="AllCaps"/>'
        '<ParagraphSpec LeftIndent="1.00" RightIndent="7.50" StartsNewPage="Yes"/>'
        "</ElementSettings>"
    )
    assert parse_fdx(fdx(body + settings)).elements[0].starts_new_page


def test_scene_number_properties_and_synopsis() -> None:
    first, later = fixture("features.fdx").scenes
    assert first.number == "12A"
    assert first.stored_length == 11  # "1 3/8"
    assert first.stored_page == "4"
    assert first.synopsis == "Nell reaches the ferry.\nTom refuses to sail."
    assert first.heading.int_ext is IntExt.EXT
    assert first.heading.set_name == "HARBOUR" and first.heading.time_of_day == "DAWN"
    assert later.heading.text == "LATER" and later.heading.int_ext is IntExt.NONE
    assert later.number == "" and later.stored_length is None
    assert later.synopsis == "Nell and Tom argue on deck."  # from the Summary paragraph


def test_scenes_end_at_act_breaks() -> None:
    script = fixture("features.fdx")
    first, later = script.scenes
    assert (first.start, first.end) == (1, later.start)
    assert script.elements[later.end].kind is ElementKind.END_OF_ACT
    assert later.end == len(script.elements) - 2


def test_unreadable_scene_length_is_a_warning() -> None:
    body = (
        '<Content><Paragraph Type="Scene Heading"><SceneProperties Length="lots" Page="2"/>'
        "<Text>INT. A - DAY</Text></Paragraph></Content>"
    )
    script = parse_fdx(fdx(body))
    assert script.scenes[0].stored_length is None
    assert script.scenes[0].stored_page == "2"
    assert any("lots" in warning for warning in script.warnings)


def test_revision_id_is_the_latest_on_the_runs() -> None:
    script = fixture("features.fdx")
    assert [e.revision for e in script.elements if e.revision] == ["2"]
    assert script.elements[3].revision == ""


def test_nbsp_and_line_breaks_inside_a_paragraph() -> None:
    body = (
        '<Content><Paragraph Type="Action"><Text>\n  Line\u00a0one\r\nline two  \n\n</Text>'
        "</Paragraph></Content>"
    )
    assert parse_fdx(fdx(body)).elements[0].text == "  Line one\nline two"


def test_empty_action_paragraph_is_kept() -> None:
    body = '<Content><Paragraph Type="Action"><Text></Text></Paragraph></Content>'
    assert [(e.kind, e.text) for e in parse_fdx(fdx(body)).elements] == [(ElementKind.ACTION, "")]


def test_title_page() -> None:
    title_page = (
        "<TitlePage><Content>"
        '<Paragraph Alignment="Center"><Text>THE NIGHT FERRY</Text></Paragraph>'
        '<Paragraph Alignment="Center"><Text></Text></Paragraph>'
        '<Paragraph Alignment="Center"><Text>Written by</Text></Paragraph>'
        '<Paragraph Alignment="Center"><Text>Ann Author</Text></Paragraph>'
        '<Paragraph Alignment="Left"><Text>1 Quay Street</Text></Paragraph>'
        '<Paragraph Alignment="Left"><Text>Harbourtown</Text></Paragraph>'
        '<Paragraph Alignment="Right"><Text>May 1, 2024</Text></Paragraph>'
        "</Content></TitlePage>"
    )
    script = parse_fdx(fdx(BODY + title_page))
    assert script.title == "THE NIGHT FERRY"
    assert dict(script.title_page) == {
        "Title": "THE NIGHT FERRY",
        "Credit": "Written by",
        "Author": "Ann Author",
        "Contact": "1 Quay Street\nHarbourtown",
        "Draft date": "May 1, 2024",
    }


def test_title_page_paragraphs_are_not_script_content() -> None:
    title_page = (
        '<TitlePage><Content><Paragraph Type="Scene Heading"><Text>INT. NOT A SCENE</Text>'
        "</Paragraph></Content></TitlePage>"
    )
    assert len(parse_fdx(fdx(BODY + title_page)).scenes) == 1


@pytest.mark.parametrize(
    ("data", "needle"),
    [
        (b'<?xml version="1.0"?><Script><Content/></Script>', "<Script>"),
        (b'<FinalDraft Version="1"><TitlePage/></FinalDraft>', "<Content>"),
    ],
)
def test_not_a_final_draft_document(data: bytes, needle: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_fdx(data, source="x.fdx")
    assert needle in str(caught.value)
    assert caught.value.source == "x.fdx"


def test_malformed_xml_names_the_line() -> None:
    data = b'<?xml version="1.0"?>\n<FinalDraft Version="1">\n<Content>\n<Paragraph>\n</Content>'
    with pytest.raises(InputError) as caught:
        parse_fdx(data, source="broken.fdx")
    assert caught.value.line == 5
    assert str(caught.value).startswith("broken.fdx:5:")


@pytest.mark.parametrize(
    "data", [b"", b"   ", b"\x00\x01\x02", b"INT. HOUSE - DAY", b"<FinalDraft"]
)
def test_garbage_is_an_input_error(data: bytes) -> None:
    with pytest.raises(InputError):
        parse_fdx(data)
