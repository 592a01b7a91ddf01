"""What an attacker sends: odd text, NUL and control characters, long values, formulas."""

from hypothesis import strategies as st

NASTY = [
    "\x00",
    "%00",
    '=HYPERLINK("https://evil.example")',
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "../../etc/passwd",
    "\r\n",
    "\u202e",
    "²",
    "a" * 300,
    "x@" + "b" * 300 + ".de",
    " ".join("abcdefghijklmnopqrstuvwxyz"),
    "DE-TH",
    "on_site",
    "confirmed",
    "-1",
    "99999999999999999999",
]

text = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=100, max_size=3000),
    st.sampled_from(NASTY),
    st.text(alphabet="\x00\t\r\n ;,=+-@\"'", max_size=20),
)
segment = st.one_of(st.text(min_size=1, max_size=80), st.sampled_from(NASTY))
query = st.dictionaries(
    st.one_of(
        st.sampled_from(
            [
                "q",
                "near",
                "state",
                "service",
                "language",
                "kind",
                "country",
                "topic",
                "page",
                "status",
                "attendance_mode",
                "organisation_kind",
                "next",
                "pk",
            ]
        ),
        st.text(max_size=10),
    ),
    text,
    max_size=5,
)
