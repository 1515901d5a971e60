"""Rendering only (HTML, JSON, CSV, terminal) and writing files safely."""
