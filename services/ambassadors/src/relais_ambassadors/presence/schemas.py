"""The presence map's one shape: rows for a matrix (people x platforms) and a graph."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from relais_ambassadors.schemas import TaxonomyRef


class Scope(BaseModel):
    kind: Literal["network", "department", "company"]
    id: str | None
    name: str


class PlatformColumn(BaseModel):
    id: str
    label: str
    people: int = Field(description="People of the whole scope on this platform")
    externals: int = Field(description="External actors shown here on this platform")


class Presence(BaseModel):
    platform: str
    handle: str
    profile_url: str


class PersonRow(BaseModel):
    id: str
    display_name: str
    department: TaxonomyRef | None
    role: Literal["chair", "committee", "member"] | None = Field(
        description="Their role, for a network's map"
    )
    presences: list[Presence]


class ExternalRow(BaseModel):
    id: str
    name: str
    kind: str
    organisation: str
    presences: list[Presence]


class GraphNode(BaseModel):
    id: str = Field(examples=["person:5b0c6a0e-…", "platform:mastodon", "external:…"])
    kind: Literal["person", "platform", "external"]
    label: str


class GraphEdge(BaseModel):
    source: str
    target: str = Field(description="Always a platform node")
    handle: str


class Graph(BaseModel):
    nodes: list[GraphNode]
    edges: list[GraphEdge]


class PresenceMap(BaseModel):
    """This page's people (and, for a network, its externals, at most 100), the platform
    columns with totals over the whole scope, and the same page as a graph."""

    scope: Scope
    platforms: list[PlatformColumn]
    people: list[PersonRow]
    externals: list[ExternalRow]
    graph: Graph
    total_people: int
    next_cursor: str | None


class RecommendationReason(BaseModel):
    kind: Literal["members", "externals", "audience"]
    detail: str


class PlatformRecommendation(BaseModel):
    platform: str
    label: str
    score: int
    reasons: list[RecommendationReason]
    text: str


class RecommendationList(BaseModel):
    items: list[PlatformRecommendation] = Field(description="Best first")
    method: str = Field(description="How the score is computed")
