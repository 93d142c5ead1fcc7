"""Answers typed at a prompt: one key press in a terminal (no Enter needed), a line anywhere else (tests
drive prompts through CliRunner's input). Words people type for an answer count as its key."""

from __future__ import annotations

import os
import sys

# Words for an answer, in either language, as people type them (any case).
WORDS = {
    "yes": "y",
    "是": "y",
    "是的": "y",
    "对": "y",
    "no": "n",
    "否": "n",
    "不": "n",
    "不是": "n",
    "不确定": "?",
    "skip": "k",
    "quit": "q",
    "退出": "q",
}
ESC = b"\x1b"
_ahead: list[bytes] = []  # a byte read while looking for an Enter after a key
EOT = b"\x04"  # Ctrl-D


def normalise(answer: str) -> str:
    """'Y', ' yes ', '是' -> 'y'; anything else as typed, folded."""
    folded = answer.strip().casefold()
    return WORDS.get(folded, folded)


def _terminal_fd() -> int | None:
    try:
        fd = sys.stdin.fileno()
    except (AttributeError, OSError, ValueError):
        return None
    return fd if os.isatty(fd) else None


def read_key(out, prompt: str) -> str:
    """The answer to `prompt`: a key in a terminal, else a line; Ctrl-D or the end of input is 'q'.
    Words for an answer (是, yes, quit) count as its key."""
    return normalise(read_answer(out, prompt))


def read_answer(out, prompt: str) -> str:
    """What is typed at `prompt`, as typed: one key in a terminal (no Enter needed), else a line without
    its surrounding spaces; Ctrl-D or the end of input is 'q'."""
    from numretire.cli.render import plain

    fd = _terminal_fd()
    if fd is None:
        try:
            return out.input(plain(prompt)).strip()
        except EOFError:
            return "q"
    out.print(plain(prompt), end="")
    key = _one_key(fd)
    out.print(plain(key))  # the key, as a line would have shown it
    return key


def _one_key(fd: int) -> str:
    """One character typed in the terminal `fd` (Enter and spaces are passed over; an escape sequence such
    as an arrow key is dropped). Ctrl-C still interrupts."""
    import select
    import termios
    import tty

    saved = termios.tcgetattr(fd)
    try:
        tty.setcbreak(fd, termios.TCSANOW)  # not TCSAFLUSH (the default): a key typed ahead is kept
        while True:
            first = _ahead.pop(0) if _ahead else os.read(fd, 1)
            if not first or first == EOT:
                return "q"
            if first == ESC:  # an arrow or function key: ESC [ … final byte (or ESC O x)
                if select.select([fd], [], [], 0.05)[0] and os.read(fd, 1) in (b"[", b"O"):
                    while (byte := os.read(fd, 1)) and not 0x40 <= byte[0] <= 0x7E:
                        pass
                continue
            length = 1 if first[0] < 0xC0 else 2 if first[0] < 0xE0 else 3 if first[0] < 0xF0 else 4
            data = first + (os.read(fd, length - 1) if length > 1 else b"")
            char = data.decode("utf-8", "replace")
            if char.isspace() or not char.isprintable():
                continue
            # an Enter typed with the key (out of habit, or pasted) is not the answer to the next question
            while select.select([fd], [], [], 0)[0]:
                byte = os.read(fd, 1)
                if byte not in (b"\r", b"\n"):
                    _ahead.append(byte)  # a key typed ahead: the next answer
                    break
            return char
    finally:
        termios.tcsetattr(fd, termios.TCSADRAIN, saved)
