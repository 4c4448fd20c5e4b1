from __future__ import annotations

from pydantic import BaseModel

from relais_ambassadors.schemas import SocialAccountRead, TaxonomyRef


class DirectoryEntry(BaseModel):
    id: str
    display_name: str
    job_title: str
    department: TaxonomyRef | None
    location: str
    languages: list[str]
    themes: list[TaxonomyRef]
    accounts: list[SocialAccountRead]
    public: bool
