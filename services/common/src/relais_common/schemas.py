"""The base of every request body: unknown fields are refused (422 naming them), never ignored.

A field the server silently drops is a lie to the client (``{"emial": ...}`` would "succeed"),
so every model a request body is read into derives from :class:`RequestModel`; a test walks
every service's routes and fails on a body model that does not.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict


class RequestModel(BaseModel):
    model_config = ConfigDict(extra="forbid")


def body_models(app: Any) -> dict[str, list[type[BaseModel]]]:
    """Every pydantic model a route of ``app`` reads a JSON body into (nested ones too), by route.

    Form bodies are left out: OAuth2's token request may carry parameters we do not read.
    """
    from fastapi.params import Form
    from fastapi.routing import APIRoute, iter_route_contexts

    found: dict[str, list[type[BaseModel]]] = {}
    for context in iter_route_contexts(app.routes):
        route = context.original_route
        if not isinstance(route, APIRoute) or route.body_field is None:
            continue
        if not isinstance(route.body_field.field_info, Form):
            key = f"{','.join(sorted(context.methods or ()))} {context.path}"
            found[key] = _models_in(route.body_field.field_info.annotation, set())
    return found


def _models_in(annotation: Any, seen: set[type[BaseModel]]) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        if annotation in seen:
            return []
        seen.add(annotation)
        nested = [
            m for f in annotation.model_fields.values() for m in _models_in(f.annotation, seen)
        ]
        return [annotation, *nested]
    args = getattr(annotation, "__args__", ())
    return [m for arg in args for m in _models_in(arg, seen)]
