"""Fountain parser: one test (or a few) per element kind and per pitfall, on small inline text."""

from __future__ import annotations

from pathlib import Path

from lynchpin.engine.screenplay.fountain import decode_text, parse_fountain
from lynchpin.engine.screenplay.model import DualSide, Element, ElementKind, IntExt, SourceFormat

K = ElementKind


def parse(text: str) -> tuple[Element, ...]:
    return parse_fountain(text).elements


def kinds(text: str) -> list[tuple[ElementKind, str]]:
    return [(e.kind, e.text) for e in parse(text)]


# --- script value -------------------------------------------------------------------------


def test_script_carries_format_source_and_lines() -> None:
    script = parse_fountain("\nINT. HOUSE - DAY\n\nA door opens.\n", source="a.fountain")
    assert script.source_format is SourceFormat.FOUNTAIN
    assert script.source_name == "a.fountain"
    assert [e.line for e in script.elements] == [2, 4]


def test_empty_text_gives_empty_script() -> None:
    script = parse_fountain("")
    assert script.elements == () and script.scenes == ()


# --- title page ---------------------------------------------------------------------------


def test_title_page_keys_continuations_and_emphasis() -> None:
    text = (
        "Title:\n\t_**BRICK & STEEL**_\n\t*FULL RETIRED*\nCredit: Written by\n"
        "Info: anything\nContact:\n    1 Main St\n    Town\n\nEXT. YARD - DAY\n"
    )
    script = parse_fountain(text)
    assert script.title_page == (
        ("Title", "BRICK & STEEL\nFULL RETIRED"),
        ("Credit", "Written by"),
        ("Info", "anything"),
        ("Contact", "1 Main St\nTown"),
    )
    assert script.title == "BRICK & STEEL"
    assert [e.kind for e in script.elements] == [K.SCENE_HEADING]


def test_title_page_whitespace_only_line_does_not_end_it() -> None:
    script = parse_fountain("Title: Torn\nDate: 2015\n    \nAuthor: Me\n\nEXT. ROAD - DAY\n")
    assert script.title_page == (("Title", "Torn"), ("Date", "2015"), ("Author", "Me"))


def test_title_page_ends_at_a_line_that_is_not_a_key() -> None:
    script = parse_fountain("Title: Torn\n    \nFADE IN:\n    \nEXT. BOULEVARD - DAY\n\nRain.\n")
    assert script.title_page == (("Title", "Torn"),)
    assert [e.kind for e in script.elements] == [K.ACTION, K.SCENE_HEADING, K.ACTION]
    assert len(script.scenes) == 1


def test_script_opening_with_fade_in_has_no_title_page() -> None:
    script = parse_fountain("FADE IN:\n\nINT. HOUSE - DAY\n")
    assert script.title_page == ()
    assert kinds("FADE IN:\n\nINT. HOUSE - DAY\n")[0] == (K.ACTION, "FADE IN:")


def test_fmt_multicam_sets_layout() -> None:
    assert parse_fountain("Title: X\nfmt: multicam acat\n\nA.\n").layout.multicam is True
    assert parse_fountain("Title: X\n\nA.\n").layout.multicam is False


# --- scene headings -----------------------------------------------------------------------


def test_heading_prefixes_case_insensitive() -> None:
    text = "\n\n".join(
        ["INT. A - DAY", "ext. b - night", "EST. C", "INT./EXT. D", "INT/EXT E", "I/E F"]
    )
    assert [k for k, _ in kinds(text)] == [K.SCENE_HEADING] * 6
    script = parse_fountain(text)
    assert [s.heading.int_ext for s in script.scenes] == [
        IntExt.INT, IntExt.EXT, IntExt.EXT, IntExt.INT_EXT, IntExt.INT_EXT, IntExt.INT_EXT
    ]


def test_heading_needs_blank_lines_around_it() -> None:
    assert kinds("Walking.\nINT. HOUSE - DAY\n\nMore.") == [
        (K.ACTION, "Walking.\nINT. HOUSE - DAY"), (K.ACTION, "More.")
    ]
    assert kinds("INT. HOUSE - DAY\nShe enters.") == [(K.ACTION, "INT. HOUSE - DAY\nShe enters.")]


