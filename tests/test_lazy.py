"""An attribute computed on first read (`sidelines.lazy`)."""

from __future__ import annotations

from sidelines.lazy import lazy


class Counted:
    def __init__(self) -> None:
        self.computed = 0

    @lazy
    def value(self) -> int:
        """Counts its computations."""
        self.computed += 1
        return 40 + self.computed


def test_a_lazy_attribute_is_computed_once_per_instance() -> None:
    one, other = Counted(), Counted()
    assert (one.value, one.value, one.computed) == (41, 41, 1)
    assert (other.computed, other.value) == (0, 41)


def test_the_class_attribute_is_the_descriptor_with_its_doc() -> None:
    assert isinstance(Counted.value, lazy)
    assert Counted.value.__doc__ == "Counts its computations."
