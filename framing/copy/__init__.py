"""Shared wire copy: sentence alignment, edits, what each outlet kept, suggestions."""