def test_words_starting_like_prefixes_are_not_headings() -> None:
    assert kinds("INTERIOR DESIGN IS HARD.\n\nEXTRA!")[0][0] is K.ACTION
    assert kinds("EXT/INT. SHACK - DAY")[0][0] is K.ACTION  # not a Fountain prefix


def test_forced_heading_but_not_ellipsis() -> None:
    assert kinds(".SNIPER SCOPE POV\n\n...and then.") == [
        (K.SCENE_HEADING, "SNIPER SCOPE POV"), (K.ACTION, "...and then.")
    ]
    script = parse_fountain(".WNĘTRZE. WYSYPISKO - DZIEŃ\n")
    assert script.scenes[0].heading.int_ext is IntExt.NONE
    assert script.scenes[0].heading.text == "WNĘTRZE. WYSYPISKO - DZIEŃ"


def test_scene_numbers_kept_as_strings_and_removed_from_text() -> None:
    script = parse_fountain("INT. HOUSE - DAY #12A#\n\nA.\n\nEXT. ROAD #I-1.#\n\nB.\n")
    assert [s.number for s in script.scenes] == ["12A", "I-1."]
    assert [script.elements[s.start].text for s in script.scenes] == [
        "INT. HOUSE - DAY", "EXT. ROAD"
    ]
    assert script.scenes[0].heading.time_of_day == "DAY"


def test_scenes_cover_elements_until_next_heading() -> None:
    script = parse_fountain("FADE IN:\n\nINT. A - DAY\n\nOne.\n\nTwo.\n\nEXT. B - NIGHT\n\nThree.")
    assert [(s.index, s.start, s.end) for s in script.scenes] == [(0, 1, 4), (1, 4, 6)]


def test_synopsis_after_heading_goes_to_scene() -> None:
    script = parse_fountain("INT. A - DAY\n\n= They meet.\n= Sparks.\n\nAction.\n")
    assert script.scenes[0].synopsis == "They meet.\nSparks."
    assert [e.kind for e in script.elements] == [K.SCENE_HEADING, K.SYNOPSIS, K.SYNOPSIS, K.ACTION]


def test_heading_directly_followed_by_synopsis_line() -> None:
    script = parse_fountain("\nINT. A - DAY\n= synopsis\n\nAction.\n")
    assert len(script.scenes) == 1 and script.scenes[0].synopsis == "synopsis"


# --- action -------------------------------------------------------------------------------


def test_action_keeps_line_breaks_and_indentation() -> None:
    assert kinds("A line.\n\tIndented line.\n") == [(K.ACTION, "A line.\n    Indented line.")]


def test_forced_action() -> None:
    assert kinds("!INT. NOT A HEADING\n\n!BOB\nhello") == [
        (K.ACTION, "INT. NOT A HEADING"), (K.ACTION, "BOB\nhello")
    ]


def test_all_caps_line_followed_by_blank_is_action() -> None:
    assert kinds("DELETED\n\nANOTHER ANGLE\n") == [
        (K.ACTION, "DELETED"), (K.ACTION, "ANOTHER ANGLE")
    ]


# --- characters and dialogue --------------------------------------------------------------


def test_simple_speech_with_parenthetical() -> None:
    elements = parse("STEEL\n(beer raised)\nTo retirement.\nAnd beyond.\n")
    assert [(e.kind, e.text, e.speaker) for e in elements] == [
        (K.CHARACTER, "STEEL", "STEEL"),
        (K.PARENTHETICAL, "(beer raised)", "STEEL"),
        (K.DIALOGUE, "To retirement.\nAnd beyond.", "STEEL"),
    ]
    assert [e.line for e in elements] == [1, 2, 3]


def test_cue_needs_a_following_line() -> None:
    assert kinds("BOB\n\nHello.") == [(K.ACTION, "BOB"), (K.ACTION, "Hello.")]


