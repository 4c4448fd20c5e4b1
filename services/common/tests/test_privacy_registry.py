"""The privacy registry finds every table that holds a person and is covered by nothing."""

from __future__ import annotations

import pytest
from relais_common.privacy import PrivacyRegistry
from sqlalchemy import Column, ForeignKey, Integer, MetaData, String, Table


def metadata() -> MetaData:
    md = MetaData()
    Table("person", md, Column("id", String(36), primary_key=True))
    Table("note", md, Column("id", Integer, primary_key=True), Column("text", String(10)))
    Table(
        "comment",
        md,
        Column("id", Integer, primary_key=True),
        Column("author", String(36), ForeignKey("person.id")),
    )
    Table("login", md, Column("id", Integer, primary_key=True), Column("email", String(254)))
    Table(
        "audit",
        md,
        Column("id", Integer, primary_key=True),
        Column("subject", String(64), info={"person": "who the entry is about"}),
    )
    return md


def test_tables_with_a_person_reference_and_no_registration_are_named() -> None:
    registry: PrivacyRegistry[str] = PrivacyRegistry(person_table="person")
    assert registry.uncovered(metadata()) == ["audit", "comment", "login", "person"]


def test_export_erasure_or_a_reasoned_exemption_covers_a_table() -> None:
    registry: PrivacyRegistry[str] = PrivacyRegistry(person_table="person")
    registry.register("person", tables=["person"], erase=lambda s, p: None)
    registry.register("comments", tables=["comment"], export=lambda s, p: [])
    registry.register("logins", tables=["login"], erase=lambda s, p: None)
    registry.exempt("audit", "kept by law for ten years")
    assert registry.uncovered(metadata()) == []
    registry.exempt("typo", "no such table")
    assert registry.stale(metadata()) == ["typo"]


def test_registrations_must_do_something_and_exemptions_say_why() -> None:
    registry: PrivacyRegistry[str] = PrivacyRegistry(person_table="person")
    with pytest.raises(ValueError, match="export, an erasure"):
        registry.register("nothing", tables=["note"])
    with pytest.raises(ValueError, match="reason"):
        registry.exempt("audit", " ")
    registry.register("notes", tables=["note"], export=lambda s, p: 1)
    with pytest.raises(ValueError, match="already"):
        registry.register("notes", tables=["note"], export=lambda s, p: 2)


def test_erasers_run_by_order_and_exports_are_keyed() -> None:
    registry: PrivacyRegistry[str] = PrivacyRegistry(person_table="person")
    ran: list[str] = []
    registry.register("last", tables=["person"], erase=lambda s, p: ran.append("last"), order=9)
    registry.register("first", tables=["comment"], erase=lambda s, p: ran.append(p))
    registry.register("comments", tables=["comment"], export=lambda s, p: [p])
    registry.erase(None, "p-1")  # type: ignore[arg-type]
    assert ran == ["p-1", "last"]
    assert registry.export(None, "p-1") == {"comments": ["p-1"]}  # type: ignore[arg-type]
