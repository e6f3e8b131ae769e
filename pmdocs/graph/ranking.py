"""Rows of steps inside the bands of a swimlane: a longest-path layering of each band, with
the arrows that would go upwards (back to an earlier stage, or closing a loop) set apart."""

from __future__ import annotations

from typing import Sequence


def local_ranks(nodes: Sequence[str], band_of: dict[str, int],
                arrows: Sequence[tuple[str, str]]) -> tuple[dict[str, int], set[tuple[str, str]]]:
    """Each node's row within its band (0 = the band's first row), and the arrows left out
    of the layering: those into an earlier band, and those closing a loop inside a band
    (found by a depth-first search in declared order, so the choice is stable)."""
    loose = {(source, target) for source, target in arrows if band_of[target] < band_of[source]}
    inside = [(source, target) for source, target in arrows if band_of[source] == band_of[target]]
    loose |= _loop_closers(nodes, inside)
    forward = [arrow for arrow in inside if arrow not in loose]
    return _longest_paths(nodes, forward), loose


def _loop_closers(nodes: Sequence[str], arrows: Sequence[tuple[str, str]]) -> set[tuple[str, str]]:
    following: dict[str, list[str]] = {node: [] for node in nodes}
    for source, target in arrows:
        following[source].append(target)
    state = {node: "new" for node in nodes}
    closers: set[tuple[str, str]] = set()
    for start in nodes:
        if state[start] != "new":
            continue
        state[start] = "open"
        stack = [(start, iter(following[start]))]
        while stack:
            node, targets = stack[-1]
            target = next(targets, None)
            if target is None:
                state[node] = "done"
                stack.pop()
            elif state[target] == "open":
                closers.add((node, target))
            elif state[target] == "new":
                state[target] = "open"
                stack.append((target, iter(following[target])))
    return closers


def _longest_paths(nodes: Sequence[str], arrows: Sequence[tuple[str, str]]) -> dict[str, int]:
    """Rows of a directed acyclic graph: each node one below the lowest node leading to it."""
    incoming = {node: 0 for node in nodes}
    following: dict[str, list[str]] = {node: [] for node in nodes}
    for source, target in dict.fromkeys(arrows):
        incoming[target] += 1
        following[source].append(target)
    rank = {node: 0 for node in nodes}
    ready = [node for node in nodes if incoming[node] == 0]
    while ready:
        node = ready.pop(0)
        for target in following[node]:
            rank[target] = max(rank[target], rank[node] + 1)
            incoming[target] -= 1
            if incoming[target] == 0:
                ready.append(target)
    return rank
