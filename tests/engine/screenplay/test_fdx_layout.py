"""parse_fdx: ElementSettings, PageLayout, MoresAndContinueds, Revisions and Tagger data."""

from __future__ import annotations

from pathlib import Path

import pytest

from lynchpin.engine.screenplay.fdx import parse_fdx
from lynchpin.engine.screenplay.fdx_meta import rgb_hex
from lynchpin.engine.screenplay.model import (
    ElementKind,
    PageSetup,
    ParagraphStyle,
    Revision,
    Script,
    TagRef,
)

FIXTURES = Path(__file__).parent / "fixtures" / "fdx"
CONTENT = '<Content><Paragraph Type="Action"><Text>x</Text></Paragraph></Content>'


def fixture(name: str) -> Script:
    return parse_fdx((FIXTURES / name).read_bytes(), source=name)


def fdx(extra: str) -> bytes:
    return f'<FinalDraft Version="4">{CONTENT}{extra}</FinalDraft>'.encode()


def test_element_settings_become_styles() -> None:
    layout = fixture("multicam.fdx").layout
    assert layout.style(ElementKind.PARENTHETICAL) == ParagraphStyle(
        left=3.0,
        right=5.5,
        space_before=0,
        spacing=1.0,
        all_caps=False,
        align="left",
        starts_new_page=False,
        first_indent=-0.1,
    )
    heading = layout.style(ElementKind.SCENE_HEADING)
    assert heading is not None
    assert (heading.space_before, heading.all_caps) == (2, True)  # 24 pt = 2 lines
    transition = layout.style(ElementKind.TRANSITION)
    assert transition is not None and transition.align == "right"
    new_act = layout.style(ElementKind.NEW_ACT)
    assert new_act is not None and new_act.starts_new_page and new_act.align == "center"
    assert layout.style(ElementKind.ACTION) is None  # not in the file: paginator defaults


def test_the_contents_spelling_picks_between_end_of_act_styles() -> None:
    end = fixture("multicam.fdx").layout.style(ElementKind.END_OF_ACT)
    assert end is not None
    assert (end.left, end.space_before) == (1.0, 3)  # "End Of Act", as the content spells it


def test_multicam_from_double_spaced_dialogue() -> None:
    layout = fixture("multicam.fdx").layout
    dialogue = layout.style(ElementKind.DIALOGUE)
    assert layout.multicam
    assert dialogue is not None and dialogue.spacing == 2.0 and dialogue.left == 2.25
    assert not fixture("features.fdx").layout.multicam


def test_page_layout_and_dialogue_breaks() -> None:
    page = fixture("multicam.fdx").layout.page
    assert page == PageSetup(
        width=8.27,
        height=11.69,
        top_margin=54.0,
        bottom_margin=54.0,
        header_margin=30.0,
        footer_margin=30.0,
        lines_per_page=61,
        break_at_sentences=False,
        more="(MORE...)",
        continued="(CONTINUING)",
        auto_contd=False,
    )


def test_defaults_without_layout_blocks() -> None:
    script = fixture("features.fdx")
    assert script.layout.page == PageSetup()
    assert script.layout.styles == ()


def test_markers_switched_off_are_empty() -> None:
    extra = (
        '<MoresAndContinueds><DialogueBreaks AutomaticCharacterContinueds="Yes" '
        'BottomOfPage="No" DialogueBottom="(MORE)" DialogueTop="(CONT\'D)" TopOfNext="No"/>'
        "</MoresAndContinueds>"
    )
    page = parse_fdx(fdx(extra)).layout.page
    assert (page.more, page.continued, page.auto_contd) == ("", "", True)


@pytest.mark.parametrize(
    "attributes",
    [
        'TopMargin="900" BottomMargin="72"',
        'TopMargin="nan" BottomMargin="-5"',
        'TopMargin="72" BottomMargin="72"><PageSize Height="0" Width="8.5"/',
    ],
)
def test_impossible_page_falls_back_to_letter(attributes: str) -> None:
    script = parse_fdx(fdx(f"<PageLayout {attributes}></PageLayout>"))
    assert script.layout.page.lines_per_page == 54
    assert any("PageLayout" in warning for warning in script.warnings)


def test_unreadable_numbers_fall_back() -> None:
    extra = (
        '<ElementSettings Type="Action"><FontSpec Style=""/>'
        '<ParagraphSpec LeftIndent="wide" RightIndent="inf" SpaceBefore="x" Spacing="" />'
        "</ElementSettings>"
    )
    style = parse_fdx(fdx(extra)).layout.style(ElementKind.ACTION)
    assert style == ParagraphStyle(left=1.5, right=7.5, space_before=0, spacing=1.0)


def test_revisions_with_colour_names_or_hex() -> None:
    assert fixture("multicam.fdx").revisions == (
        Revision("1", "Blue Rev. (mm/dd/yyyy)", "Blue"),
        Revision("2", "Second Revision", "#FF7E79"),
        Revision("3", "Studio draft", "#FDCCD4"),
    )


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("#FFFF7E7E7979", "#FF7E79"),
        ("#c6c6ededfefe", "#C6EDFE"),
        ("#123456", "#123456"),
        ("red", ""),
        ("", ""),
    ],
)
def test_rgb_hex(value: str, expected: str) -> None:
    assert rgb_hex(value) == expected


def test_tagged_runs_resolve_to_category_and_label() -> None:
    script = fixture("tagged.fdx")
    action = script.elements[1]
    assert action.tags == (
        TagRef("Cast Members", "NELL"),
        TagRef("Props", "rusty spanner"),
        TagRef("Sound", "diesel engine coughing"),
    )  # each once, in order; the dangling number 99 and the orphan definition skipped
    assert script.elements[2].tags == (TagRef("Cast Members", "NELL"),)
    assert script.elements[3].tags == ()
    assert script.scenes[0].stored_length == 3


def test_tag_definition_id_as_attribute_and_several_numbers_on_a_run() -> None:
    content = (
        '<Content><Paragraph Type="Action"><Text TagNumber="7, 8">gun</Text></Paragraph></Content>'
    )
    tag_data = (
        '<TagData><TagCategories><TagCategory Id="c1" Name="Props"/>'
        '<TagCategory Id="c2" Name="Special Effects"/></TagCategories>'
        '<TagDefinitions><TagDefinition CatId="c1" Id="d1" Label="revolver"/>'
        '<TagDefinition CatId="c2" Id="d2" Label="muzzle flash"/></TagDefinitions>'
        '<Tags><Tag Number="7" DefId="d1"/><Tag Number="8"><DefId>d2</DefId></Tag></Tags></TagData>'
    )
    script = parse_fdx(f'<FinalDraft Version="5">{content}{tag_data}</FinalDraft>'.encode())
    assert script.elements[0].tags == (
        TagRef("Props", "revolver"),
        TagRef("Special Effects", "muzzle flash"),
    )