def test_cue_extensions_typed_glued_and_curly() -> None:
    elements = parse("EDWARD (V.O.)(CONT’D)\nHi.\n\nWILL (cont'd)\nHey.\n\nKATE (O.S.)\nYo.")
    cues = [e for e in elements if e.kind is K.CHARACTER]
    assert [(c.text, c.speaker) for c in cues] == [
        ("EDWARD (V.O.)(CONT’D)", "EDWARD"), ("WILL (cont'd)", "WILL"), ("KATE (O.S.)", "KATE")
    ]


def test_forced_mixed_case_cue() -> None:
    elements = parse("@McCLANE\nYippee.")
    assert (elements[0].kind, elements[0].text, elements[0].speaker) == (
        K.CHARACTER, "McCLANE", "MCCLANE"
    )


def test_unusual_names_are_cues() -> None:
    text = (
        "WORKER #2\nA.\n\nR2D2\nB.\n\nMR. & MRS. O'HARA\nC.\n\nSZPAKOWSKI (OFF)\nD.\n\n"
        "ÉLODIE\nE."
    )
    speakers = [e.speaker for e in parse(text) if e.kind is K.CHARACTER]
    assert speakers == ["WORKER #2", "R2D2", "MR. & MRS. O'HARA", "SZPAKOWSKI", "ÉLODIE"]


def test_nbsp_after_name_is_a_space() -> None:
    elements = parse("GUY\u00a0\nHello.")
    assert elements[0].speaker == "GUY" and "\u00a0" not in elements[0].text


def test_two_space_line_keeps_blank_inside_dialogue() -> None:
    elements = parse("DEALER\nTen.\n  \nTwenty.\n\nAction.")
    assert [(e.kind, e.text) for e in elements] == [
        (K.CHARACTER, "DEALER"), (K.DIALOGUE, "Ten.\n\nTwenty."), (K.ACTION, "Action.")
    ]


def test_lowercase_line_with_caps_name_is_not_a_cue() -> None:
    assert kinds("MIKE (30) a boxer\nwalks in.")[0][0] is K.ACTION


def test_lyrics_in_and_out_of_speech() -> None:
    elements = parse("MUSIC\n~I don't know\n~where you go\n\n~Alone in the dark")
    assert [(e.kind, e.text, e.speaker) for e in elements] == [
        (K.CHARACTER, "MUSIC", "MUSIC"),
        (K.LYRIC, "I don't know\nwhere you go", "MUSIC"),
        (K.LYRIC, "Alone in the dark", ""),
    ]


# --- dual dialogue ------------------------------------------------------------------------


def test_dual_dialogue_with_and_without_space() -> None:
    for cue in ("BRICK ^", "BRICK^"):
        elements = parse(f"STEEL\nScrew it.\n\n{cue}\n(shouting)\nScrew it.")
        assert [(e.kind, e.dual) for e in elements] == [
            (K.CHARACTER, DualSide.LEFT), (K.DIALOGUE, DualSide.LEFT),
            (K.CHARACTER, DualSide.RIGHT), (K.PARENTHETICAL, DualSide.RIGHT),
            (K.DIALOGUE, DualSide.RIGHT),
        ]
        assert elements[2].text == "BRICK" and elements[2].speaker == "BRICK"


def test_caret_without_preceding_speech_is_plain_speech() -> None:
    elements = parse("Action.\n\nBRICK ^\nAlone.")
    assert elements[1].kind is K.CHARACTER and elements[1].dual is None


# --- transitions, centred, breaks, sections ----------------------------------------------


def test_transitions_natural_and_forced() -> None:
    assert kinds("A.\n\nCUT TO:\n\n> FADE TO BLACK.\n\nB.") == [
        (K.ACTION, "A."), (K.TRANSITION, "CUT TO:"), (K.TRANSITION, "FADE TO BLACK."),
        (K.ACTION, "B."),
    ]


def test_transition_needs_blank_after_and_caps() -> None:
    assert kinds("Cut to:\n\nB.")[0][0] is K.ACTION
    assert kinds("FADE IN:\n\nB.")[0][0] is K.ACTION


