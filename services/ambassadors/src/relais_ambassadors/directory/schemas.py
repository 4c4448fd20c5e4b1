from __future__ import annotations

from pydantic import BaseModel

from relais_ambassadors.schemas import DepartmentRead, SocialAccountRead, ThemeRead


class DirectoryEntry(BaseModel):
    id: str
    display_name: str
    job_title: str
    department: DepartmentRead | None
    location: str
    languages: list[str]
    themes: list[ThemeRead]
    accounts: list[SocialAccountRead]
    public: bool
