"""OpenAPI schema and docs; the one error shape is documented."""

from __future__ import annotations

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_openapi_schema_lists_the_productions_routes(client) -> None:
    schema = client.get("/api/v1/openapi.json").json()
    assert schema["info"]["title"] == "Lynchpin API"
    paths = set(schema["paths"])
    assert {"/api/v1/productions/", "/api/v1/productions/{production_id}",
            "/api/v1/productions/{production_id}/members",
            "/api/v1/productions/{production_id}/audit"} <= paths
    get = schema["paths"]["/api/v1/productions/{production_id}"]["get"]
    assert {"200", "403", "404"} <= set(get["responses"])
    assert "ErrorOut" in schema["components"]["schemas"]
    assert set(schema["components"]["securitySchemes"]) == {"TokenAuth", "SessionAuth"}
    listing = schema["paths"]["/api/v1/productions/"]["get"]
    assert {"limit", "offset"} == {param["name"] for param in listing["parameters"]}
    assert listing["parameters"][0]["schema"]["maximum"] == 100


def test_docs_page_and_namespace(client) -> None:
    assert reverse("api-1:openapi-json") == "/api/v1/openapi.json"
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    assert b"swagger" in response.content.lower()
