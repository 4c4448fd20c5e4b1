from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Response
from relais_common.auth import AdminUser, CurrentUser
from relais_common.concurrency import IfMatch, check_if_match, set_etag
from relais_common.db import DbSession
from relais_common.routing import include_archived_option

from relais_ambassadors.departments import service
from relais_ambassadors.departments.schemas import DepartmentCreate, DepartmentUpdate
from relais_ambassadors.models import Department
from relais_ambassadors.problems import api_router
from relais_ambassadors.schemas import DepartmentRead
from relais_ambassadors.themes.schemas import MergeRequest
from relais_ambassadors.views import department_views

router = api_router("departments")
IncludeArchived = Annotated[
    bool, Depends(include_archived_option("Only administrators can see archived departments."))
]


def _view(session: DbSession, department: Department, response: Response) -> DepartmentRead:
    set_etag(response, department.id, department.version)
    return department_views(session, [department])[0]


@router.get("/departments", response_model=list[DepartmentRead], name="list")
def list_departments(session: DbSession, include_archived: IncludeArchived) -> list[DepartmentRead]:
    rows = service.listing(session, include_archived=include_archived)
    return department_views(session, rows)


@router.get("/departments/{department_id}", response_model=DepartmentRead, name="get")
def get_department(
    department_id: str, session: DbSession, _user: CurrentUser, response: Response
) -> DepartmentRead:
    return _view(session, service.get(session, department_id), response)


@router.post("/departments", status_code=201, response_model=DepartmentRead, name="create")
def create_department(
    body: DepartmentCreate, session: DbSession, _admin: AdminUser, response: Response
) -> DepartmentRead:
    return _view(session, service.create(session, name=body.name), response)


@router.patch("/departments/{department_id}", response_model=DepartmentRead, name="update")
def update_department(
    department_id: str,
    body: DepartmentUpdate,
    session: DbSession,
    _admin: AdminUser,
    response: Response,
    if_match: IfMatch = None,
) -> DepartmentRead:
    department = service.get(session, department_id)
    check_if_match(if_match, department.id, department.version)
    return _view(session, service.rename(session, department, name=body.name), response)


@router.post("/departments/{department_id}/merge", response_model=DepartmentRead, name="merge")
def merge_department(
    department_id: str,
    body: MergeRequest,
    session: DbSession,
    _admin: AdminUser,
    response: Response,
) -> DepartmentRead:
    target = service.merge(session, service.get(session, department_id), body.into_id)
    return _view(session, target, response)


@router.post("/departments/{department_id}/archive", response_model=DepartmentRead, name="archive")
def archive_department(
    department_id: str, session: DbSession, _admin: AdminUser, response: Response
) -> DepartmentRead:
    return _view(session, service.archive(service.get(session, department_id)), response)
