"""The company's branding on every public output: name, logo, colours and public address."""

from __future__ import annotations

import base64
from dataclasses import dataclass
from typing import Protocol


class BrandSettings(Protocol):
    company_name: str
    company_logo_url: str
    company_logo_svg: str
    company_color: str
    company_accent_color: str
    public_base_url: str


@dataclass(frozen=True)
class Brand:
    name: str
    logo_url: str = ""
    logo_svg: str = ""
    color: str = "#1f4e79"
    accent: str = "#b3541e"
    base_url: str = "http://127.0.0.1:8000"

    @classmethod
    def from_settings(cls, settings: BrandSettings) -> Brand:
        return cls(
            name=settings.company_name,
            logo_url=settings.company_logo_url,
            logo_svg=settings.company_logo_svg,
            color=settings.company_color,
            accent=settings.company_accent_color,
            base_url=settings.public_base_url.rstrip("/"),
        )

    def logo_src(self) -> str:
        """Where the logo image comes from ("" for none).

        Inline SVG becomes a data: image, so a script inside it never runs (an <img> never
        runs scripts); a URL must be a same-origin path or http(s), never javascript:.
        """
        if self.logo_svg.strip():
            packed = base64.b64encode(self.logo_svg.strip().encode()).decode()
            return "data:image/svg+xml;base64," + packed
        url = self.logo_url.strip()
        if url.startswith("/") and not url.startswith("//"):
            return url
        if url.lower().startswith(("https://", "http://")):
            return url
        return ""

    def absolute(self, path: str) -> str:
        return self.base_url + path
