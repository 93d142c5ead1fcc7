"""KeePass 2 XML exports (KeePass: File > Export > KeePass XML (2.x); KeePassXC: Export > XML).

`<KeePassFile><Meta>…<RecycleBinUUID>…</Meta><Root><Group><UUID/><Name/><Entry><String><Key>Title</Key>
<Value>…</Value></String>…<History><Entry>…</Entry></History></Entry><Group>…</Group></Group></Root>`:
each entry's fields are String Key/Value pairs (Title, UserName, Password, URL, Notes, custom keys).
Protected values (Password) carry `Protected="True"` or `ProtectInMemory="True"`; in an unencrypted
export they are plain text, so they are skipped while parsing, never kept. History entries (old
versions of an entry) and the recycle bin's entries are not logins. Layout: KeePass's schema
(keepass.info/help/download/KDBX_XML.xsd) and keepassxreboot/keepassxc-specs kdbx-xml/rfc.md.

Parsed as it streams with expat and the guards of the SMS reader: no DTD, no entity declarations.
"""

from __future__ import annotations

from collections.abc import Iterator

from numretire.importers import ImportFileError, Login, PathLike

READ = 1 << 16
MAX_VALUE = 8192  # characters kept of a Title, UserName or URL
WANTED = {"Title", "UserName", "URL"}


class _State:
    def __init__(self) -> None:
        self.path: list[str] = []
        self.groups: list[str] = []  # the UUID of each open group
        self.recycle = ""
        self.history = 0
        self.entry: dict[str, str] | None = None
        self.key = ""
        self.text: list[str] = []
        self.protected = False
        self.out: list[tuple[dict[str, str], bool]] = []
        self.in_recycle: list[bool] = []


def iter_logins(path: PathLike) -> Iterator[Login]:
    """The logins (URL, username, title) of a KeePass 2 XML export, one per entry with a URL."""
    from xml.parsers import expat

    where = str(path)
    state = _State()
    parser = expat.ParserCreate()

    def refuse(*_args):
        raise ImportFileError("import.xml_dtd", path=where)

    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    parser.UnparsedEntityDeclHandler = refuse
    parser.ExternalEntityRefHandler = refuse

    def start(name, attrs):
        state.path.append(name)
        if name == "Group":
            state.in_recycle.append(False)
        elif name == "History":
            state.history += 1
        elif name == "Entry" and not state.history:
            state.entry = {}
        elif name == "Value":
            state.protected = attrs.get("Protected") == "True" or attrs.get("ProtectInMemory") == "True"
        if name in ("Key", "Value", "UUID", "RecycleBinUUID"):
            state.text = []

    def data(chunk):
        if (state.path and state.path[-1] in ("Key", "UUID", "RecycleBinUUID")) or (
            state.path
            and state.path[-1] == "Value"
            and not state.protected
            and state.key in WANTED
            and sum(map(len, state.text)) < MAX_VALUE
        ):
            state.text.append(chunk)

    def end(name):
        state.path.pop()
        parent = state.path[-1] if state.path else ""
        if name == "RecycleBinUUID":
            state.recycle = "".join(state.text).strip()
        elif name == "UUID" and parent == "Group" and state.recycle:
            if "".join(state.text).strip() == state.recycle:
                state.in_recycle[-1] = True
        elif name == "Key" and state.entry is not None and parent == "String" and not state.history:
            state.key = "".join(state.text).strip()
        elif name == "Value" and state.entry is not None and parent == "String" and not state.history:
            if state.key in WANTED and not state.protected:
                state.entry[state.key] = "".join(state.text).strip()[:MAX_VALUE]
            state.key, state.protected, state.text = "", False, []
        elif name == "History":
            state.history -= 1
        elif name == "Entry" and not state.history and state.entry is not None:
            state.out.append((state.entry, any(state.in_recycle)))
            state.entry = None
        elif name == "Group":
            state.in_recycle.pop()

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = data
    from numretire.importers import limits

    root_seen = False
    fed = 0
    try:
        with open(path, "rb") as handle:
            while block := handle.read(READ):
                parser.Parse(block, False)
                fed += len(block)  # one tag or comment is never held whole past the bound
                limits.check_token(fed, parser.CurrentByteIndex, where, parser.CurrentLineNumber)
                if not root_seen and state.path:
                    root_seen = True
                    if state.path[0] != "KeePassFile":
                        raise ImportFileError("import.unknown_password_format", path=where)
                yield from _logins(state)
            parser.Parse(b"", True)
    except expat.ExpatError as exc:
        raise ImportFileError(
            "import.bad_xml", path=where, line=exc.lineno, problem=expat.ErrorString(exc.code)
        ) from None
    except OSError as exc:
        raise ImportFileError("import.unreadable", path=where, problem=exc.strerror or str(exc)) from None
    yield from _logins(state)


def _logins(state: _State) -> Iterator[Login]:
    found, state.out = state.out, []
    for entry, recycled in found:
        url = entry.get("URL", "")
        if url and not recycled:
            yield Login(url, entry.get("UserName", ""), entry.get("Title", ""))