def test_centered_lines_join() -> None:
    assert kinds("> BRICK <\n> & STEEL <\n\n>THE END<") == [
        (K.CENTERED, "BRICK\n& STEEL"), (K.CENTERED, "THE END")
    ]


def test_page_breaks_three_or_more_equals() -> None:
    assert kinds("A.\n\n===\n\nB.\n\n=====\n") == [
        (K.ACTION, "A."), (K.PAGE_BREAK, ""), (K.ACTION, "B."), (K.PAGE_BREAK, "")
    ]


def test_sections_and_synopses() -> None:
    assert kinds("# ACT I\n\n## Meet Scott\n\n= And Baxter.") == [
        (K.SECTION, "ACT I"), (K.SECTION, "Meet Scott"), (K.SYNOPSIS, "And Baxter.")
    ]


# --- notes and boneyard -------------------------------------------------------------------


def test_inline_own_line_glued_and_multiline_notes_are_removed() -> None:
    text = (
        "EXT. FARM - NIGHT[[Near the river.\n\nMore notes]]\n\nWheat. [[a note]] Dark.\n\n"
        "WALTER\n[[own line]]\nHello.\n\nWALTER[[remove me]]\n\nLater."
    )
    assert kinds(text) == [
        (K.SCENE_HEADING, "EXT. FARM - NIGHT"),
        (K.ACTION, "Wheat.  Dark."),
        (K.CHARACTER, "WALTER"),
        (K.DIALOGUE, "Hello."),
        (K.ACTION, "WALTER"),
        (K.ACTION, "Later."),
    ]


def test_boneyard_spanning_scenes_is_removed_and_lines_kept() -> None:
    script = parse_fountain("INT. A\n\n/*\nINT. B\n\nGone.\n*/\n\nINT. C\n\nStays.")
    assert [(e.kind, e.text, e.line) for e in script.elements] == [
        (K.SCENE_HEADING, "INT. A", 1), (K.SCENE_HEADING, "INT. C", 9), (K.ACTION, "Stays.", 11)
    ]
    assert script.warnings == ()


def test_unterminated_boneyard_removes_to_end_with_warning() -> None:
    script = parse_fountain("INT. A\n\nKept.\n\n/* never closed\n\nINT. B\n")
    assert [e.text for e in script.elements] == ["INT. A", "Kept."]
    assert any("boneyard" in w and "line 5" in w for w in script.warnings)


def test_unterminated_note_is_kept_as_text_with_warning() -> None:
    script = parse_fountain("Hello [[ there\n")
    assert script.elements[0].text == "Hello [[ there"
    assert any("note" in w for w in script.warnings)


# --- emphasis -----------------------------------------------------------------------------


def test_emphasis_is_stripped_and_escapes_kept() -> None:
    assert kinds("*italic* **bold** ***both*** _under_ \\*literal\\* 5 * 3")[0][1] == (
        "italic bold both under *literal* 5 * 3"
    )


def test_emphasis_wrapping_a_transition_or_heading() -> None:
    assert kinds("**FADE IN:**\n\n_**INT. HOUSE - DAY**_") == [
        (K.ACTION, "FADE IN:"), (K.SCENE_HEADING, "INT. HOUSE - DAY")
    ]


def test_pitfalls_fixture_end_to_end() -> None:
    path = Path(__file__).parent / "fixtures" / "fountain" / "pitfalls.fountain"
    script = parse_fountain(decode_text(path.read_bytes()), source=path.name)
    assert script.title == "THE NIGHT SHIFT" and script.layout.multicam
    assert [(s.number, s.heading.set_name, s.synopsis) for s in script.scenes] == [
        ("1", "DEPOT", "Buses sleep in rows."), ("2A", "BUS #2", "")
    ]
    assert [c.name for c in script.characters] == ["ROSA", "MCCLANE", "BOB", "ALICE"]
    assert [e.kind for e in script.elements][-3:] == [K.LYRIC, K.TRANSITION, K.CENTERED]
    assert not any("YARD" in e.text or "sweep sound" in e.text for e in script.elements)
